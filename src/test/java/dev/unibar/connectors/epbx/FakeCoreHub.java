package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** A minimal ASP.NET Core SignalR JSON-protocol server for the Core transport tests. */
public final class FakeCoreHub implements AutoCloseable {

    static final String RS = "\u001e";

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authHeaders = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger negotiations = new AtomicInteger();
    /** method → reply: JsonNode result, "E:msg" error, null for a completion without result. */
    volatile BiFunction<String, JsonNode, Object> methods = (m, a) -> null;

    private final Server server = new Server();
    volatile Session session;

    FakeCoreHub() throws Exception {
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        ContextHandler ctx = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, ctx, container ->
                container.addMapping("/Service/atendimentoHub", (req, resp, cb) -> {
                    requests.add("WS " + req.getHttpURI().getPath() + "?" + req.getHttpURI().getQuery());
                    String q = String.valueOf(req.getHttpURI().getQuery());
                    if (!q.contains("access_token=" + FakeClassicHub.TOKEN)) {
                        Response.writeError(req, resp, cb, 401);
                        return null;
                    }
                    return new Endpoint(this);
                }));
        ws.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request req, Response resp, Callback cb) {
                requests.add(req.getMethod() + " " + req.getHttpURI().getPath() + "?" + req.getHttpURI().getQuery());
                authHeaders.add(String.valueOf(req.getHeaders().get(HttpHeader.AUTHORIZATION)));
                String q = String.valueOf(req.getHttpURI().getQuery());
                if (!q.contains("access_token=" + FakeClassicHub.TOKEN)) {
                    resp.setStatus(401);
                    Content.Sink.write(resp, true, "", cb);
                    return true;
                }
                int n = negotiations.incrementAndGet();
                resp.setStatus(200);
                resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(resp, true, "{\"negotiateVersion\":1,\"connectionId\":\"cid" + n
                        + "\",\"connectionToken\":\"ctok" + n + "\",\"availableTransports\":[{\"transport\":"
                        + "\"WebSockets\",\"transferFormats\":[\"Text\",\"Binary\"]}]}", cb);
                return true;
            }
        });
        ctx.setHandler(ws);
        server.setHandler(ctx);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/Service/";
    }

    void send(String json) {
        session.sendText(json + RS, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    void push(String target, Object... args) {
        ObjectNode m = Payloads.JSON.createObjectNode().put("type", 1).put("target", target);
        var a = m.putArray("arguments");
        for (Object o : args) a.add(Payloads.JSON.valueToTree(o));
        send(m.toString());
    }

    void dropConnection() {
        Session s = session;
        session = null;
        if (s != null) s.disconnect();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final FakeCoreHub hub;
        private Session s;

        Endpoint(FakeCoreHub hub) {
            this.hub = hub;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.s = session;
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // dropped in a test
        }

        /** The Java client sends its JSON frames as binary WebSocket messages. */
        @Override
        public void onWebSocketBinary(java.nio.ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            callback.succeed();
            onWebSocketText(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void onWebSocketText(String text) {
            for (String frame : text.split(RS)) {
                if (frame.isBlank()) continue;
                hub.received.add(frame);
                JsonNode f;
                try {
                    f = Payloads.JSON.readTree(frame);
                } catch (Exception e) {
                    continue;
                }
                if (f.has("protocol")) {
                    hub.session = s;
                    s.sendText("{}" + RS, org.eclipse.jetty.websocket.api.Callback.NOOP);
                    continue;
                }
                if (f.path("type").asInt() != 1 || !f.has("invocationId")) continue;
                Object r = hub.methods.apply(f.get("target").asText(), f.get("arguments"));
                ObjectNode c = Payloads.JSON.createObjectNode().put("type", 3)
                        .put("invocationId", f.get("invocationId").asText());
                if (r instanceof String e && e.startsWith("E:")) c.put("error", e.substring(2));
                else if (r instanceof JsonNode j) c.set("result", j);
                s.sendText(c + RS, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }
}
