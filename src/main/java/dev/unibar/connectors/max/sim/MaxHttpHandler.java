package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.ControlRoutes;
import dev.unibar.simkit.Replies;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fake MAX's HTTP surface behind the kit's gate: the page, the page's channel ({@code /max/api/*}:
 * what the children posted in, what MAX posts to them out) and the control API.
 */
final class MaxHttpHandler extends Handler.Abstract {

    private static final long MAX_WAIT_MS = 20_000;
    private final MaxSimulator sim;
    private final byte[] page = Replies.resource(MaxHttpHandler.class, "max.html");
    private final ControlRoutes control;

    MaxHttpHandler(MaxSimulator sim) {
        this.sim = sim;
        MaxSimState st = sim.state();
        this.control = new ControlRoutes("/control/")
                .scenarios(MaxScenarios.book(st))
                .get("received", p -> st.received().stream().map(MaxHttpHandler::received).toList())
                .get("state", p -> st.snapshot())
                .post("page-url", p -> Map.of("url", sim.pageUrl()))
                .postUnder("flavor/", p -> {
                    try {
                        st.flavor(MaxSimState.Flavor.valueOf(p.str("_", "").toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("flavor is MAX or CXA");
                    }
                    return null;
                });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if ("GET".equals(method) && (path.equals(MaxSimulator.PAGE_PATH) || path.equals("/max") || path.equals("/"))) {
            return Replies.send(response, callback, 200, Replies.HTML_TYPE, page);
        }
        if ("POST".equals(method) && path.equals("/max/api/client")) return client(request, response, callback);
        if ("GET".equals(method) && path.equals("/max/api/next")) {
            long after = Replies.query(request, "after", 0);
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, Replies.query(request, "wait", MAX_WAIT_MS)));
            List<MaxSimState.Delivery> ds;
            try {
                ds = sim.state().awaitDeliveries(after, wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                ds = List.of();
            }
            List<Object> out = ds.stream().map(d -> (Object) Map.of("seq", d.seq(), "window", d.window(), "message", d.message()))
                    .toList();
            return Replies.json(response, callback, 200, Map.of("deliveries", out, "last", sim.state().lastSeq()));
        }
        return control.handle(request, response, callback) || Replies.error(response, callback, 404, "not found");
    }

    @SuppressWarnings("unchecked")
    private boolean client(Request request, Response response, Callback callback) throws Exception {
        Map<String, Object> body;
        try {
            body = Replies.object(request);
        } catch (IllegalArgumentException e) {
            return Replies.error(response, callback, 400, e.getMessage());
        }
        if (!(body.get("window") instanceof String w)) return Replies.error(response, callback, 400, "window required");
        Object data = body.get("data");
        sim.state().onClientMessage(w, String.valueOf(body.get("origin")), data instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
        return Replies.json(response, callback, 200, Map.of("ok", true));
    }

    private static Map<String, Object> received(MaxSimState.Received r) {
        return Replies.fields("seq", r.seq(),
                "window", r.window(),
                "messageType", r.messageType(),
                "data", r.data(),
                "accepted", r.accepted(),
                "note", r.note(),
                "at", r.at().toString());
    }
}
