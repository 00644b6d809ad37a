package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.ControlRoutes;
import dev.unibar.simkit.Replies;
import dev.unibar.simkit.SimGate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The simulator's plain HTTP behind the kit's gate: the fake operator script, a demo host page, the long poll and /control/*. */
final class UcsHttpHandler extends Handler.Abstract {

    private final UcsSimulator sim;
    private final UcsPages pages;
    private final byte[] script = Replies.resource(UcsHttpHandler.class, "operator-v4.0.0.js");
    private final byte[] hostPage = Replies.resource(UcsHttpHandler.class, "host.html");
    private final ControlRoutes control;

    UcsHttpHandler(UcsSimulator sim, UcsPages pages) {
        this.sim = sim;
        this.pages = pages;
        this.control = new ControlRoutes("/control/")
                .scenarios(sim.book())
                .get("recorded", p -> sim.recorded().stream().map(UcsHttpHandler::recorded).toList())
                .get("state", p -> {
                    UcsSimState s = sim.state();
                    return s == null ? Map.of("phase", "NONE") : s.snapshot();
                })
                .post("reset", p -> {
                    sim.reset();
                    return null;
                });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        // CORS for allowed origins is set by the gate, which already refused every other origin.
        if ("OPTIONS".equals(method)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, " + SimGate.SECRET_HEADER);
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        if ("GET".equals(method) && path.startsWith("/operator/operator-") && path.endsWith(".js")) {
            return Replies.send(response, callback, 200, Replies.JS_TYPE, script);
        }
        if ("GET".equals(method) && (path.equals("/") || path.equals("/index.html"))) {
            return Replies.send(response, callback, 200, Replies.HTML_TYPE, hostPage);
        }
        if (path.startsWith("/operator/poll/")) return poll(request, response, callback, method, path.substring(15));
        return control.handle(request, response, callback) || Replies.error(response, callback, 404, "not found: " + path);
    }

    private static Map<String, Object> recorded(Recorded r) {
        return Replies.fields("method", r.method(),
                "args", r.args(),
                "state", r.state(),
                "accepted", r.accepted(),
                "at", r.at().toString());
    }

    /** The long-poll transport of the fake script (for WebViews whose websocket does not work). */
    private boolean poll(Request request, Response response, Callback callback, String method, String what) throws Exception {
        if ("POST".equals(method) && what.equals("open")) {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            UcsPages.PollPage p = pages.openPoll();
            if (body != null && !body.isBlank()) p.page.onText(body);
            return Replies.json(response, callback, 200, Map.of("sid", p.sid));
        }
        String[] parts = what.split("/", 2);
        UcsPages.PollPage p = pages.poll(parts[0]);
        if (p == null) return Replies.error(response, callback, 404, "no such poll session");
        String action = parts.length > 1 ? parts[1] : "";
        if ("GET".equals(method) && action.isEmpty()) {
            long after = Replies.query(request, "after", 0);
            long wait = Math.min(UcsPages.MAX_WAIT_MS, Math.max(0, Replies.query(request, "wait", UcsPages.MAX_WAIT_MS)));
            return Replies.json(response, callback, 200, p.poll(after, wait));
        }
        if ("POST".equals(method) && action.equals("send")) {
            p.page.onText(Content.Source.asString(request, StandardCharsets.UTF_8));
            return Replies.json(response, callback, 200, Map.of("ok", true));
        }
        if ("POST".equals(method) && action.equals("close")) {
            pages.closePoll(p.sid);
            return Replies.json(response, callback, 200, Map.of("ok", true));
        }
        return Replies.error(response, callback, 404, "unknown poll endpoint");
    }
}
