package dev.unibar.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lenient readers for vendor payloads: vendors send ids and numbers as numbers or strings, booleans as
 * "True"/"False", and times as epoch seconds, milliseconds or text. The CONTRACT wants strings and
 * ISO instants, so every mapper reads through here.
 */
public final class Payloads {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** Text of a scalar field (numbers without a trailing ".0"), or null when absent, null or empty. */
    public static String text(JsonNode n, String field) {
        if (n == null) return null;
        return scalar(n.get(field));
    }

    public static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) return null;
        String s;
        if (v.isIntegralNumber()) s = v.bigIntegerValue().toString();
        else if (v.isNumber()) s = v.decimalValue().stripTrailingZeros().toPlainString();
        else s = v.asText();
        return s.isEmpty() ? null : s;
    }

    public static Boolean bool(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.intValue() != 0;
        String s = v.asText().trim();
        if (s.equalsIgnoreCase("true") || s.equals("1")) return true;
        if (s.equalsIgnoreCase("false") || s.equals("0")) return false;
        return null;
    }

    public static Integer integer(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        // intValue() would wrap 4294967297 to 1: a number that does not fit is unreadable, not another number.
        if (v.isNumber()) return v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An integer field that must lie in {@code [min, max]} when present: null when absent or null;
     * anything else (text that is no integer, a fraction, a number out of range) makes the line
     * malformed, naming the field.
     */
    public static Integer intIn(JsonNode n, String field, int min, int max) throws MalformedCaptureException {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        Integer i = integer(n, field);
        if (i == null || i < min || i > max) {
            throw new MalformedCaptureException(field + " is not an integer in " + min + ".." + max + ": "
                    + clip(v.toString()));
        }
        return i;
    }

    /**
     * A time field as {@link #time}, but present and unreadable or implausible (before 1990, after
     * 2200) makes the line malformed instead of giving no time; 0 counts as absent.
     */
    public static Instant timeChecked(JsonNode n, String field) throws MalformedCaptureException {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isNumber() && v.asDouble() == 0) || v.asText().isBlank()) return null;
        Instant t = time(n, field);
        if (t == null) throw new MalformedCaptureException(field + " is not a plausible time: " + clip(v.toString()));
        return t;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /**
     * A vendor time: epoch seconds or milliseconds (told apart by size), or ISO-8601 text with or
     * without zone (taken as UTC without). Null when absent or unreadable.
     */
    public static Instant time(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return epoch(v.asDouble());
        String s = v.asText().trim();
        if (s.isEmpty()) return null;
        try {
            return epoch(Double.parseDouble(s));
        } catch (NumberFormatException ignored) {
            // not a number: try text forms
        }
        try {
            return plausible(Instant.parse(s));
        } catch (DateTimeParseException ignored) {
            // no zone
        }
        try {
            return plausible(java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant epoch(double v) {
        if (!(v > 0)) return null;
        // Seconds until the year 5138; anything larger is milliseconds.
        double ms = v < 1e11 ? v * 1000 : v;
        return plausible(ms) ? Instant.ofEpochMilli(Math.round(ms)) : null;
    }

    private static final long EARLIEST_MS = Instant.parse("1990-01-01T00:00:00Z").toEpochMilli();
    private static final long LATEST_MS = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();

    /** 1e300 once became the year 292278994 (Long.MAX_VALUE ms): no vendor means that. */
    private static boolean plausible(double ms) {
        return ms >= EARLIEST_MS && ms < LATEST_MS;
    }

    private static Instant plausible(Instant t) {
        // Compared as instants: toEpochMilli() itself throws for the far years Instant.parse accepts.
        return t != null && !t.isBefore(Instant.ofEpochMilli(EARLIEST_MS)) && t.isBefore(Instant.ofEpochMilli(LATEST_MS)) ? t : null;
    }

    /** A flat string map of an object's scalar fields; nested values are kept as their JSON text. */
    public static Map<String, String> stringMap(JsonNode obj) {
        Map<String, String> m = new LinkedHashMap<>();
        if (obj == null || !obj.isObject()) return m;
        obj.fields().forEachRemaining(en -> {
            JsonNode v = en.getValue();
            if (v == null || v.isNull()) return;
            String s = v.isContainerNode() ? v.toString() : scalar(v);
            if (s != null) m.put(en.getKey(), s);
        });
        return m;
    }
}
