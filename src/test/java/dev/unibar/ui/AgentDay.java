package dev.unibar.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's day as data ({@code src/test/resources/scenarios/agent-day.yml}): the day's steps, the pill's colour
 * per situation, the journal the day leaves, and per vendor what it cannot do, what differs and its known gaps.
 */
record AgentDay(Map<String, String> colours, List<Step> day, List<JsonNode> journal, Map<String, Vendor> vendors) {

    static final String FILE = "/scenarios/agent-day.yml";

    /** One step as a vendor plays it: the day's step with the vendor's differences merged over it. */
    record Step(String id, String agent, String far, JsonNode with, JsonNode see, JsonNode farBefore) {

        String text(String key) {
            JsonNode n = with.get(key);
            return n == null || n.isNull() ? null : n.asText();
        }

        /** The action's name: the agent's, else the far end's. */
        String action() {
            return agent != null ? agent : far;
        }
    }

    /** A vendor's block of the table. */
    record Vendor(String id, List<String> hosts, Map<String, String> cannot, Map<String, JsonNode> steps,
                  Map<String, String> knownGaps, List<String> noJournal, List<JsonNode> journal) {

        /** Why the bar offers no control for this agent action here, or null when it does. */
        String cannot(Step s) {
            return s.agent() == null ? null : cannot.get(s.agent());
        }
    }

    static AgentDay read() {
        try (InputStream in = AgentDay.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException(FILE + " is not on the test class path");
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, String> colours = new LinkedHashMap<>();
            root.get("colours").fields().forEachRemaining(e -> colours.put(e.getKey(), e.getValue().asText()));
            List<Step> day = new ArrayList<>();
            for (JsonNode s : root.get("day")) day.add(step(s));
            List<JsonNode> journal = new ArrayList<>();
            root.path("journal").forEach(journal::add);
            Map<String, Vendor> vendors = new LinkedHashMap<>();
            root.get("vendors").fields().forEachRemaining(e -> vendors.put(e.getKey(), vendor(e.getKey(), e.getValue())));
            return new AgentDay(colours, day, journal, vendors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day as {@code vendor} plays it. */
    List<Step> stepsFor(Vendor vendor) {
        List<Step> out = new ArrayList<>();
        for (Step s : day) {
            JsonNode o = vendor.steps().get(s.id());
            if (o == null) {
                out.add(s);
                continue;
            }
            out.add(new Step(s.id(), o.has("agent") ? text(o, "agent") : o.has("far") ? null : s.agent(),
                    o.has("far") ? text(o, "far") : o.has("agent") ? null : s.far(),
                    merged(s.with(), o.get("with")), merged(s.see(), o.get("see")),
                    o.has("far-before") ? o.get("far-before") : s.farBefore()));
        }
        return out;
    }

    private static Step step(JsonNode s) {
        return new Step(s.get("id").asText(), text(s, "agent"), text(s, "far"), obj(s.get("with")), obj(s.get("see")),
                s.get("far-before"));
    }

    private static Vendor vendor(String id, JsonNode v) {
        List<String> hosts = new ArrayList<>();
        v.path("hosts").forEach(h -> hosts.add(h.asText()));
        Map<String, String> cannot = strings(v.get("cannot"));
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        if (v.has("steps")) v.get("steps").fields().forEachRemaining(e -> steps.put(e.getKey(), e.getValue()));
        List<String> noJournal = new ArrayList<>();
        v.path("noJournal").forEach(n -> noJournal.add(n.asText()));
        List<JsonNode> journal = null;
        if (v.has("journal")) {
            journal = new ArrayList<>();
            v.get("journal").forEach(journal::add);
        }
        return new Vendor(id, hosts, cannot, steps, strings(v.get("knownGaps")), noJournal, journal);
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null) n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode obj(JsonNode n) {
        return n instanceof ObjectNode o ? o : new ObjectMapper().createObjectNode();
    }

    /** {@code over}'s keys replace {@code base}'s (one level). */
    private static ObjectNode merged(JsonNode base, JsonNode over) {
        ObjectNode out = obj(base).deepCopy();
        if (over != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
