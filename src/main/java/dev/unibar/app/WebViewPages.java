package dev.unibar.app;

import dev.unibar.bridge.OriginPolicy;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.util.Optional;

/**
 * Host pages shown in a WebView inside the bar. Asked on the FX thread, the WebView is made at once; asked
 * on another thread (the bar builds its context beside the toolkit's start-up), the page is made real by
 * {@link #realize()} after the bar's first frame, and what the connector asked meanwhile is replayed.
 */
final class WebViewPages extends PageHost<DeferredPage> {

    private boolean madeAtOnce;

    WebViewPages(Clock clock) {
        super(clock);
    }

    @Override
    DeferredPage newChannel(OriginPolicy policy) {
        DeferredPage page = new DeferredPage(policy);
        if (Platform.isFxApplicationThread()) {
            page.realize(false);
            madeAtOnce = true;
        }
        return page;
    }

    /** JavaFX 21's WebView has no RTCPeerConnection (docs/decisions/0016-browser-mode.md). */
    @Override
    public boolean pagesCarryWebRtc() {
        return false;
    }

    @Override
    Optional<Node> view() {
        DeferredPage page = page();
        if (page == null) return Optional.empty();
        return Optional.of(madeAtOnce ? page.real().view() : page.view());
    }

    /** True once the vendor page's WebView exists. */
    boolean made() {
        return page() != null && page().real() != null;
    }

    /** Makes a deferred page's WebView (FX thread); nothing to do otherwise. */
    void realize() {
        if (page() != null) page().realize();
    }
}
