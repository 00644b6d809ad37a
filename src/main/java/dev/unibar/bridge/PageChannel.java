package dev.unibar.bridge;

import java.util.concurrent.CompletionStage;

/**
 * A vendor web page hosted by Unibar, seen without JavaFX types so that connectors (which must not
 * depend on the UI toolkit) can drive it. The WebView implementation lives in this package; tests may
 * supply another.
 */
public interface PageChannel {

    /** Load a page, normally one served by {@link HostServer}. */
    void load(String url);

    /**
     * Run a script in the page. The stage completes with the script's result rendered as a string (or
     * null), or fails with the JavaScript error.
     */
    CompletionStage<String> call(String script);

    /** Where captured vendor lines go; called on a worker thread, never the FX thread. */
    void setCaptureHandler(CaptureHandler handler);

    /**
     * Hands {@code secret} to a frame of {@code frameOrigin} inside the page when it asks the page's top window
     * for it, in documents of the vendor's origins only, and to no other frame (a page Unibar serves itself,
     * such as AgentDesktop's widget; decision 0037). Channels that host no frames ignore it.
     */
    default void shareWithFrames(String frameOrigin, String secret) {
    }
}
