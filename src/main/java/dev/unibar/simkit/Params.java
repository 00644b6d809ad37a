package dev.unibar.simkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's or a control request's parameters, as JSON gave them. A value of the wrong kind is an
 * {@link IllegalArgumentException} naming the key (HTTP 400), never a silent default.
 */
public final class Params {

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    public static Params of(Map<String, ?> map) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (map != null) map.forEach((k, v) -> m.put(String.valueOf(k), v));
        return new Params(Collections.unmodifiableMap(m));
    }

    public static Params none() {
        return of(Map.of());
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public String str(String key, String def) {
        Object v = values.get(key);
        return v == null ? def : String.valueOf(v);
    }

    public long num(String key, long def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not " + v);
        }
    }

    /** {@code true}/{@code "true"} and {@code false}/{@code "false"}; anything else is refused. */
    public boolean bool(String key, boolean def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof Boolean b) return b;
        String s = String.valueOf(v).trim();
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(key + " must be true or false, not " + v);
    }

    /** A JSON object's entries; absent: empty. */
    public Map<String, Object> map(String key) {
        Object v = values.get(key);
        Map<String, Object> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException(key + " must be an object");
        m.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
    }

    /** A JSON array; absent: {@link IllegalArgumentException} too, since whoever asks needs one. */
    public List<Object> list(String key) {
        if (!(values.get(key) instanceof List<?> l)) throw new IllegalArgumentException(key + " must be an array");
        return new ArrayList<>(l);
    }
}
