package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Chrome DevTools Protocol client over any message transport: numbered commands whose answers complete
 * futures, and events handed to one listener in arrival order (on the transport's reader thread). Commands
 * to a page go through the browser connection with its {@code sessionId} (flat sessions).
 */
final class CdpConnection {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One protocol event; {@code sessionId} is null for browser-level events. */
    record CdpEvent(String method, JsonNode params, String sessionId) {
    }

    /** Where messages go and whence they come; {@link #start} is called once the handlers are set. */
    interface Transport extends AutoCloseable {
        void start(Consumer<String> onMessage, Runnable onClosed);

        void send(String message) throws IOException;

        @Override
        void close();
    }

    private final Transport transport;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Consumer<CdpEvent> events;
    private volatile boolean closed;

    CdpConnection(Transport transport, Consumer<CdpEvent> events, Runnable onClosed) {
        this.transport = transport;
        this.events = events;
        transport.start(this::receive, () -> {
            closed = true;
            IOException gone = new IOException("the browser connection closed");
            waiting.values().forEach(f -> f.completeExceptionally(gone));
            waiting.clear();
            onClosed.run();
        });
    }

    CompletableFuture<JsonNode> send(String method, ObjectNode params) {
        return send(null, method, params);
    }

    /** Completes with the command's {@code result}, or fails with a {@link CdpException}. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new IOException("the browser connection is closed"));
            return f;
        }
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) msg.put("sessionId", sessionId);
        waiting.put(id, f);
        try {
            transport.send(msg.toString());
        } catch (IOException | RuntimeException e) {
            waiting.remove(id);
            f.completeExceptionally(e);
        }
        return f;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        transport.close();
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private void receive(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            System.getLogger(CdpConnection.class.getName()).log(System.Logger.Level.WARNING,
                    "unreadable DevTools message (" + text.length() + " chars)");
            return;
        }
        JsonNode id = m.get("id");
        if (id != null && id.canConvertToInt()) {
            CompletableFuture<JsonNode> f = waiting.remove(id.asInt());
            if (f == null) return;
            JsonNode error = m.get("error");
            if (error != null) f.completeExceptionally(new CdpException(error.path("message").asText("error")));
            else f.complete(m.path("result"));
            return;
        }
        JsonNode method = m.get("method");
        if (method != null) {
            JsonNode session = m.get("sessionId");
            events.accept(new CdpEvent(method.asText(), m.path("params"), session == null ? null : session.asText()));
        }
    }

    /** The browser refused a command. */
    static final class CdpException extends RuntimeException {
        CdpException(String message) {
            super(message);
        }
    }
}
