package dev.unibar.connectors.evolux.sim;

import dev.unibar.simkit.ControlRoutes;
import dev.unibar.simkit.Params;
import dev.unibar.simkit.Replies;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's HTTP surface behind the kit's gate (which asks the phone's pages for their session and
 * the control API for the run's secret): the phone page and its long poll, the test page, the
 * click-to-call API (its own token) and the control routes.
 */
final class SimHttp extends Handler.Abstract {

    private static final long MAX_WAIT_MS = 25_000;
    private static final long MAX_BODY = 64 * 1024;
    private final EvoluxSimulator sim;
    private final byte[] phonePage = Replies.resource(SimHttp.class, "phone.html");
    private final byte[] testPage = Replies.resource(SimHttp.class, "evolux_phone_test.html");
    private final ControlRoutes control;
    private final ControlRoutes phoneActions;

    SimHttp(EvoluxSimulator sim) {
        this.sim = sim;
        this.control = new ControlRoutes("/control/")
                .postUnder("scenario/", p -> scenario(p))
                .get("scenarios", p -> EvoluxSimulator.scenarioNames())
                .get("api-calls", p -> sim.apiCalls().stream().map(SimHttp::apiCallJson).toList())
                .get("posted", p -> sim.posted())
                .post("page-url", p -> Map.of("url", sim.phoneUrl(), "testPage", sim.testPageUrl()))
                .post("reset", p -> {
                    sim.reset();
                    return null;
                });
        // The phone's own buttons run the same scenarios, without parameters.
        this.phoneActions = new ControlRoutes(EvoluxSimulator.PHONE_PATH + "/action/")
                .postUnder("", p -> sim.scenario(p.str("_", ""), Map.of()));
    }

    private Object scenario(Params p) {
        Map<String, Object> params = new LinkedHashMap<>(p.asMap());
        String name = String.valueOf(params.remove("_"));
        return sim.scenario(name, params);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if ("GET".equals(method) && path.equals(EvoluxSimulator.PHONE_PATH)) {
            return Replies.send(response, callback, 200, Replies.HTML_TYPE, phonePage);
        }
        if ("GET".equals(method) && path.equals(EvoluxSimulator.TEST_PAGE_PATH)) {
            return Replies.send(response, callback, 200, Replies.HTML_TYPE, testPage);
        }
        if (path.equals(EvoluxSimulator.CALL_API_PATH)) {
            if (!"POST".equals(method)) return meta(response, callback, 405, "Method not allowed.");
            return apiCall(request, response, callback);
        }
        if ("GET".equals(method) && path.equals(EvoluxSimulator.PHONE_PATH + "/poll")) return poll(request, response, callback);
        return phoneActions.handle(request, response, callback) || control.handle(request, response, callback)
                || Replies.error(response, callback, 404, "not found");
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
            Object o = Replies.JSON.readValue(Content.Source.asString(request, StandardCharsets.UTF_8), Object.class);
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

    /** The phone's long poll; {@code after=-1} answers the current position (and the phone logs in). */
    private boolean poll(Request request, Response response, Callback callback) throws Exception {
        long after = Replies.query(request, "after", -1);
        if (after < 0) {
            sim.pollStarted();
            sim.pollEnded();
            long next = sim.lastSeq();
            sim.phoneOpened();
            return Replies.json(response, callback, 200, Map.of("next", next, "messages", List.of()));
        }
        long wait = Math.min(MAX_WAIT_MS, Math.max(0, Replies.query(request, "wait", MAX_WAIT_MS)));
        List<Object> messages = new ArrayList<>();
        long next = after;
        List<Posted> batch;
        sim.pollStarted();
        try {
            batch = sim.postedAfter(after, Duration.ofMillis(wait));
        } catch (InterruptedException stopping) {
            // The simulator is stopping: an empty answer, and the phone polls again.
            Thread.currentThread().interrupt();
            batch = List.of();
        } finally {
            sim.pollEnded();
        }
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
        return Replies.json(response, callback, 200, out);
    }

    private static Map<String, Object> apiCallJson(ApiCall c) {
        return Replies.fields("at", c.at().toString(),
                "from", c.from(),
                "to", c.to(),
                "call_info", c.callInfo(),
                "tokenPresent", c.tokenPresent(),
                "tokenValid", c.tokenValid(),
                "status", c.status(),
                "message", c.message());
    }

    /** Evolux's answer shape: {@code {"meta": {"status": 200, "message": "OK"}}}. */
    private static boolean meta(Response response, Callback callback, int status, String message) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("status", status);
        meta.put("message", message);
        return Replies.json(response, callback, status, Map.of("meta", meta));
    }
}
