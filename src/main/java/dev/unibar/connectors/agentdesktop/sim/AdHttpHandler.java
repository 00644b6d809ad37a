package dev.unibar.connectors.agentdesktop.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's HTTP surface. Trust boundary: loopback Host only, same-origin only (no CORS
 * headers at all), and the per-run secret on every state change and on the agent page's event feed.
 */
final class AdHttpHandler extends Handler.Abstract {

    private static final String RES = "/dev/unibar/connectors/agentdesktop/sim/";
    private static final long MAX_WAIT_MS = 20_000;
    private static final int MAX_BODY = 64 * 1024;
    /** The documented CONTACT functions plus the sibling toolbar's blind transfer; the consultation name is added at serve time. */
    static final List<String> CONTACT_METHODS = List.of("MakeCall", "Hangup", "HangupByContactID", "Hold", "Answer",
            "OfflineEnd", "OfflineEnable", "SetCallData", "StartRecording", "StopRecording", "Transfer_Direct",
            "Transfer_Complete", "Transfer_Complete_Conference");
    static final List<String> AGENT_METHODS = List.of("Login", "Pause", "PauseSubState", "Logout");

    private final AgentDesktopSimulator sim;
    private final String page;
    private final String sdk;
    private final byte[] sample;

    AdHttpHandler(AgentDesktopSimulator sim) {
        this.sim = sim;
        this.page = new String(resource("agentdesktop.html"), StandardCharsets.UTF_8);
        this.sdk = new String(resource("agentdesktop_widget.js"), StandardCharsets.UTF_8);
        this.sample = resource("agentdesktop_widget_sample.html");
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdHttpHandler.class.getResourceAsStream(RES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RES + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (!loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            return json(response, callback, 421, Map.of("error", "Host must be a loopback name with this port"));
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !ownOrigin(origin)) {
            return json(response, callback, 403, Map.of("error", "cross-origin requests are not served"));
        }
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean get = "GET".equals(method);
        if (get && (path.equals("/AD") || path.equals("/") )) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, AgentDesktopSimulator.PAGE_PATH);
            callback.succeeded();
            return true;
        }
        if (get && path.equals(AgentDesktopSimulator.PAGE_PATH)) return send(response, callback, 200, "text/html; charset=utf-8", page());
        if (get && path.equals(AgentDesktopSimulator.SDK_PATH)) {
            return send(response, callback, 200, "application/javascript; charset=utf-8", sdk());
        }
        if (get && path.equals(AgentDesktopSimulator.SAMPLE_WIDGET_PATH)) return send(response, callback, 200, "text/html; charset=utf-8", sample);
        if (get && path.equals("/control/recorded")) return json(response, callback, 200, recorded());
        if (get && path.equals("/control/state")) return json(response, callback, 200, sim.state());
        if (get && path.equals("/control/scenarios")) return json(response, callback, 200, Scenarios.ALL);
        if (!path.startsWith("/AD/api/") && !path.startsWith("/control/")) return json(response, callback, 404, Map.of("error", "not found"));
        if (!secretOk(request.getHeaders().get(AgentDesktopSimulator.SECRET_HEADER))) {
            return json(response, callback, 401, Map.of("error", "missing or wrong " + AgentDesktopSimulator.SECRET_HEADER));
        }
        if (get && path.equals("/AD/api/events")) {
            Fields q = Request.extractQueryParameters(request);
            long after = number(q.getValue("after"), 0);
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, number(q.getValue("wait"), 0)));
            try {
                return json(response, callback, 200, sim.events(after, number(q.getValue("epoch"), -1), wait));
            } catch (InterruptedException e) {
                // The simulator is stopping.
                Thread.currentThread().interrupt();
                return json(response, callback, 503, Map.of("error", "stopping"));
            }
        }
        if (!"POST".equals(method)) return json(response, callback, 405, Map.of("error", "method not allowed"));
        Map<String, Object> body;
        try {
            body = body(request);
        } catch (IllegalArgumentException e) {
            return json(response, callback, 400, Map.of("error", e.getMessage()));
        }
        try {
            return post(path, body, response, callback);
        } catch (IllegalArgumentException e) {
            return json(response, callback, 404, Map.of("error", String.valueOf(e.getMessage())));
        } catch (IllegalStateException e) {
            return json(response, callback, 409, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private boolean post(String path, Map<String, Object> b, Response response, Callback callback) throws Exception {
        switch (path) {
            case "/AD/api/invoke" -> {
                String ns = str(b, "ns");
                String method = str(b, "method");
                if (!ns.matches("[A-Z]{1,16}") || !method.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                    return json(response, callback, 400, Map.of("error", "bad ns or method"));
                }
                Object args = b.get("args");
                List<Object> list = args instanceof List<?> l ? new ArrayList<>(l) : List.of();
                sim.invoke(ns, method, list);
                return json(response, callback, 200, Map.of("ok", true));
            }
            case "/control/reset" -> sim.reset();
            case "/control/inbound" -> {
                return json(response, callback, 200, Map.of("id", sim.inbound(str(b, "ani", "3393669393"),
                        str(b, "dnis", "225727273"), str(b, "queue", "QUEUE25"))));
            }
            case "/control/chat" -> {
                return json(response, callback, 200, Map.of("id", sim.chat(str(b, "from", "mario.rossi@example.it"))));
            }
            case "/control/hangup" -> {
                if (!sim.remoteHangup(str(b, "id"))) throw new IllegalStateException("no such online contact");
            }
            case "/control/establish" -> {
                if (!sim.establish(str(b, "id"))) throw new IllegalStateException("no such online contact");
            }
            case "/control/alert" -> sim.alert(str(b, "message"));
            case "/control/settings" -> settings(b);
            default -> {
                if (path.startsWith("/control/scenario/")) sim.play(path.substring("/control/scenario/".length()));
                else return json(response, callback, 404, Map.of("error", "not found"));
            }
        }
        return json(response, callback, 200, Map.of("ok", true));
    }

    private void settings(Map<String, Object> b) {
        if (b.containsKey("widgetUri")) {
            String uri = str(b, "widgetUri");
            if (!uri.isEmpty() && !uri.startsWith("http://") && !uri.startsWith("https://") && !uri.startsWith("/")) {
                throw new IllegalStateException("widgetUri must be http(s) or a path");
            }
            sim.widgetUri(uri);
        }
        if (b.containsKey("lowerCaseEvents")) sim.lowerCaseEvents(Boolean.TRUE.equals(b.get("lowerCaseEvents")));
        if (b.get("answerDelayMs") instanceof Number n) sim.answerDelayMs(n.longValue());
        if (b.containsKey("consultMethod")) {
            try {
                sim.consultMethod(str(b, "consultMethod"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    private List<Object> recorded() {
        List<Object> out = new ArrayList<>();
        for (Recorded r : sim.recorded()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", r.qualified());
            m.put("args", r.args());
            m.put("accepted", r.accepted());
            if (!r.note().isEmpty()) m.put("note", r.note());
            m.put("at", r.at().toString());
            out.add(m);
        }
        return out;
    }

    private byte[] page() throws JsonProcessingException {
        String config = sim.json.writeValueAsString(Map.of("secret", sim.secret(), "widgetUri", sim.widgetUri()));
        // Inside a <script>: "</" must not close it.
        return page.replace("__AD_SIM_CONFIG__", config.replace("</", "<\\/")).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sdk() throws JsonProcessingException {
        List<String> contact = new ArrayList<>(CONTACT_METHODS);
        String consult = String.valueOf(sim.state().get("consultMethod"));
        if (!contact.contains(consult)) contact.add(consult);
        String names = sim.json.writeValueAsString(Map.of("CONTACT", contact, "AGENT", AGENT_METHODS));
        return sdk.replace("__AD_SDK_METHODS__", names).getBytes(StandardCharsets.UTF_8);
    }

    private boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        int port = sim.port();
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port) || h.equals("[::1]:" + port);
    }

    private boolean ownOrigin(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        int port = sim.port();
        String scheme = sim.scheme();
        return o.equals(scheme + "://127.0.0.1:" + port) || o.equals(scheme + "://localhost:" + port);
    }

    private boolean secretOk(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), sim.secret().getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> body(Request request) throws IOException {
        String s = Content.Source.asString(request, StandardCharsets.UTF_8);
        if (s == null || s.isBlank()) return Map.of();
        if (s.length() > MAX_BODY) throw new IllegalArgumentException("body too large");
        try {
            Object parsed = sim.json.readValue(s, Object.class);
            if (!(parsed instanceof Map<?, ?> m)) throw new IllegalArgumentException("body must be a JSON object");
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
    }

    private static String str(Map<String, Object> b, String key) {
        return str(b, key, "");
    }

    private static String str(Map<String, Object> b, String key, String def) {
        Object v = b.get(key);
        return v == null ? def : String.valueOf(v).trim();
    }

    private static long number(String s, long def) {
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
        // A refused request's body stays unread and the server drops the connection after answering: say so, so
        // that no client sends its next request down that socket.
        if (status == 401 || status == 403 || status == 413 || status == 421) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
