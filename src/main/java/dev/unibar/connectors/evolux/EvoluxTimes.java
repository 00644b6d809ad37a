package dev.unibar.connectors.evolux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.Payloads;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Evolux's times and durations, read leniently (docs/vendors/evolux.md: "Times"). */
final class EvoluxTimes {

    private EvoluxTimes() {
    }

    /** ISO with Z or an offset, any fraction, T or a space; epoch numbers; null when unreadable. */
    static Instant time(JsonNode n, String field) {
        Instant t = Payloads.time(n, field);
        if (t != null || n == null) return t;
        String s = Payloads.text(n, field);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s.trim().replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The pause's maximum duration in seconds. Evolux's examples only show null; seconds are assumed for
     * numbers, and "HH:MM:SS" or ISO-8601 "PT15M" are read as what they say. Zero or unreadable: none.
     */
    static Integer seconds(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        long s;
        if (v.isNumber()) {
            s = Math.round(v.asDouble());
        } else {
            String t = v.asText().trim();
            try {
                if (t.matches("\\d+(\\.\\d+)?")) s = Math.round(Double.parseDouble(t));
                else if (t.matches("\\d+:\\d{1,2}:\\d{1,2}")) {
                    String[] hms = t.split(":");
                    s = Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
                } else if (t.toUpperCase(java.util.Locale.ROOT).startsWith("P")) s = Duration.parse(t).getSeconds();
                else return null;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return s > 0 && s <= Integer.MAX_VALUE ? (int) s : null;
    }
}
