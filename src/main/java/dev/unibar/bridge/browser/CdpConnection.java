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

    /**
     * Where messages go and whence they come; {@link #start} is called once the handlers are set. A message
     * over {@link #MAX_MESSAGE_BYTES} is never held: it is skipped to its end and reported by its first bytes,
     * and the next one is read as usual (issue 22: one page's binding call ran the reader out of memory).
     */
    interface Transport extends AutoCloseable {
        /** Far above a shim batch (1 MiB of characters, escaped) or any answer Unibar asks for. */
        int MAX_MESSAGE_BYTES = 16 << 20;
        /** How much of a skipped message is kept to say what it was. */
        int HEAD_BYTES = 256;

        void start(Receiver receiver);

        void send(String message) throws IOException;

        @Override
        void close();
    }

    /** What a transport hands on, on its reader thread. */
    interface Receiver {
        void message(String text);

        /** A message over the limit, skipped: its first {@link Transport#HEAD_BYTES} and its whole size. */
        void oversized(String head, long bytes);

        void closed();
    }

    /** A protocol event Unibar makes itself when a message over the limit was skipped ({@code params.bytes}). */
    static final String OVERSIZED_EVENT = "Unibar.oversizedMessage";
    private static final java.util.regex.Pattern HEAD_ID = java.util.regex.Pattern.compile("^\\{\\s*\"id\"\\s*:\\s*(\\d{1,9})\\s*[,}]");
    private static final java.util.regex.Pattern HEAD_SESSION = java.util.regex.Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9A-Fa-f]{1,64})\"");

    private final Transport transport;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Consumer<CdpEvent> events;
    private volatile boolean closed;

    CdpConnection(Transport transport, Consumer<CdpEvent> events, Runnable onClosed) {
        this.transport = transport;
        this.events = events;
        transport.start(new Receiver() {
            @Override
            public void message(String text) {
                receive(text);
            }

            @Override
            public void oversized(String head, long bytes) {
                skipped(head, bytes);
            }

            @Override
            public void closed() {
                closed = true;
                IOException gone = new IOException("the browser connection closed");
                waiting.values().forEach(f -> f.completeExceptionally(gone));
                waiting.clear();
                onClosed.run();
            }
        });
    }

    /**
     * An answer too big to hold fails its command; anything else (a page's binding call) becomes an
     * {@link #OVERSIZED_EVENT} for whoever listens, with the session it names when its head says so.
     */
    private void skipped(String head, long bytes) {
        System.getLogger(CdpConnection.class.getName()).log(System.Logger.Level.WARNING,
                "a DevTools message of " + bytes + " bytes is over the limit of " + Transport.MAX_MESSAGE_BYTES + "; skipped");
        java.util.regex.Matcher id = HEAD_ID.matcher(head);
        if (id.find()) {
            CompletableFuture<JsonNode> f = waiting.remove(Integer.parseInt(id.group(1)));
            if (f != null) f.completeExceptionally(new CdpException("the answer (" + bytes + " bytes) is over the DevTools message limit"));
            return;
        }
        java.util.regex.Matcher session = HEAD_SESSION.matcher(head);
        events.accept(new CdpEvent(OVERSIZED_EVENT, params().put("bytes", bytes), session.find() ? session.group(1) : null));
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
