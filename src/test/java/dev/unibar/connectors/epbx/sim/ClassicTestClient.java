package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.CONNECTION_DATA;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.HTTP;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.JSON;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.enc;

/** A minimal classic SignalR 2 client on the JDK WebSocket, written from the wire document. */
final class ClassicTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final String base;
    final String token;
    String connectionToken;
    String connectionId;
    volatile String lastCursor;
    private WebSocket ws;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    /** Frames already taken while looking for another one; searched first. */
    private final List<JsonNode> seen = new ArrayList<>();
    private int nextId;
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    ClassicTestClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode negotiate() throws Exception {
        var r = EpbxTestHttp.get(base + "signalr/negotiate?clientProtocol=1.5&connectionData=" + enc(CONNECTION_DATA)
                + "&access_token=" + enc(token));
        if (r.statusCode() != 200) throw new AssertionError("negotiate " + r.statusCode());
        JsonNode n = JSON.readTree(r.body());
        connectionToken = n.get("ConnectionToken").asText();
        connectionId = n.get("ConnectionId").asText();
        return n;
    }

    String query() {
        return "transport=webSockets&clientProtocol=1.5&connectionToken=" + enc(connectionToken)
                + "&connectionData=" + enc(CONNECTION_DATA) + "&access_token=" + enc(token);
    }

    /** Opens connect (or reconnect with the last cursor); throws when the handshake is refused. */
    void open(boolean reconnect) throws Exception {
        String ws0 = base.replace("http://", "ws://") + "signalr/" + (reconnect ? "reconnect" : "connect") + "?" + query()
                + (reconnect && lastCursor != null ? "&messageId=" + enc(lastCursor) : "") + "&tid=3";
        ws = HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(URI.create(ws0), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode n = JSON.readTree(text.toString());
                        if (n.has("C")) lastCursor = n.get("C").asText();
                        frames.add(n);
                    } catch (Exception e) {
                        frames.add(JSON.createObjectNode().put("unparsable", text.toString()));
                    }
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    JsonNode start() throws Exception {
        var r = EpbxTestHttp.get(base + "signalr/start?" + query());
        if (r.statusCode() != 200) throw new AssertionError("start " + r.statusCode());
        return JSON.readTree(r.body());
    }

    /** negotiate, connect, init frame, start. */
    ClassicTestClient connect() throws Exception {
        negotiate();
        open(false);
        JsonNode init = await(f -> f.has("S"));
        if (init.get("S").asInt() != 1) throw new AssertionError("init frame " + init);
        start();
        return this;
    }

    /** Sends an invocation; returns its reply frame (the one with our I). */
    JsonNode invokeOn(String hub, String method, Object... args) throws Exception {
        String id = String.valueOf(nextId++);
        ObjectNode m = JSON.createObjectNode();
        m.put("H", hub);
        m.put("M", method);
        ArrayNode a = m.putArray("A");
        for (Object o : args) {
            if (o instanceof Integer i) a.add(i);
            else a.add(String.valueOf(o));
        }
        m.put("I", Integer.parseInt(id));
        ws.sendText(m.toString(), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return await(f -> f.has("I") && id.equals(f.get("I").asText()) && !f.has("M"));
    }

    JsonNode invoke(String method, Object... args) throws Exception {
        return invokeOn("atendimentohub", method, args);
    }

    /** The first push message (not frame) for this event; returns its A array. */
    JsonNode awaitPush(String event) throws Exception {
        JsonNode frame = await(f -> hasPush(f, event));
        for (JsonNode m : frame.get("M")) if (event.equals(m.path("M").asText())) return m.get("A");
        throw new AssertionError("unreachable");
    }

    static boolean hasPush(JsonNode f, String event) {
        if (!f.has("M") || !f.get("M").isArray()) return false;
        for (JsonNode m : f.get("M")) if (event.equals(m.path("M").asText())) return true;
        return false;
    }

    /** Waits for (and consumes) the first frame matching; earlier non-matching frames stay available. */
    JsonNode await(Predicate<JsonNode> p) throws Exception {
        synchronized (seen) {
            for (int i = 0; i < seen.size(); i++) {
                if (p.test(seen.get(i))) return seen.remove(i);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) throw new AssertionError("no matching frame within " + WAIT + "; seen " + seen);
            if (p.test(f)) return f;
            synchronized (seen) {
                seen.add(f);
            }
        }
    }

    void forgetFrames() {
        synchronized (seen) {
            seen.clear();
        }
        frames.clear();
    }

    @Override
    public void close() {
        if (ws != null) ws.abort();
    }
}
