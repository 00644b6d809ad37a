package dev.unibar.connectors.epbx;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebSocket of either SignalR transport (Java-WebSocket clients are single-use): when it last heard
 * from the server, and why it closed (an HTTP status of a refused upgrade, or the reason, token removed).
 */
abstract class HubSocket extends WebSocketClient {

    private static final System.Logger LOG = System.getLogger(HubSocket.class.getName());
    private static final Pattern HTTP_STATUS = Pattern.compile("status code received: (\\d{3})",
            Pattern.CASE_INSENSITIVE);

    /** Completes when the socket has closed, its reason recorded. */
    final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    volatile long lastFrameNanos = System.nanoTime();
    volatile int httpStatus;
    volatile String closeReason;
    /** The transport has given this socket up: its close is no drop. */
    volatile boolean abandoned;
    private final Runnable answered;

    /** @param answered told when the server answers the upgrade (accepted, or refused with an HTTP status) */
    HubSocket(URI uri, Map<String, String> headers, Runnable answered) {
        super(uri, headers);
        this.answered = answered;
        setConnectionLostTimeout(0); // SignalR keep-alives and pings do this job
    }

    /** After the close is recorded: the transport's reaction. */
    protected abstract void closed();

    @Override
    public void onOpen(ServerHandshake handshake) {
        lastFrameNanos = System.nanoTime();
        answered.run();
    }

    @Override
    public final void onClose(int code, String reason, boolean remote) {
        closeReason = Redact.text(reason);
        Matcher m = HTTP_STATUS.matcher(reason == null ? "" : reason);
        if (m.find()) {
            httpStatus = Integer.parseInt(m.group(1));
            answered.run();
        }
        closedFuture.complete(null);
        closed();
    }

    @Override
    public void onError(Exception ex) {
        // onClose follows with the reason; the message may hold the URL, so it is not logged as is.
        LOG.log(System.Logger.Level.DEBUG, "EPBX socket error: " + Redact.text(String.valueOf(ex.getMessage())));
    }

    /**
     * Opens the socket within {@code ms}. A refused upgrade fails with its HTTP status (401 or 403 as
     * {@link HubTransport.Unauthorized}: the token, not the network, is the trouble).
     */
    void open(long ms) throws java.io.IOException, InterruptedException {
        if (connectBlocking(ms, TimeUnit.MILLISECONDS)) return;
        awaitClosed();
        if (httpStatus == 401 || httpStatus == 403) throw new HubTransport.Unauthorized("connect", httpStatus);
        throw new java.io.IOException("WebSocket connect failed" + failureText());
    }

    /**
     * Waits up to {@code ms} for the server's first word on this socket ({@code greeting}: the classic
     * init frame, the Core handshake); without it the socket is given up and the failure names {@code what}.
     */
    void awaitGreeting(CompletableFuture<Void> greeting, long ms, String what) throws java.io.IOException,
            InterruptedException {
        try {
            greeting.get(ms, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            abandoned = true;
            close();
            throw new java.io.IOException("no " + what + " from the server");
        } catch (java.util.concurrent.ExecutionException e) {
            abandoned = true;
            close();
            throw new java.io.IOException("no " + what + ": " + e.getCause().getMessage() + failureText());
        }
    }

    /** Java-WebSocket releases connectBlocking before it calls onClose: wait for the reason to land. */
    void awaitClosed() {
        try {
            closedFuture.get(1, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // no close reported: treated as a network failure
        }
    }

    String failureText() {
        return httpStatus > 0 ? " (HTTP " + httpStatus + ")" : closeReason != null && !closeReason.isBlank()
                ? " (" + closeReason + ")" : "";
    }
}
