package dev.unibar.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a flow: an agent action (a command the bar sends), a far-end action (played by the simulator)
 * or a pause, followed by the normalized events expected within {@code within}. {@code args} are the step's
 * other keys as plain YAML values; {@code line} is where the step starts in its file.
 */
public record Step(int number, int line, Kind kind, String action, Map<String, Object> args,
                   List<EventPattern> expect, Duration within, String title) {

    public enum Kind { AGENT, FAR, WAIT }

    public Step {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        expect = List.copyOf(expect);
    }

    /** What the step does, for reports and the bar's flow window: its own title, else kind, action and args. */
    public String label() {
        if (title != null) return title;
        StringBuilder b = new StringBuilder(switch (kind) {
            case AGENT -> "agent ";
            case FAR -> "far end ";
            case WAIT -> "wait ";
        }).append(action);
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) continue;
            // A flow run against a live vendor may carry a real password: reports never show it.
            Object v = e.getKey().equals("password") ? "******" : e.getValue();
            b.append(' ').append(e.getKey()).append('=').append(v);
        }
        return b.toString();
    }

    /** The pause of a wait step. */
    public Duration pause() {
        return kind == Kind.WAIT ? Durations.parse(action) : Duration.ZERO;
    }

    String text(String key) {
        Object v = args.get(key);
        return v == null ? null : String.valueOf(v);
    }

    boolean flag(String key) {
        Object v = args.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }

    /** A list of texts (a single value is a list of one). */
    List<String> list(String key) {
        Object v = args.get(key);
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
        Object v = args.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
