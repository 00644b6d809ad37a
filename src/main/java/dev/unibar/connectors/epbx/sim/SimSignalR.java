package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static dev.unibar.connectors.epbx.sim.EpbxHttp.JSON;
import static dev.unibar.connectors.epbx.sim.EpbxHttp.json;
import static dev.unibar.connectors.epbx.sim.EpbxHttp.parseInt;
import static dev.unibar.connectors.epbx.sim.EpbxHttp.text;

/**
 * The hub's two transports as the server negotiates them: classic ASP.NET SignalR 2 ({@code signalr/negotiate,
 * connect, reconnect, start, abort, ping}) and ASP.NET Core SignalR ({@code atendimentoHub/negotiate} and the
 * WebSocket), each behind the bearer token.
 */
record SimSignalR(EpbxSimulator sim, SimOAuth oauth, ServerWebSocketContainer ws) {

    boolean classic(String op, Request request, Response response, Callback callback, Map<String, String> q) {
        String user = oauth.user(request, q);
        if (user == null) return oauth.unauthorized(response, callback);
        switch (op) {
            case "negotiate" -> {
                String hub = hubName(q.get("connectionData"));
                if (hub == null) return text(response, callback, 500, "text/plain", "'" + q.get("connectionData")
                        + "' Hub could not be resolved.");
                String requested = q.getOrDefault("clientProtocol", "1.5");
                String protocol = switch (requested) {
                    case "1.5", "2.0", "2.1" -> requested;
                    default -> "1.5";
                };
                String id = UUID.randomUUID().toString();
                String token = java.util.Base64.getEncoder().encodeToString(
                        (id + ":" + user + ":" + TokenStore.random(12)).getBytes(StandardCharsets.UTF_8));
                ClassicConnection c = new ClassicConnection(id, token, user, hub, sim.json);
                sim.newHub(c);
                sim.connections.classic.put(token, c);
                ObjectNode n = sim.json.createObjectNode();
                n.put("Url", "/Service/signalr");
                n.put("ConnectionToken", token);
                n.put("ConnectionId", id);
                n.put("KeepAliveTimeout", sim.keepAlive.toMillis() * 3 / 1000.0);
                n.put("DisconnectTimeout", sim.disconnectTimeout.toMillis() / 1000.0);
                n.put("ConnectionTimeout", 110.0);
                n.put("TryWebSockets", true);
                n.put("ProtocolVersion", protocol);
                n.put("TransportConnectTimeout", 5.0);
                n.put("LongPollDelay", 0.0);
                return json(response, callback, 200, n);
            }
            case "connect", "reconnect" -> {
                ClassicConnection c = classicConnection(q, user, response, callback);
                if (c == null) return true;
                if (!"webSockets".equals(q.get("transport"))) {
                    return text(response, callback, 400, "text/plain", "Only the webSockets transport is simulated");
                }
                boolean reconnect = op.equals("reconnect");
                long after = ClassicConnection.parseCursor(q.get("messageId"));
                boolean upgraded = ws.upgrade((rq, rs, cb) -> new ClassicSocket(sim, c, reconnect, after), request,
                        response, callback);
                if (!upgraded) return text(response, callback, 400, "text/plain", "WebSocket upgrade expected");
                return true;
            }
            case "start" -> {
                ClassicConnection c = classicConnection(q, user, response, callback);
                if (c == null) return true;
                c.started = true;
                return text(response, callback, 200, JSON, "{\"Response\":\"started\"}");
            }
            case "abort" -> {
                ClassicConnection c = sim.connections.classic.get(q.getOrDefault("connectionToken", ""));
                if (c != null) sim.connections.forgetClassic(c);
                return text(response, callback, 200, "text/plain", "");
            }
            case "ping" -> {
                return text(response, callback, 200, JSON, "{\"Response\":\"pong\"}");
            }
            default -> {
                return text(response, callback, 400, "text/plain", "Unsupported SignalR request: " + op);
            }
        }
    }

    /** The connection named by the request, or null after writing the refusal. */
    private ClassicConnection classicConnection(Map<String, String> q, String user, Response response, Callback callback) {
        ClassicConnection c = sim.connections.classic.get(q.getOrDefault("connectionToken", ""));
        if (c == null) {
            text(response, callback, 404, "text/plain", "Unknown connection token (negotiate again)");
            return null;
        }
        if (!c.user.equals(user)) {
            text(response, callback, 403, "text/plain",
                    "Unrecognized user identity. The user identity cannot change during an active SignalR connection.");
            return null;
        }
        return c;
    }

    /** "atendimentohub" from connectionData, case-insensitively; null when absent or another hub. */
    private String hubName(String connectionData) {
        if (connectionData == null) return null;
        try {
            JsonNode n = sim.json.readTree(connectionData);
            if (!n.isArray() || n.isEmpty()) return null;
            for (JsonNode h : n) {
                if (!"atendimentohub".equalsIgnoreCase(h.path("name").asText())) return null;
            }
            return "atendimentohub";
        } catch (Exception e) {
            return null;
        }
    }

    // ---- ASP.NET Core SignalR ----

    boolean coreNegotiate(Request request, Response response, Callback callback, Map<String, String> q) {
        if (!"POST".equals(request.getMethod())) return text(response, callback, 405, "text/plain", "POST only");
        String user = oauth.user(request, q);
        if (user == null) return oauth.unauthorized(response, callback);
        String id = TokenStore.random(16);
        int version = parseInt(q.get("negotiateVersion"));
        String token = version >= 1 ? TokenStore.random(16) : id;
        CoreConnection c = new CoreConnection(id, token, user, sim.json);
        sim.newHub(c);
        sim.connections.core.put(token, c);
        ObjectNode n = sim.json.createObjectNode();
        n.put("negotiateVersion", Math.min(1, Math.max(0, version)));
        n.put("connectionId", id);
        if (version >= 1) n.put("connectionToken", token);
        ArrayNode transports = n.putArray("availableTransports");
        ObjectNode w = transports.addObject();
        w.put("transport", "WebSockets");
        w.putArray("transferFormats").add("Text").add("Binary");
        return json(response, callback, 200, n);
    }

    boolean coreConnect(Request request, Response response, Callback callback, Map<String, String> q) {
        String user = oauth.user(request, q);
        if (user == null) return oauth.unauthorized(response, callback);
        CoreConnection c = sim.connections.core.get(q.getOrDefault("id", ""));
        if (c == null || c.session != null) {
            return text(response, callback, 404, "text/plain", "No Connection with that ID");
        }
        if (!c.user.equals(user)) return text(response, callback, 403, "text/plain", "Forbidden");
        boolean upgraded = ws.upgrade((rq, rs, cb) -> new CoreSocket(sim, c), request, response, callback);
        if (!upgraded) return text(response, callback, 400, "text/plain", "Only WebSockets is simulated");
        return true;
    }
}
