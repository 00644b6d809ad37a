package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Every HTTP request of the simulator: routing below {@code /Service/} (case-insensitive, as IIS is),
 * CORS, the token checks, and the WebSocket upgrades of both SignalR protocols.
 */
final class EpbxHttp extends Handler.Abstract {

    private static final String BASE = "/service/";
    private static final String JSON = "application/json; charset=utf-8";

    private final EpbxSimulator sim;
    private final ServerWebSocketContainer ws;

    EpbxHttp(EpbxSimulator sim, ServerWebSocketContainer ws) {
        this.sim = sim;
        this.ws = ws;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getDecodedPath();
        String lp = path == null ? "" : path.toLowerCase(Locale.ROOT);
        cors(request, response);
        if (!lp.startsWith(BASE)) {
            return text(response, callback, 404, "text/plain", "Not found");
        }
        String route = lp.substring(BASE.length());
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) return preflight(request, response, callback);
        Map<String, String> q = parse(request.getHttpURI().getQuery());

        if (route.equals("oauth2/token")) {
            if (!"POST".equals(method)) return text(response, callback, 405, "text/plain", "POST only");
            return token(request, response, callback);
        }
        if (route.equals("signalr/hubs") || route.equals("signalr/js")) {
            // The vendor's page loads the proxy with a plain <script> tag before logging in: no token.
            return text(response, callback, 200, "application/javascript; charset=utf-8",
                    HubProxyScript.script("/Service/signalr"));
        }
        if (route.startsWith("signalr/")) return classic(route.substring(8), request, response, callback, q);
        if (route.equals("atendimentohub/negotiate")) return coreNegotiate(request, response, callback, q);
        if (route.equals("atendimentohub")) return coreConnect(request, response, callback, q);
        if (route.startsWith("api/ligacao/download/")) {
            return download(path.substring(BASE.length() + "api/ligacao/download/".length()), request, response,
                    callback, q);
        }
        if (route.equals("api/integracaoramal/intervaloatual") || route.equals("api/integracaoramal/chamadaativa")) {
            return integracaoRamal(route.endsWith("chamadaativa"), request, response, callback, q);
        }
        if (route.startsWith("sim/")) return control(route.substring(4), path, request, response, callback);
        return text(response, callback, 404, "text/plain", "Not found");
    }

    /**
     * REST Api/IntegracaoRamal/IntervaloAtual and ChamadaAtiva (IntegracaoManagerPostman README names the
     * requests, not the replies; assumed: IntervaloInfo / ChamadaInfo objects, 204 when there is none).
     */
    private boolean integracaoRamal(boolean chamada, Request request, Response response, Callback callback,
                                    Map<String, String> q) {
        if (!"GET".equals(request.getMethod())) return text(response, callback, 405, "text/plain", "GET only");
        String user = user(request, q);
        if (user == null) return unauthorized(response, callback);
        for (AtendimentoHub h : sim.loggedHubs(null)) {
            if (!user.equals(h.usuario())) continue;
            ObjectNode n = chamada ? h.chamadaAtiva() : h.intervaloAtual();
            if (n == null) break;
            return json(response, callback, 200, n);
        }
        response.setStatus(204);
        response.write(true, ByteBuffer.allocate(0), callback);
        return true;
    }

    // ---- OAuth ----

    private boolean token(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> form = parse(Content.Source.asString(request, StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        String user;
        if (grant.equals("password")) {
            EpbxUser u = sim.users.get(form.getOrDefault("username", ""));
            if (u == null || !u.password().equals(form.get("password"))) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The user name or password is incorrect.");
            }
            user = u.username();
        } else if (grant.equals("refresh_token")) {
            if (sim.refuseRefresh) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The refresh token was refused.");
            }
            user = sim.tokens.redeem(form.get("refresh_token"));
            if (user == null || !sim.users.containsKey(user)) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The refresh token is invalid.");
            }
        } else {
            sim.noteGrant(grant, null);
            return oauthError(response, callback, "unsupported_grant_type", "grant_type must be password or refresh_token");
        }
        TokenStore.Issued t = sim.tokens.issue(user);
        sim.noteGrant(grant, t.accessToken());
        ObjectNode n = sim.json.createObjectNode();
        n.put("access_token", t.accessToken());
        n.put("token_type", "bearer");
        n.put("expires_in", t.expiresInSeconds());
        n.put("refresh_token", t.refreshToken());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return json(response, callback, 200, n);
    }

    private boolean oauthError(Response response, Callback callback, String error, String description) {
        ObjectNode n = sim.json.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        return json(response, callback, 400, n);
    }

    /** The token from {@code access_token} or an {@code Authorization: Bearer} header (Core clients). */
    private String user(Request request, Map<String, String> q) {
        String t = q.get("access_token");
        if (t == null) {
            String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) t = h.substring(7).trim();
        }
        return sim.tokens.user(t);
    }

    private boolean unauthorized(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        return text(response, callback, 401, "text/plain", "Unauthorized");
    }

    // ---- classic SignalR 2 ----

    private boolean classic(String op, Request request, Response response, Callback callback, Map<String, String> q) {
        String user = user(request, q);
        if (user == null) return unauthorized(response, callback);
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
                sim.classic.put(token, c);
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
                ClassicConnection c = sim.classic.get(q.getOrDefault("connectionToken", ""));
                if (c != null) sim.forgetClassic(c);
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
        ClassicConnection c = sim.classic.get(q.getOrDefault("connectionToken", ""));
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

    private boolean coreNegotiate(Request request, Response response, Callback callback, Map<String, String> q) {
        if (!"POST".equals(request.getMethod())) return text(response, callback, 405, "text/plain", "POST only");
        String user = user(request, q);
        if (user == null) return unauthorized(response, callback);
        String id = TokenStore.random(16);
        int version = parseInt(q.get("negotiateVersion"));
        String token = version >= 1 ? TokenStore.random(16) : id;
        CoreConnection c = new CoreConnection(id, token, user, sim.json);
        sim.newHub(c);
        sim.core.put(token, c);
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

    private boolean coreConnect(Request request, Response response, Callback callback, Map<String, String> q) {
        String user = user(request, q);
        if (user == null) return unauthorized(response, callback);
        CoreConnection c = sim.core.get(q.getOrDefault("id", ""));
        if (c == null || c.session != null) {
            return text(response, callback, 404, "text/plain", "No Connection with that ID");
        }
        if (!c.user.equals(user)) return text(response, callback, 403, "text/plain", "Forbidden");
        boolean upgraded = ws.upgrade((rq, rs, cb) -> new CoreSocket(sim, c), request, response, callback);
        if (!upgraded) return text(response, callback, 400, "text/plain", "Only WebSockets is simulated");
        return true;
    }

    // ---- recording download ----

    private boolean download(String globalId, Request request, Response response, Callback callback,
                             Map<String, String> q) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return text(response, callback, 405, "text/plain", "GET only");
        }
        if (user(request, q) == null) return unauthorized(response, callback);
        if (!sim.hasRecording(globalId)) return text(response, callback, 404, "text/plain", "Gravação não encontrada");
        byte[] body = Mp3Stub.bytes(globalId, 20);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/mpeg");
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
                "attachment; filename=\"" + globalId.replaceAll("[^A-Za-z0-9._-]", "_") + ".mp3\"");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }

    // ---- sim control ----

    private boolean control(String route, String path, Request request, Response response, Callback callback)
            throws Exception {
        String method = request.getMethod();
        if (route.equals("recorded") && "GET".equals(method)) return json(response, callback, 200, sim.recordedJson());
        if (route.equals("scenarios") && "GET".equals(method)) {
            return json(response, callback, 200, Scenarios.describe(sim.json));
        }
        if (route.equals("connections") && "GET".equals(method)) {
            return json(response, callback, 200, sim.json.valueToTree(sim.connections()));
        }
        if (route.equals("reset") && "POST".equals(method)) {
            sim.reset();
            return text(response, callback, 200, JSON, "{\"ok\":true}");
        }
        if (route.equals("push") && "POST".equals(method)) return push(request, response, callback);
        if (route.startsWith("scenario/") && "POST".equals(method)) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            JsonNode params;
            try {
                params = body == null || body.isBlank() ? sim.json.createObjectNode() : sim.json.readTree(body);
            } catch (Exception e) {
                return error(response, callback, 400, "body is not JSON");
            }
            String lname = name.toLowerCase(Locale.ROOT);
            if (!Scenarios.NAMES.containsKey(lname)) {
                return error(response, callback, 404, "unknown scenario: " + name + " (GET sim/scenarios)");
            }
            if (lname.equals("restart")) {
                boolean forgetTokens = params.path("forgetTokens").asBoolean(false);
                // Stopping the server from one of its own request threads would wait for this request, and
                // stopping it before the 202 is written cut the reply off under load (issue 13, finding 7):
                // the restart is scheduled once the reply has gone out.
                Callback restartAfterReply = Callback.from(() -> {
                    callback.succeeded();
                    sim.runLater(() -> sim.restart(forgetTokens));
                }, callback::failed);
                return text(response, restartAfterReply, 202, JSON, "{\"ok\":true,\"scenario\":\"restart\"}");
            }
            try {
                JsonNode out = sim.scenario(lname, params);
                return json(response, callback, 200, out);
            } catch (IllegalArgumentException e) {
                return error(response, callback, 400, e.getMessage());
            } catch (IllegalStateException e) {
                return error(response, callback, 409, e.getMessage());
            }
        }
        return text(response, callback, 404, "text/plain", "Not found");
    }

    /**
     * {@code {"event":"onChamada","args":[...],"ramal":"1000"}}: one client-method invocation sent as
     * given, bypassing the hub's state, so a test can make the middleware say exactly what a capture says.
     */
    private boolean push(Request request, Response response, Callback callback) throws Exception {
        JsonNode body;
        try {
            body = sim.json.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return error(response, callback, 400, "body is not JSON");
        }
        String event = body == null ? null : body.path("event").asText(null);
        if (event == null || event.isBlank()) return error(response, callback, 400, "event is required");
        JsonNode args = body.get("args");
        if (args != null && !args.isArray()) return error(response, callback, 400, "args must be an array");
        String ramal = body.hasNonNull("ramal") ? body.get("ramal").asText() : null;
        int sent = sim.pushInvocation(ramal, event, args == null ? sim.json.createArrayNode() : (ArrayNode) args);
        if (sent == 0) return error(response, callback, 409, "no logged-in connection to push to");
        ObjectNode n = sim.json.createObjectNode();
        n.put("ok", true);
        n.put("connections", sent);
        return json(response, callback, 200, n);
    }

    private boolean error(Response response, Callback callback, int status, String message) {
        ObjectNode n = sim.json.createObjectNode();
        n.put("ok", false);
        n.put("error", message);
        return json(response, callback, status, n);
    }

    // ---- HTTP plumbing ----

    /** Echoes the caller's origin with credentials, so a page on another origin can use every endpoint. */
    private static void cors(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) return;
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        response.getHeaders().put(HttpHeader.VARY, "Origin");
    }

    private static boolean preflight(Request request, Response response, Callback callback) {
        String headers = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, headers != null ? headers
                : "Content-Type, Authorization, X-Requested-With, X-SignalR-User-Agent");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(204);
        response.write(true, ByteBuffer.allocate(0), callback);
        return true;
    }

    private boolean json(Response response, Callback callback, int status, JsonNode body) {
        return text(response, callback, status, JSON, body.toString());
    }

    private static boolean text(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        // A refused request's body stays unread and the server drops the connection after answering: say so, so
        // that no client sends its next request down that socket.
        if (status == 401 || status == 403 || status == 413 || status == 421) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static Map<String, String> parse(String query) {
        Map<String, String> m = new HashMap<>();
        if (query == null || query.isEmpty()) return m;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
