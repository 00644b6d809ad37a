package dev.unibar.connectors.ucs.sim;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulator's plain HTTP: the fake operator script, a demo host page and /control/*. */
final class UcsHttpHandler extends Handler.Abstract {

    private static final String RES = "/dev/unibar/connectors/ucs/sim/";
    private final UcsSimulator sim;
    private final byte[] script;
    private final byte[] hostPage;

    UcsHttpHandler(UcsSimulator sim) {
        this.sim = sim;
        this.script = resource("operator-v4.0.0.js");
        this.hostPage = resource("host.html");
    }

    private static byte[] resource(String name) {
        try (InputStream in = UcsHttpHandler.class.getResourceAsStream(RES + name)) {
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
        // CORS for allowed origins is set by SimGate, which already refused every other origin.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if ("OPTIONS".equals(method)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, " + SimGate.SECRET_HEADER);
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        if ("GET".equals(method) && path.startsWith("/operator/operator-") && path.endsWith(".js")) {
            return send(response, callback, 200, "application/javascript; charset=utf-8", script);
        }
        if ("GET".equals(method) && (path.equals("/") || path.equals("/index.html"))) {
            return send(response, callback, 200, "text/html; charset=utf-8", hostPage);
        }
        if (path.startsWith("/control/")) return control(request, response, callback, method, path.substring(9));
        if (path.startsWith("/operator/poll/")) return poll(request, response, callback, method, path.substring(15));
        return json(response, callback, 404, Map.of("error", "not found: " + path));
    }

    private boolean control(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("GET".equals(method) && what.equals("recorded")) {
            List<Object> out = new ArrayList<>();
            for (Recorded r : sim.recorded()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", r.method());
                m.put("args", r.args());
                m.put("state", r.state());
                m.put("accepted", r.accepted());
                m.put("at", r.at().toString());
                out.add(m);
            }
            return json(response, callback, 200, out);
        }
        if ("GET".equals(method) && what.equals("scenarios")) {
            return json(response, callback, 200, UcsSimulator.scenarios());
        }
        if ("GET".equals(method) && what.equals("state")) {
            UcsSimState s = sim.state();
            return json(response, callback, 200, s == null ? Map.of("phase", "NONE") : s.snapshot());
        }
        if ("POST".equals(method) && what.equals("reset")) {
            sim.reset();
            return json(response, callback, 200, Map.of("ok", true));
        }
        if ("POST".equals(method) && what.startsWith("scenario/")) {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>();
            try {
                if (body != null && !body.isBlank()) {
                    Object parsed = sim.json.readValue(body, Object.class);
                    if (!(parsed instanceof Map<?, ?> m)) return json(response, callback, 400, Map.of("error", "body must be a JSON object"));
                    m.forEach((k, v) -> params.put(String.valueOf(k), v));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return json(response, callback, 400, Map.of("error", "body is not JSON"));
            }
            String name = what.substring("scenario/".length());
            try {
                return json(response, callback, 200, sim.scenario(name, params));
            } catch (IllegalArgumentException e) {
                boolean unknown = e.getMessage() != null && e.getMessage().startsWith("unknown scenario");
                return json(response, callback, unknown ? 404 : 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (IllegalStateException e) {
                return json(response, callback, 409, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        return json(response, callback, 404, Map.of("error", "unknown control endpoint " + method + " /control/" + what));
    }

    /** The long-poll transport of the fake script (for WebViews whose websocket does not work). */
    private boolean poll(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("POST".equals(method) && what.equals("open")) {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            UcsSimulator.PollPage p = sim.openPoll();
            if (body != null && !body.isBlank()) p.page.onText(body);
            return json(response, callback, 200, Map.of("sid", p.sid));
        }
        String[] parts = what.split("/", 2);
        UcsSimulator.PollPage p = sim.poll(parts[0]);
        if (p == null) return json(response, callback, 404, Map.of("error", "no such poll session"));
        String action = parts.length > 1 ? parts[1] : "";
        if ("GET".equals(method) && action.isEmpty()) {
            org.eclipse.jetty.util.Fields q = Request.extractQueryParameters(request);
            long after = parseLong(q.getValue("after"), 0);
            long wait = Math.min(UcsSimulator.PollPage.MAX_WAIT_MS, Math.max(0, parseLong(q.getValue("wait"), UcsSimulator.PollPage.MAX_WAIT_MS)));
            return json(response, callback, 200, p.poll(after, wait));
        }
        if ("POST".equals(method) && action.equals("send")) {
            p.page.onText(Content.Source.asString(request, StandardCharsets.UTF_8));
            return json(response, callback, 200, Map.of("ok", true));
        }
        if ("POST".equals(method) && action.equals("close")) {
            sim.closePoll(p.sid);
            return json(response, callback, 200, Map.of("ok", true));
        }
        return json(response, callback, 404, Map.of("error", "unknown poll endpoint"));
    }

    private static long parseLong(String s, long def) {
        if (s == null) return def;
        try {
            return Long.parseLong(s.trim());
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
        response.write(true, java.nio.ByteBuffer.wrap(body), callback);
        return true;
    }
}
