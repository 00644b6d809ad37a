package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.json.EventJson;
import dev.unibar.json.StrictJson;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket client of the API. Until its origin is paired it gets nothing but the pairing's state: no
 * snapshot, no events, every command refused with {@code not_paired}. Messages to it wait in a queue of their own
 * and are written one at a time; a client that lets {@link #MAX_QUEUED} pile up is closed rather than allowed to
 * hold the bar's memory. Public only because Jetty calls the listener methods reflectively.
 */
public final class ApiSocket implements Session.Listener.AutoDemanding, ApiFeed.Link {

    static final int MAX_QUEUED = 5_000;
    /** A message over this is refused with {@code too_large}; the connection stays. */
    static final int MAX_MESSAGE = 64 * 1024;

    private final LocalApiServer server;
    /** The normalized origin, or null for a program that showed the token. */
    final String origin;
    private final RateLimiter rate;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile Session session;
    private volatile boolean paired;
    private volatile boolean closed;
    /** Queued after the last message: the socket closes once everything before it was written. */
    private static final String CLOSE = new String("close");
    private volatile String closeReason;

    ApiSocket(LocalApiServer server, String origin, int perSecond) {
        this.server = server;
        this.origin = origin;
        this.rate = new RateLimiter(perSecond, System.nanoTime());
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        flush();
        server.opened(this);
    }

    /** The agent approved the origin (or it was approved before): the snapshot and the events from now on. */
    void paired(ApiFeed feed) {
        if (closed || paired) return;
        paired = true;
        if (origin != null) send(pairing("approved"));
        feed.join(this);
    }

    void pending() {
        send(pairing("pending"));
    }

    /** Denied or revoked: told why, then closed (policy violation) once that message is out. */
    void refuse(String state) {
        paired = false;
        send(pairing(state));
        closeReason = "pairing " + state;
        send(CLOSE);
    }

    private String pairing(String state) {
        return EventJson.MAPPER.createObjectNode().put("type", "pairing").put("state", state).put("origin", origin).toString();
    }

    @Override
    public void onWebSocketText(String text) {
        if (text.length() > MAX_MESSAGE || text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
            send(ApiCommands.error(null, "too_large", "messages are limited to " + MAX_MESSAGE + " bytes", null).toString());
            return;
        }
        JsonNode msg;
        try {
            msg = StrictJson.read(text);
        } catch (StrictJson.Unreadable e) {
            send(ApiCommands.error(null, "bad_request", "not a JSON object: " + e.getMessage(), null).toString());
            return;
        }
        String id = msg.path("id").isValueNode() ? msg.path("id").asText() : null;
        String type = msg.path("type").asText("");
        if (type.equals("ping")) {
            send(EventJson.MAPPER.createObjectNode().put("type", "pong").toString());
            return;
        }
        if (!type.equals("command")) {
            send(ApiCommands.error(id, "bad_request", "type must be command or ping", null).toString());
            return;
        }
        if (!paired) {
            send(ApiCommands.error(id, "not_paired", "the agent has not allowed this origin", null).toString());
            return;
        }
        if (!rate.take(System.nanoTime())) {
            send(ApiCommands.error(id, "rate_limited", "too many commands; slow down", null).toString());
            return;
        }
        server.commands().run(msg).thenAccept(r -> send(r.toString()));
    }

    @Override
    public boolean send(String text) {
        if (closed) return false;
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            Session s = session;
            if (s != null) s.close(1008, "client too slow", Callback.NOOP);
            closed = true;
            return false;
        }
        queue.add(text);
        flush();
        return true;
    }

    private void flush() {
        Session s = session;
        if (s == null || !writing.compareAndSet(false, true)) return;
        String next = queue.poll();
        if (next == null) {
            writing.set(false);
            // Something may have been queued between the poll and the reset.
            if (!queue.isEmpty()) flush();
            return;
        }
        queued.decrementAndGet();
        if (next == CLOSE) {
            closed = true;
            s.close(1008, closeReason, Callback.NOOP);
            return;
        }
        s.sendText(next, Callback.from(() -> {
            writing.set(false);
            flush();
        }, err -> {
            writing.set(false);
            closed = true;
        }));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed = true;
        server.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed = true;
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) s.close(code, reason, Callback.NOOP);
    }
}
