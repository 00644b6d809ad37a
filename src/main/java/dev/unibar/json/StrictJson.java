package dev.unibar.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unibar.core.Printable;

/**
 * The one way Unibar reads vendor JSON, in {@code translate} and in the live bridge alike, so that a
 * line one accepts the other cannot refuse (issue 13, finding 6): a second value after the first,
 * a key given twice, or nesting and numbers beyond sane limits make the text unreadable, with the
 * reason, instead of being dropped or resolved last-wins.
 */
public final class StrictJson {

    /** Deeper than any vendor payload seen by a factor of ten. */
    public static final int MAX_DEPTH = 64;
    /** Longest text line {@code translate} reads, and the shim's own batch size. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** How much of a bad line or reason stderr and logs ever show. */
    public static final int MAX_SHOWN = Printable.MAX_SHOWN;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(64).maxStringLength(MAX_LINE_BYTES).build());
    }

    private StrictJson() {
    }

    /** A readable problem with a text. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    /**
     * Reads one JSON value; {@link Unreadable} says why not, in one printable line.
     * An empty text is unreadable too (Jackson would give a missing node).
     */
    public static JsonNode read(String text) throws Unreadable {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable(printable(reason(e)));
        }
        if (n == null || n.isMissingNode()) throw new Unreadable("empty");
        return n;
    }

    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) return e.getClass().getSimpleName();
        if (m.startsWith("Trailing token")) return "more than one JSON value on the line";
        if (m.startsWith("Duplicate field")) return "duplicate key " + m.substring("Duplicate field ".length());
        return m;
    }

    /** Text safe for a terminal or a log line: {@link Printable#of}, shared with the session's log. */
    public static String printable(String s) {
        return Printable.of(s);
    }
}
