package dev.unibar.connectors.evolux.sim;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's HTTP surface. A trust boundary like every local server: loopback Host only, no foreign
 * Origin, the per-run secrets for the phone's own requests and /control/*, the API token for the API.
 */
final class SimHttp extends Handler.Abstract {

    private static final String RES = "/dev/unibar/connectors/evolux/sim/";
    private static final long MAX_WAIT_MS = 25_000;
    private static final long MAX_BODY = 64 * 1024;
    private final EvoluxSimulator sim;
    private final String phonePage;
    private final byte[] testPage;
    private final String phoneSecret;

    SimHttp(EvoluxSimulator sim) {
        this.sim = sim;
        this.phonePage = new String(resource("phone.html"), StandardCharsets.UTF_8);
        this.testPage = resource("evolux_phone_test.html");
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        this.phoneSecret = java.util.HexFormat.of().formatHex(b);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SimHttp.class.getResourceAsStream(RES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RES + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (!loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            return refuse(request, response, callback, 421, "host not allowed");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sim.ownOrigin(origin)) {
            return refuse(request, response, callback, 403, "origin not allowed");
        }
        if ("GET".equals(method) && path.equals(EvoluxSimulator.PHONE_PATH)) {
            String page = phonePage.replace("__PHONE_SECRET__", phoneSecret);
            return send(response, callback, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
        if ("GET".equals(method) && path.equals(EvoluxSimulator.TEST_PAGE_PATH)) {
            return send(response, callback, 200, "text/html; charset=utf-8", testPage);
        }
        if (path.equals(EvoluxSimulator.CALL_API_PATH)) {
            if (!"POST".equals(method)) return meta(response, callback, 405, "Method not allowed.");
            return apiCall(request, response, callback);
        }
        if (path.startsWith("/phone/")) {
            if (!secret(request, "X-Phone-Secret", phoneSecret)) return refuse(request, response, callback, 403, "phone secret required");
            return phone(request, response, callback, method, path.substring(7));
        }
        if (path.startsWith("/control/")) {
            if (!secret(request, "X-Sim-Secret", sim.controlSecret())) return refuse(request, response, callback, 403, "X-Sim-Secret required");
            return control(request, response, callback, method, path.substring(9));
        }
        return json(response, callback, 404, Map.of("error", "not found"));
    }

    /** Reads what the client sent before refusing, so its kept-alive connection stays usable. */
    private boolean refuse(Request request, Response response, Callback callback, int status, String why) throws Exception {
        Content.Source.consumeAll(request);
        return json(response, callback, status, Map.of("error", why));
    }

    static boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return h.equals("127.0.0.1") || h.equalsIgnoreCase("localhost") || h.equals("[::1]");
    }

    private static boolean secret(Request request, String header, String expected) {
        String got = request.getHeaders().get(header);
        return got != null && java.security.MessageDigest.isEqual(got.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private boolean apiCall(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> form = form(request);
        ApiCall c = sim.call(request.getHeaders().get("token"), form.get("from"), form.get("to"), form.get("call_info"));
        return meta(response, callback, c.status(), c.message());
    }

    /** Evolux documents form fields (curl -F, i.e. multipart); urlencoded and a JSON object are read too. */
    private Map<String, String> form(Request request) throws Exception {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        Map<String, String> out = new LinkedHashMap<>();
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            MultiPartFormData.Parser parser = new MultiPartFormData.Parser(MultiPart.extractBoundary(type));
            parser.setUseFilesForPartsWithoutFileName(false);
            parser.setMaxLength(MAX_BODY);
            parser.setMaxMemoryFileSize(MAX_BODY);
            MultiPartFormData.Parts parts = parser.parse(request).get(10, java.util.concurrent.TimeUnit.SECONDS);
            for (MultiPart.Part p : parts) out.putIfAbsent(p.getName(), p.getContentAsString(StandardCharsets.UTF_8));
        } else if (type != null && type.toLowerCase().startsWith("application/json")) {
            Object o = sim.json.readValue(Content.Source.asString(request, StandardCharsets.UTF_8), Object.class);
            if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else {
            for (String pair : Content.Source.asString(request, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    private boolean phone(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("GET".equals(method) && what.equals("poll")) {
            Fields q = Request.extractQueryParameters(request);
            long after = parseLong(q.getValue("after"), -1);
            if (after < 0) {
                long next = sim.lastSeq();
                sim.phoneOpened();
                return json(response, callback, 200, Map.of("next", next, "messages", List.of()));
            }
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, parseLong(q.getValue("wait"), MAX_WAIT_MS)));
            List<Posted> batch;
            try {
                batch = sim.postedAfter(after, Duration.ofMillis(wait));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                batch = List.of();
            }
            List<Object> messages = new ArrayList<>();
            long next = after;
            for (Posted p : batch) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("eventName", p.eventName());
                m.put("payload", p.payload());
                messages.add(m);
                next = p.seq();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("next", next);
            out.put("messages", messages);
            return json(response, callback, 200, out);
        }
        if ("POST".equals(method) && what.startsWith("action/")) {
            return runScenario(response, callback, what.substring(7), Map.of());
        }
        return json(response, callback, 404, Map.of("error", "not found"));
    }

    private boolean control(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("GET".equals(method) && what.equals("scenarios")) return json(response, callback, 200, EvoluxSimulator.scenarioNames());
        if ("GET".equals(method) && what.equals("api-calls")) return json(response, callback, 200, sim.apiCalls().stream().map(SimHttp::apiCallJson).toList());
        if ("GET".equals(method) && what.equals("posted")) return json(response, callback, 200, sim.posted());
        if ("POST".equals(method) && what.equals("reset")) {
            sim.reset();
            return json(response, callback, 200, Map.of("ok", true));
        }
        if ("POST".equals(method) && what.startsWith("scenario/")) {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>();
            if (body != null && !body.isBlank()) {
                Object parsed;
                try {
                    parsed = sim.json.readValue(body, Object.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return json(response, callback, 400, Map.of("error", "body is not JSON"));
                }
                if (!(parsed instanceof Map<?, ?> m)) return json(response, callback, 400, Map.of("error", "body must be a JSON object"));
                m.forEach((k, v) -> params.put(String.valueOf(k), v));
            }
            return runScenario(response, callback, what.substring(9), params);
        }
        return json(response, callback, 404, Map.of("error", "unknown control endpoint " + method + " /control/" + what));
    }

    private boolean runScenario(Response response, Callback callback, String name, Map<String, Object> params) throws Exception {
        try {
            return json(response, callback, 200, sim.scenario(name, params));
        } catch (IllegalArgumentException e) {
            boolean unknown = String.valueOf(e.getMessage()).startsWith("unknown scenario");
            return json(response, callback, unknown ? 404 : 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (IllegalStateException e) {
            return json(response, callback, 409, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, Object> apiCallJson(ApiCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", c.at().toString());
        m.put("from", c.from());
        m.put("to", c.to());
        m.put("call_info", c.callInfo());
        m.put("tokenPresent", c.tokenPresent());
        m.put("tokenValid", c.tokenValid());
        m.put("status", c.status());
        m.put("message", c.message());
        return m;
    }

    private static long parseLong(String s, long def) {
        if (s == null) return def;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    /** Evolux's answer shape: {@code {"meta": {"status": 200, "message": "OK"}}}. */
    private boolean meta(Response response, Callback callback, int status, String message) throws Exception {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("status", status);
        meta.put("message", message);
        return json(response, callback, status, Map.of("meta", meta));
    }

    private boolean json(Response response, Callback callback, int status, Object body) throws Exception {
        return send(response, callback, status, "application/json; charset=utf-8", sim.json.writeValueAsBytes(body));
    }

    private static boolean send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
