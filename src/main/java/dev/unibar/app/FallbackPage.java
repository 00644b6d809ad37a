package dev.unibar.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.HostFallback;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.PageEvent;
import dev.unibar.bridge.browser.BrowserPageChannel;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The vendor page in browser mode, with the bar's WebView behind it (issue 21, decision 0076): while the browser
 * window works, everything goes to it; when it cannot start or keeps stopping ({@link BrowserPageChannel.WindowState#FAILED}),
 * or when no browser was found at all, the same page (same host server, same capture handler, same address) is
 * loaded in a WebView instead. The connector — and with it the agent's session and the calls the bar holds — is
 * not rebuilt: it is told {@link PageEvent.Kind#MOVED} with the reason, in order with the captures, and the
 * WebView's first document is a new document like a reopened window's (the web-bar kit reconciles the calls).
 */
final class FallbackPage implements PageChannel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FallbackPage.class.getName());

    private final OriginPolicy policy;
    /** Null when no browser was found. */
    private final BrowserPageChannel browser;
    private final HostFallback atStart;
    private final List<String[]> shared = new CopyOnWriteArrayList<>();
    private final List<Consumer<Node>> onMoved = new CopyOnWriteArrayList<>();
    private volatile CaptureHandler handler;
    private volatile String url;
    private volatile DeferredPage webView;
    private volatile HostFallback why;
    private volatile boolean closed;
    /** The WebView's place in the vendor panel once the page moved there; FX thread. */
    private Node movedNode;

    /** The page in {@code browser}'s window, moved to a WebView if the window fails. */
    FallbackPage(OriginPolicy policy, BrowserPageChannel browser) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.atStart = null;
    }

    /** No browser to start ({@code why}): the page goes to the WebView as soon as the connector listens. */
    FallbackPage(OriginPolicy policy, HostFallback why) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.browser = null;
        this.atStart = Objects.requireNonNull(why, "why");
        this.webView = new DeferredPage(policy);
        // As WebViewPages does: on the FX thread the WebView is made at once, else after the bar's first frame.
        if (Platform.isFxApplicationThread()) webView.realize(false);
    }

    /** The browser window's channel; null when no browser was found. */
    BrowserPageChannel browser() {
        return browser;
    }

    /** The WebView's channel, once the page is there (from the start when no browser was found); else null. */
    DeferredPage webView() {
        return webView;
    }

    /** Why the page is in the WebView, once it is. */
    java.util.Optional<HostFallback> fallback() {
        return java.util.Optional.ofNullable(why);
    }

    /** The channel that shows the page now: the browser window, or the WebView (once made, the real one). */
    PageChannel shown() {
        DeferredPage w = webView;
        if (w == null) return browser;
        return w.real() != null ? w.real() : w;
    }

    /** Told the WebView's node when the page moves there, or at once if it has. FX thread. */
    void onMoved(Consumer<Node> listener) {
        onMoved.add(listener);
        if (movedNode != null) listener.accept(movedNode);
    }

    @Override
    public void load(String url) {
        this.url = Objects.requireNonNull(url, "url");
        shown().load(url);
    }

    @Override
    public CompletionStage<String> call(String script) {
        return shown().call(script);
    }

    @Override
    public void setCaptureHandler(CaptureHandler h) {
        handler = h;
        if (browser != null) {
            browser.setCaptureHandler(new Watch(h));
        } else {
            // Before the connector loads its page: the WebView gets that load like any other.
            moveToWebView(atStart);
        }
    }

    @Override
    public void shareWithFrames(String frameOrigin, String secret) {
        shared.add(new String[]{frameOrigin, secret});
        shown().shareWithFrames(frameOrigin, secret);
    }

    /**
     * Once: tells the connector why, then replays on a new WebView channel what the connector set up on the
     * browser's (handler, secrets for frames, the page), and shows it on the FX thread.
     */
    private void moveToWebView(HostFallback reason) {
        DeferredPage w;
        synchronized (this) {
            if (closed || why != null) return;
            why = reason;
            w = webView != null ? webView : new DeferredPage(policy);
        }
        LOG.log(System.Logger.Level.WARNING, "the vendor page moves to the bar's WebView: " + reason);
        CaptureHandler h = handler;
        if (h != null) {
            h.page(PageEvent.moved(reason));
            w.setCaptureHandler(h);
        }
        for (String[] s : shared) w.shareWithFrames(s[0], s[1]);
        String u = url;
        if (u != null) w.load(u);
        webView = w;
        Platform.runLater(() -> {
            if (closed) return;
            Node node = w.view();
            movedNode = node;
            for (Consumer<Node> l : onMoved) l.accept(node);
            w.realize();
        });
    }

    @Override
    public void close() {
        closed = true;
        DeferredPage w = webView;
        if (w != null) w.close();
        if (browser != null) browser.close();
    }

    /** The connector's handler behind the browser: everything passes but the window's failure, which moves the page. */
    private final class Watch implements CaptureHandler {
        private final CaptureHandler to;

        Watch(CaptureHandler to) {
            this.to = to;
        }

        @Override
        public void captured(String origin, JsonNode line, String raw) {
            to.captured(origin, line, raw);
        }

        @Override
        public void malformed(String raw, String reason) {
            to.malformed(raw, reason);
        }

        @Override
        public void dropped(String origin, String raw) {
            to.dropped(origin, raw);
        }

        @Override
        public void console(String level, String text) {
            to.console(level, text);
        }

        @Override
        public void page(PageEvent event) {
            if (event.kind() != PageEvent.Kind.FAILED) {
                to.page(event);
                return;
            }
            moveToWebView(browser.failure().orElseGet(() -> new HostFallback(HostFallback.Why.NOT_STARTED, null, "")));
        }
    }
}
