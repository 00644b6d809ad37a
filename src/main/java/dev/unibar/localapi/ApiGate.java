package dev.unibar.localapi;

import dev.unibar.bridge.LoopbackRequests;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every request to the local API passes before anything else (decision 0041, docs/security.md): the
 * {@code Host} must be a loopback name with the API's port (DNS rebinding: 421); an {@code Origin}, when there is
 * one, must be one the config lists, exactly (403, with no CORS header at all); a CORS preflight from a listed
 * origin is answered for that origin alone, never {@code *}, and a Private Network Access preflight gets
 * {@code Access-Control-Allow-Private-Network: true} for it alone. A request without an Origin (a program, not a
 * page) needs the token for anything but the JavaScript client (401). Pairing and the rest are the handlers'.
 */
final class ApiGate extends Handler.Wrapper {

    static final String PNA_REQUEST = "Access-Control-Request-Private-Network";
    static final String PNA_ALLOW = "Access-Control-Allow-Private-Network";

    private final LocalApiServer api;

    ApiGate(LocalApiServer api, Handler next) {
        super(next);
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!LoopbackRequests.loopbackHost(request.getHeaders().get(HttpHeader.HOST), api.port())) {
            refuse(response, callback, 421, "misdirected", "the Host is not this machine's loopback address and port");
            return true;
        }
        String originHeader = request.getHeaders().get(HttpHeader.ORIGIN);
        String origin = null;
        if (originHeader != null) {
            Optional<String> n = Pairings.normalize(originHeader);
            if (n.isEmpty() || api.pairings().state(n.get()) == Pairings.State.NOT_ALLOWED) {
                refuse(response, callback, 403, "origin_not_allowed", "this origin is not in the bar's localApi.origins");
                return true;
            }
            origin = n.get();
        }
        String path = Request.getPathInContext(request);
        if (HttpMethod.OPTIONS.is(request.getMethod())) {
            preflight(request, response, callback, origin);
            return true;
        }
        if (origin != null) cors(response, origin);
        boolean client = ApiHttp.isClientScript(path);
        if (origin == null && !client && (api.token() == null
                || !api.token().matchesAuthorization(request.getHeaders().get(HttpHeader.AUTHORIZATION)))) {
            refuse(response, callback, 401, "token_required", "a program without an Origin must send Authorization: Bearer <token>");
            return true;
        }
        if (path.equals("/v1/ws")) {
            if (!HttpMethod.GET.is(request.getMethod())) {
                refuse(response, callback, 405, "method_not_allowed", "GET (a WebSocket upgrade) only");
                return true;
            }
            if (origin != null && api.pairings().state(origin) == Pairings.State.DENIED) {
                refuse(response, callback, 403, "denied", "the agent denied this origin");
                return true;
            }
            if (!api.roomFor(origin)) {
                refuse(response, callback, 429, "too_many_connections", "too many connections");
                return true;
            }
            request.setAttribute(LocalApiServer.IDENTITY, origin);
        }
        return super.handle(request, response, callback);
    }

    private void preflight(Request request, Response response, Callback callback, String origin) {
        if (origin == null) {
            refuse(response, callback, 403, "origin_required", "a preflight without an Origin");
            return;
        }
        cors(response, origin);
        response.getHeaders().put("Access-Control-Allow-Methods", "GET, POST");
        response.getHeaders().put("Access-Control-Allow-Headers", "Content-Type");
        response.getHeaders().put("Access-Control-Max-Age", "600");
        // Chromium's Private Network Access: a public site asks before it may reach loopback. Said yes only here,
        // after the origin was found in the config's list.
        if ("true".equalsIgnoreCase(request.getHeaders().get(PNA_REQUEST))) response.getHeaders().put(PNA_ALLOW, "true");
        response.setStatus(204);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /** For one listed origin, never {@code *}; no credentials: the API uses none a browser would attach. */
    static void cors(Response response, String origin) {
        response.getHeaders().put("Access-Control-Allow-Origin", origin);
        response.getHeaders().put(HttpHeader.VARY, "Origin");
    }

    static void refuse(Response response, Callback callback, int status, String code, String message) {
        byte[] body = ApiCommands.error(null, code, message, null).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        LoopbackRequests.closeIfRefused(response, status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
