package dev.unibar.connectors;

import dev.unibar.bridge.PageChannel;

import java.time.Clock;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * What the composition root offers a vendor module: a clock and, for vendors whose bar is a web page, a
 * host page on the loopback host server with a channel to the page. How the page is shown (a WebView
 * today, a browser window later) is the environment's business, not the vendor's.
 */
public interface VendorEnvironment {

    Clock clock();

    /**
     * Serves {@code html} at {@code path} on the host server and returns the channel that will show it. Only
     * messages from the host page itself and from {@code trustedOrigins} reach the vendor's mapper.
     */
    PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins);

    /** The absolute URL of a path on the host server (after {@link #hostPage}). */
    String pageUrl(String path);

    /**
     * Whether pages shown here can carry WebRTC audio (a browser window can; JavaFX's WebView cannot), so a
     * vendor with a browser softphone warns the agent only where there will be no audio. Without pages: false.
     */
    default boolean pagesCarryWebRtc() {
        return false;
    }
}
