package dev.unibar.connectors.epbx;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One WebSocket of the Core transport: it cuts the text it receives into JSON records at the 0x1E
 * separator and hands each to the transport, and remembers when it last wrote (for the pings).
 */
final class CoreHubSocket extends HubSocket {

    final CompletableFuture<Void> handshake = new CompletableFuture<>();
    volatile long lastSentNanos = System.nanoTime();

    private final BiConsumer<CoreHubSocket, String> records;
    private final Consumer<CoreHubSocket> onClosed;
    private final StringBuilder partial = new StringBuilder();

    CoreHubSocket(URI uri, String bearer, Runnable answered, BiConsumer<CoreHubSocket, String> records,
                  Consumer<CoreHubSocket> onClosed) {
        super(uri, bearer == null || bearer.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + bearer), answered);
        this.records = records;
        this.onClosed = onClosed;
    }

    @Override
    public void send(String text) {
        lastSentNanos = System.nanoTime();
        super.send(text);
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
    protected void closed() {
        handshake.completeExceptionally(new java.io.IOException("closed"));
        onClosed.accept(this);
    }
}
