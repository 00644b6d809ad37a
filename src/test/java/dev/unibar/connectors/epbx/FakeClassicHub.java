package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.Payloads;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A minimal classic SignalR 2 server speaking the frames of docs/vendors/epbx-protocol.md: negotiate,
 * connect (init frame), start, reconnect, abort, invocations, pushes and keep-alives. Only what the
 * transport tests need; the real simulator lives elsewhere.
 */
public final class FakeClassicHub implements AutoCloseable {

    static final String TOKEN = "tok-VALID-123456";

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> invocations = new CopyOnWriteArrayList<>();
    final Set<String> knownConnections = ConcurrentHashMap.newKeySet();
    final AtomicInteger negotiations = new AtomicInteger();
    volatile double keepAliveTimeout = 20.0;
    volatile boolean keepAlives = true;
    /** method name (lower case) → reply: a JsonNode result, or a String starting with "E:" for an error. */
    volatile BiFunction<String, JsonNode, Object> methods = (m, a) -> null;

    private final Server server = new Server();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger cursor = new AtomicInteger(100);
    private final AtomicInteger connectionCounter = new AtomicInteger();
    private volatile Session session;

    FakeClassicHub() throws Exception {
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        ContextHandler ctx = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, ctx, container -> {
            container.addMapping("/Service/signalr/connect", (req, resp, cb) -> socket(req, resp, cb, false));
            container.addMapping("/Service/signalr/reconnect", (req, resp, cb) -> socket(req, resp, cb, true));
        });
        ws.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request req, Response resp, Callback cb) {
                return http(req, resp, cb);
            }
        });
        ctx.setHandler(ws);
        server.setHandler(ctx);
        server.start();
        timer.scheduleAtFixedRate(() -> {
            Session s = session;
            if (keepAlives && s != null && s.isOpen()) s.sendText("{}", org.eclipse.jetty.websocket.api.Callback.NOOP);
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/Service/";
    }

    static Map<String, String> query(Request req) {
        Map<String, String> q = new HashMap<>();
        String raw = req.getHttpURI().getQuery();
        if (raw == null) return q;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            String k = i < 0 ? kv : kv.substring(0, i);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private boolean http(Request req, Response resp, Callback cb) {
        String path = req.getHttpURI().getPath();
        Map<String, String> q = query(req);
        requests.add(path + "?" + req.getHttpURI().getQuery());
        if (path.endsWith("/oauth2/Token")) {
            // Enough OAuth for a connector test over this hub: every login gets the valid token.
            return write(resp, cb, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":600,\"refresh_token\":\"r-1\"}");
        }
        if (!TOKEN.equals(q.get("access_token"))) {
            return write(resp, cb, 401, "{\"error\":\"unauthorized\"}");
        }
        if (path.endsWith("/signalr/negotiate")) {
            int n = negotiations.incrementAndGet();
            String token = "conn-" + n + "-" + connectionCounter.incrementAndGet();
            knownConnections.add(token);
            return write(resp, cb, 200, "{\"Url\":\"/Service/signalr\",\"ConnectionToken\":\"" + token
                    + "\",\"ConnectionId\":\"id-" + n + "\",\"KeepAliveTimeout\":" + keepAliveTimeout
                    + ",\"DisconnectTimeout\":30.0,\"ConnectionTimeout\":110.0,\"TryWebSockets\":true,"
                    + "\"ProtocolVersion\":\"1.5\",\"TransportConnectTimeout\":5.0,\"LongPollDelay\":0.0}");
        }
        if (path.endsWith("/signalr/start")) {
            if (!knownConnections.contains(q.get("connectionToken"))) return write(resp, cb, 404, "{}");
            return write(resp, cb, 200, "{\"Response\":\"started\"}");
        }
        if (path.endsWith("/signalr/abort")) {
            knownConnections.remove(q.get("connectionToken"));
            return write(resp, cb, 200, "");
        }
        return write(resp, cb, 404, "{}");
    }

    private static boolean write(Response resp, Callback cb, int status, String body) {
        resp.setStatus(status);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(resp, true, body, cb);
        return true;
    }

    private Object socket(Request req, Response resp, Callback cb, boolean reconnect) {
        Map<String, String> q = query(req);
        requests.add(req.getHttpURI().getPath() + "?" + req.getHttpURI().getQuery());
        if (!TOKEN.equals(q.get("access_token"))) {
            Response.writeError(req, resp, cb, 401);
            return null;
        }
        if (!knownConnections.contains(q.get("connectionToken"))) {
            Response.writeError(req, resp, cb, 404);
            return null;
        }
        return new Endpoint(this, reconnect);
    }

    /** Jetty calls listener methods through public lookups: the class must be public. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final FakeClassicHub hub;
        private final boolean reconnect;

        Endpoint(FakeClassicHub hub, boolean reconnect) {
            this.hub = hub;
            this.reconnect = reconnect;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            hub.session = s;
            if (!reconnect) {
                s.sendText("{\"C\":\"c-" + hub.cursor.get() + "\",\"S\":1,\"M\":[]}",
                        org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // a dropped test connection; nothing to do
        }

        @Override
        public void onWebSocketText(String text) {
            JsonNode f;
            try {
                f = Payloads.JSON.readTree(text);
            } catch (Exception e) {
                return;
            }
            hub.invocations.add(text);
            String id = f.get("I").asText();
            Object r = hub.methods.apply(f.get("M").asText().toLowerCase(), f.get("A"));
            ObjectNode reply = Payloads.JSON.createObjectNode().put("I", id);
            if (r instanceof String s && s.startsWith("E:")) reply.put("E", s.substring(2));
            else if (r instanceof JsonNode j) reply.set("R", j);
            Session cur = hub.session;
            if (cur != null) cur.sendText(reply.toString(), org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    /** Sends one push with a new cursor; returns the cursor. */
    String push(String method, Object... args) {
        String c = "c-" + cursor.incrementAndGet();
        ObjectNode frame = Payloads.JSON.createObjectNode().put("C", c);
        ObjectNode m = frame.putArray("M").addObject();
        m.put("H", "AtendimentoHub");
        m.put("M", method);
        ArrayNode a = m.putArray("A");
        for (Object o : args) a.add(Payloads.JSON.valueToTree(o));
        session.sendText(frame.toString(), org.eclipse.jetty.websocket.api.Callback.NOOP);
        return c;
    }

    boolean hasSession() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /** Cuts the TCP connection without a close handshake. */
    void dropConnection() {
        Session s = session;
        session = null;
        if (s != null) s.disconnect();
    }

    /** Behaves like a restarted server: every connection token is unknown from now on. */
    void forgetConnections() {
        knownConnections.clear();
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        server.stop();
    }
}
