package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives what the page's shim captured, in order, off the FX thread. */
public interface CaptureHandler {

    /**
     * One capture line (CONTRACT format) from a trusted origin.
     *
     * @param raw the line as JSON text, for the inspector
     */
    void captured(String origin, JsonNode line, String raw);

    /** A batch or line that could not be read. */
    void malformed(String raw, String reason);

    /** A message from an origin that is not trusted: never mapped. */
    void dropped(String origin, String raw);

    /**
     * Console output and uncaught errors of the hosted page, for diagnostics only: never a capture
     * line. The default ignores them.
     */
    default void console(String level, String text) {
    }

    /**
     * The page's life ({@link PageEvent}), in order with the captures, on the same thread. The default ignores
     * it.
     */
    default void page(PageEvent event) {
    }
}
