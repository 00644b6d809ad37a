package dev.unibar.connectors.agentdesktop.sim;

import dev.unibar.simkit.ControlRoutes;
import dev.unibar.simkit.Params;
import dev.unibar.simkit.Replies;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's HTTP surface behind the kit's gate (same-origin only, no CORS headers at all; the page,
 * its channel and the control API need the page's session or the run's secret): the agent page, the SDK,
 * the sample widget, the page's channel ({@code /AD/api/*}) and the control routes.
 */
final class AdHttpHandler extends Handler.Abstract {

    private static final long MAX_WAIT_MS = 20_000;
    /** The documented CONTACT functions plus the sibling toolbar's blind transfer; the consultation name is added at serve time. */
    static final List<String> CONTACT_METHODS = List.of("MakeCall", "Hangup", "HangupByContactID", "Hold", "Answer",
            "OfflineEnd", "OfflineEnable", "SetCallData", "StartRecording", "StopRecording", "Transfer_Direct",
            "Transfer_Complete", "Transfer_Complete_Conference");
    static final List<String> AGENT_METHODS = List.of("Login", "Pause", "PauseSubState", "Logout");

    private final AgentDesktopSimulator sim;
    private final String page = Replies.text(AdHttpHandler.class, "agentdesktop.html");
    private final String sdk = Replies.text(AdHttpHandler.class, "agentdesktop_widget.js");
    private final byte[] sample = Replies.resource(AdHttpHandler.class, "agentdesktop_widget_sample.html");
    private final ControlRoutes control;
    private final ControlRoutes pageApi;

    AdHttpHandler(AgentDesktopSimulator sim) {
        this.sim = sim;
        this.control = new ControlRoutes("/control/")
                // Another browser (a supervisor's) gets the page through a fresh one-time address, asked with the secret.
                .post("page-url", p -> Map.of("url", sim.pageUrl()))
                .get("recorded", p -> recorded())
                .get("state", p -> sim.state())
                .get("scenarios", p -> Scenarios.book(null).list())
                .postUnder("scenario/", p -> {
                    Map<String, Object> params = new LinkedHashMap<>(p.asMap());
                    sim.play(String.valueOf(params.remove("_")), params);
                    return null;
                })
                .post("reset", p -> {
                    sim.reset();
                    return null;
                })
                .post("inbound", p -> Map.of("id", sim.inbound(p.str("ani", "3393669393").trim(),
                        p.str("dnis", "225727273").trim(), p.str("queue", "QUEUE25").trim())))
                .post("chat", p -> Map.of("id", sim.chat(p.str("from", "mario.rossi@example.it").trim())))
                .post("hangup", p -> {
                    if (!sim.remoteHangup(p.str("id", "").trim())) throw new IllegalStateException("no such online contact");
                    return null;
                })
                .post("establish", p -> {
                    if (!sim.establish(p.str("id", "").trim())) throw new IllegalStateException("no such online contact");
                    return null;
                })
                .post("alert", p -> {
                    sim.alert(p.str("message", "").trim());
                    return null;
                })
                .post("settings", p -> {
                    settings(p);
                    return null;
                });
        this.pageApi = new ControlRoutes("/AD/api/").post("invoke", this::invoke);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean get = "GET".equals(request.getMethod());
        if (get && (path.equals("/AD") || path.equals("/"))) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, AgentDesktopSimulator.PAGE_PATH);
            callback.succeeded();
            return true;
        }
        if (get && path.equals(AgentDesktopSimulator.PAGE_PATH)) return Replies.send(response, callback, 200, Replies.HTML_TYPE, page());
        if (get && path.equals(AgentDesktopSimulator.SDK_PATH)) return Replies.send(response, callback, 200, Replies.JS_TYPE, sdk());
        if (get && path.equals(AgentDesktopSimulator.SAMPLE_WIDGET_PATH)) {
            return Replies.send(response, callback, 200, Replies.HTML_TYPE, sample);
        }
        if (get && path.equals("/AD/api/events")) {
            long after = Replies.query(request, "after", 0);
            long wait = Math.min(MAX_WAIT_MS, Math.max(0, Replies.query(request, "wait", 0)));
            try {
                return Replies.json(response, callback, 200, sim.events(after, Replies.query(request, "epoch", -1), wait));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return Replies.error(response, callback, 503, "stopping");
            }
        }
        return pageApi.handle(request, response, callback) || control.handle(request, response, callback)
                || Replies.error(response, callback, 404, "not found");
    }

    private Object invoke(Params b) {
        String ns = b.str("ns", "").trim();
        String method = b.str("method", "").trim();
        if (!ns.matches("[A-Z]{1,16}") || !method.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("bad ns or method");
        }
        Object args = b.raw("args");
        sim.invoke(ns, method, args instanceof List<?> l ? new ArrayList<>(l) : List.of());
        return null;
    }

    private void settings(Params b) {
        if (b.has("widgetUri")) {
            String uri = b.str("widgetUri", "").trim();
            if (!uri.isEmpty() && !uri.startsWith("http://") && !uri.startsWith("https://") && !uri.startsWith("/")) {
                throw new IllegalStateException("widgetUri must be http(s) or a path");
            }
            sim.widgetUri(uri);
        }
        if (b.has("lowerCaseEvents")) sim.lowerCaseEvents(b.bool("lowerCaseEvents", false));
        if (b.raw("answerDelayMs") instanceof Number n) sim.answerDelayMs(n.longValue());
        if (b.has("consultMethod")) {
            try {
                sim.consultMethod(b.str("consultMethod", "").trim());
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

    /** The page knows where its widget is; what gives it the right to act is its session, not anything in it. */
    private String page() {
        return page.replace("__AD_SIM_CONFIG__", Replies.inScript(Map.of("widgetUri", sim.widgetUri())));
    }

    private String sdk() {
        List<String> contact = new ArrayList<>(CONTACT_METHODS);
        String consult = String.valueOf(sim.state().get("consultMethod"));
        if (!contact.contains(consult)) contact.add(consult);
        return sdk.replace("__AD_SDK_METHODS__", Replies.toJson(Map.of("CONTACT", contact, "AGENT", AGENT_METHODS)));
    }
}
