package dev.unibar.connectors.max.sim;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake MAX's HTTP surface. Every request: Host must be a loopback name on our port, and an Origin,
 * when sent, must be our own. {@code /max/api/*} (the page's channel) needs the page token,
 * {@code /control/*} the control secret. No CORS headers: nothing here is for other origins.
 */
final class MaxHttpHandler extends Handler.Abstract {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final long MAX_WAIT_MS = 20_000;
    private final MaxSimulator sim;
    private final String page;

    MaxHttpHandler(MaxSimulator sim) {
        this.sim = sim;
        try (InputStream in = MaxHttpHandler.class.getResourceAsStream("/dev/unibar/connectors/max/sim/max.html")) {
            if (in == null) throw new IllegalStateException("missing max.html");
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!hostOk(request.getHeaders().get(HttpHeader.HOST))) return json(response, callback, 421, Map.of("error", "bad Host"));
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origin.equals(sim.origin())) return json(response, callback, 403, Map.of("error", "origin not allowed"));
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if ("GET".equals(method) && (path.equals("/max/") || path.equals("/max") || path.equals("/"))) {
            String html = page.replace("@PAGE_TOKEN@", sim.pageToken());
            return send(response, callback, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith("/max/api/")) {
            if (!same(request.getHeaders().get("X-Max-Page-Token"), sim.pageToken())) {
                return json(response, callback, 401, Map.of("error", "page token required"));
            }
            return pageApi(request, response, callback, method, path.substring(9));
        }
        if (path.startsWith("/control/")) {
            if (!same(request.getHeaders().get("X-Sim-Secret"), sim.controlSecret())) {
                return json(response, callback, 401, Map.of("error", "X-Sim-Secret required"));
            }
            return control(request, response, callback, method, path.substring(9));
        }
        return json(response, callback, 404, Map.of("error", "not found"));
    }

    private boolean hostOk(String host) {
        if (host == null) return false;
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) return false;
        return LOOPBACK.contains(host.substring(0, colon).toLowerCase(java.util.Locale.ROOT))
                && host.substring(colon + 1).equals(String.valueOf(sim.port()));
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private boolean pageApi(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("POST".equals(method) && what.equals("client")) {
            Map<String, Object> body = readObject(request);
            if (body == null || !(body.get("window") instanceof String w)) return json(response, callback, 400, Map.of("error", "window required"));
            Object data = body.get("data");
            sim.state().onClientMessage(w, String.valueOf(body.get("origin")),
                    data instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
            return json(response, callback, 200, Map.of("ok", true));
        }
        if ("GET".equals(method) && what.equals("next")) {
            Fields q = Request.extractQueryParameters(request);
            long after = parse(q.getValue("after"), 0);
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, parse(q.getValue("wait"), MAX_WAIT_MS)));
            List<Object> out = new ArrayList<>();
            List<MaxSimState.Delivery> ds;
            try {
                ds = sim.state().awaitDeliveries(after, wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                ds = List.of();
            }
            for (MaxSimState.Delivery d : ds) {
                out.add(Map.of("seq", d.seq(), "window", d.window(), "message", d.message()));
            }
            return json(response, callback, 200, Map.of("deliveries", out, "last", sim.state().lastSeq()));
        }
        return json(response, callback, 404, Map.of("error", "unknown page endpoint"));
    }

    private boolean control(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("GET".equals(method) && what.equals("received")) {
            List<Object> out = new ArrayList<>();
            for (MaxSimState.Received r : sim.state().received()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", r.seq());
                m.put("window", r.window());
                m.put("messageType", r.messageType());
                m.put("data", r.data());
                m.put("accepted", r.accepted());
                m.put("note", r.note());
                m.put("at", r.at().toString());
                out.add(m);
            }
            return json(response, callback, 200, out);
        }
        if ("GET".equals(method) && what.equals("scenarios")) return json(response, callback, 200, MaxScenarios.ALL);
        if ("GET".equals(method) && what.equals("state")) {
            MaxSimState s = sim.state();
            return json(response, callback, 200, Map.of("agentState", s.agentState(), "acw", s.isAcw(),
                    "contacts", s.contactIds(), "subscribers", s.subscriberCount(), "flavor", s.flavor().name()));
        }
        if ("POST".equals(method) && what.startsWith("flavor/")) {
            try {
                sim.state().flavor(MaxSimState.Flavor.valueOf(what.substring(7).toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return json(response, callback, 400, Map.of("error", "flavor is MAX or CXA"));
            }
            return json(response, callback, 200, Map.of("ok", true));
        }
        if ("POST".equals(method) && what.startsWith("scenario/")) {
            Map<String, Object> params = readObject(request);
            if (params == null) return json(response, callback, 400, Map.of("error", "body must be a JSON object"));
            try {
                return json(response, callback, 200, sim.scenario(what.substring(9), params));
            } catch (IllegalArgumentException e) {
                return json(response, callback, 404, Map.of("error", String.valueOf(e.getMessage())));
            } catch (IllegalStateException e) {
                return json(response, callback, 409, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        return json(response, callback, 404, Map.of("error", "unknown control endpoint"));
    }

    /** The body as a JSON object; an empty body is an empty object; anything else null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readObject(Request request) {
        try {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            if (body == null || body.isBlank()) return new LinkedHashMap<>();
            Object v = sim.json.readValue(body, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long parse(String s, long def) {
        try {
            return s == null ? def : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    private boolean json(Response response, Callback callback, int status, Object body) throws Exception {
        return send(response, callback, status, "application/json; charset=utf-8", sim.json.writeValueAsBytes(body));
    }

    private static boolean send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        // A refused request's body stays unread and the server drops the connection after answering: say so, so
        // that no client sends its next request down that socket.
        if (status == 401 || status == 403 || status == 413 || status == 421) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
