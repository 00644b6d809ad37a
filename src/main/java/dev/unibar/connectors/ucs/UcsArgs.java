package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;

/** A UCS callback's arguments, read: the seed passes objects, scalars and lists, and guarantees none of them. */
final class UcsArgs {

    /** More waiting callers than any queue holds is a corrupt value, not a count. */
    static final int MAX_WAITING = 1_000_000;

    private UcsArgs() {
    }

    static JsonNode arg(JsonNode args, int i) {
        if (args == null || !args.isArray() || i >= args.size()) return null;
        return args.get(i);
    }

    static JsonNode object(JsonNode args, int i, String what) throws MalformedCaptureException {
        JsonNode v = arg(args, i);
        if (v == null || !v.isObject()) throw new MalformedCaptureException(what + " argument is not an object");
        return v;
    }

    static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            String v = Payloads.text(n, f);
            if (v != null) return v;
        }
        return null;
    }

    static String queueId(JsonNode args) throws MalformedCaptureException {
        String q = Payloads.scalar(arg(args, 0));
        if (q == null) throw new MalformedCaptureException("queue callback without a queue id");
        return q;
    }

    static int count(JsonNode v) throws MalformedCaptureException {
        Integer n = null;
        if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
            n = v.intValue();
        } else if (v != null && v.isTextual()) {
            try {
                n = Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (n == null || n < 0 || n > MAX_WAITING) {
            String shown = v == null ? "missing" : v.toString();
            throw new MalformedCaptureException("waiting callers " + (n == null ? "is not a number" : "out of range 0.." + MAX_WAITING)
                    + ": " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
        }
        return n;
    }
}
