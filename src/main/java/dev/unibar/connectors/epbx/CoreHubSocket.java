package dev.unibar.connectors.epbx;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebSocket of the Core transport (Java-WebSocket clients are single-use): it cuts the text it
 * receives into JSON records at the 0x1E separator and hands each to the transport, and remembers when
 * it last heard from and wrote to the server for the keep-alive.
 */
final class CoreHubSocket extends WebSocketClient {

    private static final System.Logger LOG = System.getLogger(CoreHubSocket.class.getName());
    private static final Pattern HTTP_STATUS = Pattern.compile("status code received: (\\d{3})",
            Pattern.CASE_INSENSITIVE);

    final CompletableFuture<Void> handshake = new CompletableFuture<>();
    final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    volatile long lastFrameNanos = System.nanoTime();
    volatile long lastSentNanos = System.nanoTime();
    volatile int httpStatus;
    volatile String closeReason;
    volatile boolean abandoned;

    private final BiConsumer<CoreHubSocket, String> records;
    private final Consumer<CoreHubSocket> onClosed;
    private final StringBuilder partial = new StringBuilder();

    CoreHubSocket(URI uri, String bearer, BiConsumer<CoreHubSocket, String> records, Consumer<CoreHubSocket> onClosed) {
        super(uri, bearer == null || bearer.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
        this.records = records;
        this.onClosed = onClosed;
        setConnectionLostTimeout(0); // SignalR pings do this job
    }

    @Override
    public void send(String text) {
        lastSentNanos = System.nanoTime();
        super.send(text);
    }

    @Override
    public void onOpen(ServerHandshake h) {
        lastFrameNanos = System.nanoTime();
    }

    @Override
    public void onMessage(String text) {
        lastFrameNanos = System.nanoTime();
        partial.append(text);
        int rs;
        while ((rs = partial.indexOf(String.valueOf(CoreSignalRTransport.RS))) >= 0) {
            String record = partial.substring(0, rs);
            partial.delete(0, rs + 1);
            if (!record.isBlank()) records.accept(this, record);
        }
    }

    /** A server may send the text protocol in binary frames. */
    @Override
    public void onMessage(ByteBuffer bytes) {
        onMessage(StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = Redact.text(reason);
        Matcher m = HTTP_STATUS.matcher(reason == null ? "" : reason);
        if (m.find()) httpStatus = Integer.parseInt(m.group(1));
        handshake.completeExceptionally(new java.io.IOException("closed"));
        closedFuture.complete(null);
        onClosed.accept(this);
    }

    @Override
    public void onError(Exception ex) {
        // onClose follows with the reason; the message may hold the URL, so it is not logged as is.
        LOG.log(System.Logger.Level.DEBUG, "EPBX socket error: " + Redact.text(String.valueOf(ex.getMessage())));
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
