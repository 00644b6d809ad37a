package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A recorded event as an expectation that the next run can meet (decision 0039): what the vendor stamps anew
 * on every run is left out or relaxed (times, the vendor key, generated ids, addresses with their port), call
 * ids become variables ({@code $call}), and a call keeps only what the far end decides (direction, numbers,
 * names, queue, campaign, customer).
 */
final class Relax {

    /** The parts of a call snapshot a far end decides; the rest (generated ids, data, times) changes per run. */
    private static final List<String> CALL_KEYS = List.of("direction", "from", "to", "queue", "campaign", "customer",
            "manual", "media");

    private Relax() {
    }

    /**
     * @param var the variable for a call id (made on first use)
     * @param known whether a text names a call id already seen (a notice that quotes it is relaxed)
     */
    static Map<String, Object> pattern(Event e, Function<String, String> var, java.util.function.Predicate<String> known) {
        ObjectNode n = EventJson.toNode(e);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", n.path("type").asText());
        for (var it = n.fields(); it.hasNext(); ) {
            var f = it.next();
            String k = f.getKey();
            JsonNode v = f.getValue();
            switch (k) {
                case "type", "vendor", "at" -> { }
                case "callId" -> out.put(k, "$" + var.apply(v.asText()));
                case "call" -> {
                    Map<String, Object> call = call(v, n.path("callId").asText(null));
                    if (!call.isEmpty()) out.put(k, call);
                }
                // A recording's address carries the vendor's host, port and a generated id.
                case "url" -> out.put(k, "*");
                case "participant" -> out.put(k, plain(v, List.of("number", "state")));
                case "message" -> {
                    if (!mentionsCall(v.asText(), known)) out.put(k, v.asText());
                }
                default -> out.put(k, plain(v, null));
            }
        }
        return out;
    }

    private static Map<String, Object> call(JsonNode c, String callId) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean outbound = "outbound".equals(c.path("direction").asText());
        for (String k : CALL_KEYS) {
            JsonNode v = c.get(k);
            if (v == null) continue;
            // An inbound call's own number (the queue's, a generated id) is the vendor's, not the caller's.
            if (k.equals("to") && !outbound) continue;
            Object p = k.equals("queue") ? queue(v) : plain(v, k.equals("from") || k.equals("to") ? List.of("number", "name") : null);
            if (!(p instanceof Map<?, ?> m) || !m.isEmpty()) out.put(k, p);
        }
        return out;
    }

    /** A queue by its name where it has one: the id may be the vendor's internal number. */
    private static Map<String, Object> queue(JsonNode q) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (q.hasNonNull("name")) out.put("name", q.get("name").asText());
        else if (q.hasNonNull("id")) out.put("id", q.get("id").asText());
        return out;
    }

    /** JSON as flow values: texts stay texts, objects keep {@code keys} (all when null). */
    static Object plain(JsonNode v, List<String> keys) {
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (var it = v.fields(); it.hasNext(); ) {
                var f = it.next();
                if (keys == null || keys.contains(f.getKey())) m.put(f.getKey(), plain(f.getValue(), null));
            }
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new java.util.ArrayList<>();
            v.forEach(i -> l.add(plain(i, null)));
            return l;
        }
        if (v.isBoolean()) return v.asBoolean();
        return v.asText();
    }

    private static boolean mentionsCall(String text, java.util.function.Predicate<String> known) {
        for (String word : text.split("[^A-Za-z0-9._/:-]+")) {
            if (!word.isEmpty() && known.test(word)) return true;
        }
        return false;
    }
}
