package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.json.StrictJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain-HTTP side of the API, after {@link ApiGate}: {@code POST /v1/commands} (one command, JSON in, its
 * result out; for scripts and pages that need no events) and the JavaScript client with its typings. A command
 * from a page whose origin the agent has not allowed asks the agent (as a WebSocket would) and is refused with
 * {@code not_paired} meanwhile.
 */
final class ApiHttp extends Handler.Abstract {

    static final String CLIENT = "/v1/unibar-client.js";
    static final String TYPINGS = "/v1/unibar-client.d.ts";
    private static final String RESOURCES = "dev/unibar/localapi/";
    static final int MAX_BODY = ApiSocket.MAX_MESSAGE;
    /** Rate limiters per client (origin, or the token); bounded: an origin list is short, the token is one. */
    private final Map<String, RateLimiter> rates = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final LocalApiServer api;

    ApiHttp(LocalApiServer api) {
        this.api = api;
    }

    static boolean isClientScript(String path) {
        return path.equals(CLIENT) || path.equals(TYPINGS);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (isClientScript(path)) {
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                ApiGate.refuse(response, callback, 405, "method_not_allowed", "GET only");
                return true;
            }
            byte[] body = file(path.substring("/v1/".length()));
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, path.endsWith(".js")
                    ? "text/javascript; charset=utf-8" : "application/typescript; charset=utf-8");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
            response.write(true, HttpMethod.HEAD.is(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            return true;
        }
        if (!path.equals("/v1/commands")) {
            ApiGate.refuse(response, callback, 404, "not_found", "see docs/local-api.md");
            return true;
        }
        if (!HttpMethod.POST.is(method)) {
            ApiGate.refuse(response, callback, 405, "method_not_allowed", "POST only");
            return true;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            ApiGate.refuse(response, callback, 415, "bad_request", "Content-Type must be application/json");
            return true;
        }
        if (request.getLength() > MAX_BODY) {
            ApiGate.refuse(response, callback, 413, "too_large", "a command is limited to " + MAX_BODY + " bytes");
            return true;
        }
        String origin = Pairings.normalize(request.getHeaders().get(HttpHeader.ORIGIN)).orElse(null);
        if (origin != null) {
            Pairings.State st = api.pairings().request(origin);
            if (st != Pairings.State.APPROVED) {
                ApiGate.refuse(response, callback, 403, st == Pairings.State.DENIED ? "denied" : "not_paired",
                        "the agent has not allowed this origin (a prompt is shown in the bar)");
                return true;
            }
        }
        RateLimiter rate = rates.computeIfAbsent(origin == null ? "token" : origin,
                k -> new RateLimiter(api.perSecond(), System.nanoTime()));
        if (!rate.take(System.nanoTime())) {
            ApiGate.refuse(response, callback, 429, "rate_limited", "too many commands; slow down");
            return true;
        }
        byte[] raw;
        try (InputStream in = Content.Source.asInputStream(request)) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            ApiGate.refuse(response, callback, 413, "too_large", "a command is limited to " + MAX_BODY + " bytes");
            return true;
        }
        JsonNode msg;
        try {
            msg = StrictJson.read(new String(raw, StandardCharsets.UTF_8));
        } catch (StrictJson.Unreadable e) {
            ApiGate.refuse(response, callback, 400, "bad_request", "not a JSON object: " + e.getMessage());
            return true;
        }
        if (!msg.isObject() || !"command".equals(msg.path("type").asText())) {
            ApiGate.refuse(response, callback, 400, "bad_request", "expected {\"type\": \"command\", ...}");
            return true;
        }
        api.commands().run(msg).whenComplete((result, err) -> {
            byte[] body = String.valueOf(result).getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        });
        return true;
    }

    private byte[] file(String name) throws IOException {
        byte[] cached = files.get(name);
        if (cached != null) return cached;
        try (InputStream in = ApiHttp.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IOException("missing resource " + name);
            byte[] b = in.readAllBytes();
            files.put(name, b);
            return b;
        }
    }
}
