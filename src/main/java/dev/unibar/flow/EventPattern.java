package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One expected normalized event, written as the CONTRACT's JSON with patterns in place of values (docs/flows.md):
 * every key given must be there and match; keys left out may be anything. A text value is exact, {@code "*"}
 * is any value, {@code /regex/} must match the whole value, {@code $name} binds the value the first time and
 * must equal it afterwards; {@code null} means the key must be absent; a list matches item by item.
 */
public record EventPattern(int line, Map<String, Object> pattern) {

    public EventPattern {
        // Ordered, and null values are allowed: they mean "absent".
        pattern = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pattern));
    }

    /** Why an event did not match: the key path and what was there. */
    public record Mismatch(String path, Reason problem) {
        /** The path and the problem, for a report in any language. */
        public Reason reason() {
            return path.isEmpty() ? problem : Reason.of("match.at", path, problem);
        }

        @Override
        public String toString() {
            return reason().toString();
        }
    }

    /** Checks the pattern against its syntax (regexes compile); the reader reports the message with the line. */
    public static Reason check(Object value) {
        if (value instanceof String s && isRegex(s)) {
            try {
                Pattern.compile(s.substring(1, s.length() - 1));
            } catch (PatternSyntaxException e) {
                return Reason.of("read.badRegex", s, e.getDescription());
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                Reason p = check(v);
                if (p != null) return p;
            }
        } else if (value instanceof List<?> l) {
            for (Object v : l) {
                Reason p = check(v);
                if (p != null) return p;
            }
        }
        return null;
    }

    /**
     * Matches {@code event}; on success the bindings it made are added to {@code bindings} and null is returned,
     * otherwise the first mismatch (and {@code bindings} is left as it was).
     */
    public Mismatch match(JsonNode event, Map<String, String> bindings) {
        Map<String, String> tentative = new HashMap<>(bindings);
        Mismatch m = matchObject("", pattern, event, tentative);
        if (m == null) bindings.putAll(tentative);
        return m;
    }

    public String type() {
        Object t = pattern.get("type");
        return t == null ? null : String.valueOf(t);
    }

    /** The pattern as flows write it: {type: call.ringing, callId: $call}. */
    public String describe() {
        return show(pattern);
    }

    private static Mismatch matchObject(String path, Map<?, ?> want, JsonNode got, Map<String, String> b) {
        if (got == null || !got.isObject()) return new Mismatch(path, Reason.of("match.notObject", shown(got)));
        for (Map.Entry<?, ?> e : want.entrySet()) {
            String key = String.valueOf(e.getKey());
            String p = path.isEmpty() ? key : path + "." + key;
            JsonNode v = got.get(key);
            if (e.getValue() == null) {
                if (v != null && !v.isNull()) return new Mismatch(p, Reason.of("match.notAbsent", shown(v)));
                continue;
            }
            if (v == null || v.isNull()) return new Mismatch(p, Reason.of("match.missing", show(e.getValue())));
            Mismatch m = matchValue(p, e.getValue(), v, b);
            if (m != null) return m;
        }
        return null;
    }

    private static Mismatch matchValue(String path, Object want, JsonNode got, Map<String, String> b) {
        if (want instanceof Map<?, ?> m) return matchObject(path, m, got, b);
        if (want instanceof List<?> l) {
            if (!got.isArray()) return new Mismatch(path, Reason.of("match.notList", shown(got)));
            if (got.size() != l.size()) {
                return new Mismatch(path, Reason.of("match.itemCount", l.size(), got.size(), shown(got)));
            }
            Iterator<JsonNode> it = got.elements();
            for (int i = 0; i < l.size(); i++) {
                Mismatch mm = matchValue(path + "[" + i + "]", l.get(i), it.next(), b);
                if (mm != null) return mm;
            }
            return null;
        }
        if (got.isContainerNode()) return new Mismatch(path, Reason.of("match.value", show(want), shown(got)));
        String actual = got.asText();
        String w = String.valueOf(want);
        if (want instanceof String s) {
            if (s.equals("*")) return null;
            if (isRegex(s)) {
                return Pattern.compile(s.substring(1, s.length() - 1)).matcher(actual).matches() ? null
                        : new Mismatch(path, Reason.of("match.regex", s, shown(got)));
            }
            if (isVariable(s)) {
                String name = s.substring(1);
                String bound = b.get(name);
                if (bound == null) {
                    b.put(name, actual);
                    return null;
                }
                return bound.equals(actual) ? null
                        : new Mismatch(path, Reason.of("match.bound", s, bound, shown(got)));
            }
        }
        return w.equals(actual) ? null : new Mismatch(path, Reason.of("match.value", "\"" + w + "\"", shown(got)));
    }

    static boolean isRegex(String s) {
        return s.length() >= 2 && s.startsWith("/") && s.endsWith("/");
    }

    static boolean isVariable(String s) {
        return s.length() >= 2 && s.charAt(0) == '$' && s.substring(1).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static Object shown(JsonNode n) {
        if (n == null || n.isMissingNode()) return Reason.of("match.nothing");
        return n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    }

    static String show(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) return l.stream().map(EventPattern::show).collect(Collectors.joining(", ", "[", "]"));
        return v == null ? "null" : String.valueOf(v);
    }
}
