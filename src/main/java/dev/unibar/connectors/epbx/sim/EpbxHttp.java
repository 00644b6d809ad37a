package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.simkit.ControlRoutes;
import dev.unibar.simkit.Params;
import org.eclipse.jetty.http.HttpHeader;
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

/**
 * Every HTTP request of the simulator behind the kit's gate: routing below {@code /Service/}
 * (case-insensitive, as IIS is), CORS, OAuth ({@link SimOAuth}), both SignalR protocols
 * ({@link SimSignalR}), the two REST endpoints, the recording download and the {@code sim/} control routes.
 */
final class EpbxHttp extends Handler.Abstract {

    private static final String BASE = "/service/";
    static final String JSON = "application/json; charset=utf-8";

    private final EpbxSimulator sim;
    private final SimOAuth oauth;
    private final SimSignalR signalr;
    private final ControlRoutes control;

    EpbxHttp(EpbxSimulator sim, ServerWebSocketContainer ws) {
        this.sim = sim;
        this.oauth = new SimOAuth(sim);
        this.signalr = new SimSignalR(sim, oauth, ws);
        this.control = new ControlRoutes("/Service/sim/").ignoreCase()
                .get("recorded", p -> recorded(sim))
                .get("connections", p -> sim.json.valueToTree(sim.connections()))
                .post("reset", p -> {
                    sim.reset();
                    return null;
                })
                .post("push", this::push)
                // Stopping the server from one of its own request threads would wait for this request, and
                // stopping it before the 202 is written cut the reply off under load (issue 13, finding 7):
                // the restart is scheduled once the reply has gone out.
                .post("scenario/restart", p -> new ControlRoutes.AfterReply(202, Map.of("ok", true, "scenario", "restart"),
                        () -> sim.runLater(() -> sim.restart(p.bool("forgetTokens", false)))))
                .scenarios(sim.book());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getDecodedPath();
        String lp = path == null ? "" : path.toLowerCase(Locale.ROOT);
        cors(request, response);
        if (!lp.startsWith(BASE)) return text(response, callback, 404, "text/plain", "Not found");
        String route = lp.substring(BASE.length());
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) return preflight(request, response, callback);
        Map<String, String> q = parse(request.getHttpURI().getQuery());

        if (route.equals("oauth2/token")) {
            if (!"POST".equals(method)) return text(response, callback, 405, "text/plain", "POST only");
            return oauth.token(request, response, callback);
        }
        if (route.equals("signalr/hubs") || route.equals("signalr/js")) {
            // The vendor's page loads the proxy with a plain <script> tag before logging in: no token.
            return text(response, callback, 200, "application/javascript; charset=utf-8",
                    HubProxyScript.script("/Service/signalr"));
        }
        if (route.startsWith("signalr/")) return signalr.classic(route.substring(8), request, response, callback, q);
        if (route.equals("atendimentohub/negotiate")) return signalr.coreNegotiate(request, response, callback, q);
        if (route.equals("atendimentohub")) return signalr.coreConnect(request, response, callback, q);
        if (route.startsWith("api/ligacao/download/")) {
            return download(path.substring(BASE.length() + "api/ligacao/download/".length()), request, response,
                    callback, q);
        }
        if (route.equals("api/integracaoramal/intervaloatual") || route.equals("api/integracaoramal/chamadaativa")) {
            return integracaoRamal(route.endsWith("chamadaativa"), request, response, callback, q);
        }
        return control.handle(request, response, callback) || text(response, callback, 404, "text/plain", "Not found");
    }

    /**
     * REST Api/IntegracaoRamal/IntervaloAtual and ChamadaAtiva (IntegracaoManagerPostman README names the
     * requests, not the replies; assumed: IntervaloInfo / ChamadaInfo objects, 204 when there is none).
     */
    private boolean integracaoRamal(boolean chamada, Request request, Response response, Callback callback,
                                    Map<String, String> q) {
        if (!"GET".equals(request.getMethod())) return text(response, callback, 405, "text/plain", "GET only");
        String user = oauth.user(request, q);
        if (user == null) return oauth.unauthorized(response, callback);
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

    private boolean download(String globalId, Request request, Response response, Callback callback,
                             Map<String, String> q) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return text(response, callback, 405, "text/plain", "GET only");
        }
        if (oauth.user(request, q) == null) return oauth.unauthorized(response, callback);
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

    private static ArrayNode recorded(EpbxSimulator sim) {
        ArrayNode a = sim.json.createArrayNode();
        for (EpbxSimulator.Invocation i : sim.recorded()) {
            ObjectNode n = a.addObject();
            n.put("transport", i.transport());
            n.put("method", i.method());
            n.put("wireMethod", i.wireMethod());
            n.set("args", i.args());
            n.put("connectionId", i.connectionId());
            n.put("at", i.at().toString());
            n.put("ok", i.ok());
            if (i.error() == null) n.putNull("error");
            else n.put("error", i.error());
        }
        return a;
    }

    /**
     * {@code {"event":"onChamada","args":[...],"ramal":"1000"}}: one client-method invocation sent as
     * given, bypassing the hub's state, so a test can make the middleware say exactly what a capture says.
     */
    private Object push(Params body) {
        String event = body.str("event", "");
        if (event.isBlank()) throw new IllegalArgumentException("event is required");
        JsonNode args = sim.json.valueToTree(body.raw("args"));
        if (args != null && !args.isNull() && !args.isArray()) throw new IllegalArgumentException("args must be an array");
        String ramal = body.has("ramal") ? body.str("ramal", null) : null;
        int sent = sim.connections.push(ramal, event, args == null || args.isNull() ? sim.json.createArrayNode() : (ArrayNode) args);
        if (sent == 0) throw new IllegalStateException("no logged-in connection to push to");
        ObjectNode n = sim.json.createObjectNode();
        n.put("ok", true);
        n.put("connections", sent);
        return n;
    }

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

    static boolean json(Response response, Callback callback, int status, JsonNode body) {
        return text(response, callback, status, JSON, body.toString());
    }

    static boolean text(Response response, Callback callback, int status, String type, String body) {
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

    static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
