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
        if (v.isNumber()) return v.intValue();
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
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
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // no zone
        }
        try {
            return java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant epoch(double v) {
        if (v <= 0) return null;
        // Seconds until the year 5138; anything larger is milliseconds.
        return v < 1e11 ? Instant.ofEpochMilli(Math.round(v * 1000)) : Instant.ofEpochMilli(Math.round(v));
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
