package dev.unibar.simkit;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulator's control API below one base path ({@code /control/}): routes by method and name, the
 * scenario list and runner, and one mapping of failures to statuses: an unknown route or scenario 404, bad
 * parameters or a body that is not a JSON object 400, a simulator in the wrong state 409. The gate in
 * front decides who may call at all.
 */
public final class ControlRoutes {

    /** A route's work: the request's parameters (query for GET, JSON body for POST) in, a JSON reply out. */
    @FunctionalInterface
    public interface Action {
        Object run(Params p) throws Exception;
    }

    /** A reply sent first, and something done once it has gone out (a restart of the server that sends it). */
    public record AfterReply(int status, Object body, Runnable then) {
    }

    private record Route(String method, String name, boolean prefix, Action action) {
    }

    private final String base;
    private final List<Route> routes = new ArrayList<>();
    private boolean ignoreCase;

    public ControlRoutes(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** Paths and names match in any case (IIS). */
    public ControlRoutes ignoreCase() {
        ignoreCase = true;
        return this;
    }

    public ControlRoutes get(String name, Action action) {
        routes.add(new Route("GET", key(name), false, action));
        return this;
    }

    public ControlRoutes post(String name, Action action) {
        routes.add(new Route("POST", key(name), false, action));
        return this;
    }

    /** {@code POST base/<prefix><rest>}: the action finds {@code rest} under the parameter {@code "_"}. */
    public ControlRoutes postUnder(String prefix, Action action) {
        routes.add(new Route("POST", key(prefix), true, action));
        return this;
    }

    /** {@code GET base/scenarios} (the list) and {@code POST base/scenario/<name>} (JSON body: its parameters). */
    public ControlRoutes scenarios(ScenarioBook book) {
        get("scenarios", p -> book.list());
        return postUnder("scenario/", p -> {
            Map<String, Object> params = new LinkedHashMap<>(p.asMap());
            String name = String.valueOf(params.remove("_"));
            return book.run(name, params);
        });
    }

    private String key(String s) {
        return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** Whether {@code path} is below the base (the gate has already asked for the secret there). */
    public boolean owns(String path) {
        return path != null && key(path).startsWith(key(base));
    }

    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!owns(path)) return false;
        String rest = path.substring(base.length());
        String name = key(rest);
        String method = request.getMethod();
        for (Route r : routes) {
            if (!r.method.equals(method)) continue;
            if (r.prefix ? !name.startsWith(r.name) : !name.equals(r.name)) continue;
            Map<String, Object> params;
            try {
                params = "GET".equals(method) ? query(request) : Replies.object(request);
            } catch (IllegalArgumentException e) {
                return Replies.error(response, callback, 400, e.getMessage());
            }
            if (r.prefix) params.put("_", rest.substring(r.name.length()));
            return run(r.action, Params.of(params), response, callback);
        }
        return Replies.error(response, callback, 404, "unknown control endpoint " + method + " " + path);
    }

    private static Map<String, Object> query(Request request) {
        Map<String, Object> m = new LinkedHashMap<>();
        Fields q = Request.extractQueryParameters(request);
        for (Fields.Field f : q) if (!f.getName().equals("secret")) m.put(f.getName(), f.getValue());
        return m;
    }

    private static boolean run(Action action, Params p, Response response, Callback callback) throws Exception {
        Object out;
        try {
            out = action.run(p);
        } catch (ScenarioBook.UnknownScenario e) {
            return Replies.error(response, callback, 404, e.getMessage());
        } catch (IllegalArgumentException e) {
            return Replies.error(response, callback, 400, e.getMessage());
        } catch (IllegalStateException e) {
            return Replies.error(response, callback, 409, e.getMessage());
        }
        if (out instanceof AfterReply later) {
            Callback then = Callback.from(() -> {
                callback.succeeded();
                later.then().run();
            }, callback::failed);
            return Replies.json(response, then, later.status(), later.body());
        }
        return Replies.json(response, callback, 200, out == null ? Map.of("ok", true) : out);
    }
}
