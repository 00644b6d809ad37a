package dev.unibar.bridge;

import javafx.application.Platform;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * WebSockets for pages in a JavaFX WebView, carried by Java. JavaFX 21's WebView exposes
 * {@code WebSocket} but its native callbacks are missing (JDK-8331765: {@code UnsatisfiedLinkError}
 * on open), so the shim replaces {@code window.WebSocket} with one that calls a {@link SocketBridge}
 * ({@code window.unibarSockets}), and each page socket becomes one Java-WebSocket client here. See
 * docs/decisions/0006-websocket-relay.md.
 *
 * <p>One relay per WebView. Each document gets its own {@link SocketBridge}: attaching the next
 * one retires the previous, which closes its sockets ("going away") and drops whatever it still had
 * to deliver, so nothing from an old page reaches the new one. Events go back to the page on the FX
 * thread, a burst coalesced into one {@code Platform.runLater}. Thread-safe.
 */
public final class WebSocketRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebSocketRelay.class.getName());

    private final OriginPolicy policy;
    private final Executor fx;
    private final AtomicReference<SocketBridge> current = new AtomicReference<>();
    final AtomicInteger openSockets = new AtomicInteger();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private volatile boolean closed;

    /** Events are handed to the page with {@code Platform.runLater}. */
    public WebSocketRelay(OriginPolicy policy) {
        this(policy, Platform::runLater);
    }

    /** {@code fx} runs the delivery of a batch on the thread that may touch the page. */
    WebSocketRelay(OriginPolicy policy, Executor fx) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /**
     * A bridge for a newly attached page window; the previous page's bridge is retired. Called on the
     * FX thread.
     *
     * @param pageOrigin the page's {@code location.origin}, sent as the {@code Origin} header
     * @param userAgent  sent as {@code User-Agent}, as the WebView would; may be null
     * @param deliver    takes one JSON batch {@code [[id, type, payload], ...]}; runs on the FX thread
     */
    public SocketBridge attach(String pageOrigin, String userAgent, Consumer<String> deliver) {
        SocketBridge b = new SocketBridge(this, pageOrigin, userAgent, deliver);
        if (closed) {
            b.retire();
            return b;
        }
        SocketBridge old = current.getAndSet(b);
        if (old != null) old.retire();
        return b;
    }

    /** Closes the current page's sockets (the page is being replaced or unloaded). */
    public void retire() {
        SocketBridge old = current.getAndSet(null);
        if (old != null) old.retire();
    }

    /** Sockets whose handshake completed and that are not closed yet. */
    public int openSockets() {
        return openSockets.get();
    }

    /** Handshakes that completed since the relay was created. */
    public long opened() {
        return opened.get();
    }

    /** Sockets that ended with an error (refused, handshake rejected, dropped). */
    public long failed() {
        return failed.get();
    }

    /** Sockets refused because their URL is not one of the vendor's endpoints. */
    public long refused() {
        return refused.get();
    }

    /** Messages (text or binary) received from servers. */
    public long messagesIn() {
        return messagesIn.get();
    }

    /** Messages (text or binary) pages sent to servers. */
    public long messagesOut() {
        return messagesOut.get();
    }

    /** JavaScript calls that carried events to pages: far fewer than events under a burst. */
    public long deliveries() {
        return deliveries.get();
    }

    @Override
    public void close() {
        closed = true;
        retire();
    }

    void runOnFx(Runnable r) {
        fx.execute(r);
    }

    /**
     * Only the vendor's own endpoints (see {@link OriginPolicy#allowsSocket}): Java carries these
     * sockets, so the browser's port and origin rules no longer stand between a page and, say, a SIP
     * port. A refusal is logged without the query (vendor URLs carry tokens).
     */
    boolean allows(URI uri) {
        if (policy.allowsSocket(uri)) {
            LOG.log(System.Logger.Level.DEBUG, "relaying a page WebSocket to " + WebPageChannel.withoutQuery(uri.toString()));
            return true;
        }
        LOG.log(System.Logger.Level.WARNING, "page WebSocket refused, not a vendor endpoint: "
                + WebPageChannel.withoutQuery(uri.toString()));
        return false;
    }
}
