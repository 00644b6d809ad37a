package dev.unibar.simkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulator's scenarios: each a name, what it does, the parameters it reads and how it runs. One book
 * serves the Java API, the bar's Simulator menu (by name, without parameters) and the HTTP control
 * endpoint ({@link ControlRoutes#scenarios}).
 */
public final class ScenarioBook {

    /** What a scenario is, as {@code GET …/scenarios} lists it. */
    public record Scenario(String name, String description, Map<String, String> params) {
    }

    /** Runs a scenario; {@code out} already holds {@code ok} and {@code scenario}, and takes what it started. */
    @FunctionalInterface
    public interface Play {
        void run(Params p, Map<String, Object> out);
    }

    /** The name is not in the book (HTTP 404). */
    public static final class UnknownScenario extends IllegalArgumentException {
        public UnknownScenario(String name, Iterable<String> known) {
            super("unknown scenario " + name + " (known: " + String.join(", ", known) + ")");
        }
    }

    private final Map<String, Scenario> info = new LinkedHashMap<>();
    private final Map<String, Play> plays = new LinkedHashMap<>();
    private boolean ignoreCase;

    /** Names are found in any case (EPBX's control API lives under IIS's case-insensitive paths). */
    public ScenarioBook ignoreCase() {
        ignoreCase = true;
        return this;
    }

    /** Adds a scenario; {@code params} alternate name and meaning ("number", "caller number (default …)"). */
    public ScenarioBook add(String name, String description, Play play, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) p.put(params[i], params[i + 1]);
        info.put(name, new Scenario(name, description, Collections.unmodifiableMap(p)));
        plays.put(name, play);
        return this;
    }

    public List<Scenario> list() {
        return List.copyOf(info.values());
    }

    public List<String> names() {
        return List.copyOf(info.keySet());
    }

    public boolean knows(String name) {
        return find(name) != null;
    }

    private String find(String name) {
        if (name == null) return null;
        if (plays.containsKey(name)) return name;
        if (!ignoreCase) return null;
        for (String n : plays.keySet()) if (n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return n;
        return null;
    }

    /**
     * Runs {@code name} with {@code params}.
     *
     * @return {@code {ok: true, scenario: name, …what it started}}
     * @throws UnknownScenario          no such scenario
     * @throws IllegalArgumentException bad parameters
     * @throws IllegalStateException    the simulator is not in a state the scenario can act on
     */
    public Map<String, Object> run(String name, Map<String, ?> params) {
        String n = find(name);
        if (n == null) throw new UnknownScenario(name, info.keySet());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("scenario", n);
        plays.get(n).run(Params.of(params), out);
        return out;
    }

    /** The list as plain maps, for a simulator's older Java API. */
    public List<Map<String, String>> namesAndDescriptions() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Scenario s : info.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            out.add(m);
        }
        return out;
    }

    /** Name → description, in the book's order. */
    public Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        info.values().forEach(s -> m.put(s.name(), s.description()));
        return m;
    }
}
