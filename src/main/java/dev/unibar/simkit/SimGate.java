package dev.unibar.simkit;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one front door of every simulator, before HTTP and WebSocket upgrades alike. A simulator runs on
 * the agent's machine while the agent browses, next to other users of a shared terminal server:
 * <ul>
 * <li>{@code Host} must be {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with this port (or a port
 * told to forward here): anything else, a DNS-rebinding name, a name without port, is refused (421).</li>
 * <li>{@code Origin}, when sent, must be the simulator's own ({@link Origins#OWN}) or any loopback http
 * origin ({@link Origins#LOOPBACK}: the vendor's page is Unibar's host page on a port nobody can predict),
 * or one added with {@link #allowOrigin}; {@code null} (sandboxed frames, {@code data:} pages) never is (403).
 * With {@link #cors()} the allowed origin is echoed, never {@code *}, never with credentials.</li>
 * <li>Paths guarded with {@link #secret(String...)} need this run's secret in {@value #SECRET_HEADER}
 * (and, where {@link #secretInQuery()} says so, {@code ?secret=}); paths guarded with
 * {@link #session(String...)} need the secret or the session of the simulator's own page (401).</li>
 * </ul>
 * The page session starts at an address from {@link #keyedPath}: {@code /simkey/<one-time key>/<path>}
 * is served as {@code <path>} and, while the key is unspent, answers with the session cookie. Nothing a
 * bare request can fetch carries a secret.
 */
public final class SimGate {

    public static final String SECRET_HEADER = "X-Sim-Secret";
    public static final String KEY_SEGMENT = "/simkey/";

    /** Which browser origins may call at all. */
    public enum Origins { OWN, LOOPBACK }

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Pattern ORIGIN = Pattern.compile("(https?)://(127\\.0\\.0\\.1|localhost|\\[::1])(?::(\\d{1,5}))?");
    private static final Pattern KEYED = Pattern.compile(Pattern.quote(KEY_SEGMENT) + "([A-Za-z0-9_-]{1,64})(/.*)");

    private enum Access { SECRET, SESSION }

    private record Guard(String pattern, boolean prefix, Access access) {
        boolean matches(String path) {
            return prefix ? path.startsWith(pattern) : path.equals(pattern);
        }
    }

    private final IntSupplier port;
    private final Origins origins;
    private final String secret = PageKeys.random(24);
    private final PageKeys keys = new PageKeys();
    private final Set<String> extraOrigins = ConcurrentHashMap.newKeySet();
    private final Set<Integer> forwardedPorts = ConcurrentHashMap.newKeySet();
    private final List<Guard> guards = new ArrayList<>();
    private volatile String scheme = "http";
    private boolean secretInQuery;
    private boolean ignoreCase;
    private boolean cors;

    /** {@code port} is read at every request: the server binds after the gate is made. */
    public SimGate(IntSupplier port, Origins origins) {
        this.port = port;
        this.origins = origins;
    }

    // ---------------------------------------------------------------- configuration (before start)

    /** Paths that need the run's secret: {@code "/control/*"} is a prefix, anything else one exact path. */
    public SimGate secret(String... patterns) {
        return guard(Access.SECRET, patterns);
    }

    /** Paths that need the simulator page's session (or the secret). */
    public SimGate session(String... patterns) {
        return guard(Access.SESSION, patterns);
    }

    private SimGate guard(Access access, String... patterns) {
        for (String p : patterns) {
            boolean prefix = p.endsWith("*");
            String s = prefix ? p.substring(0, p.length() - 1) : p;
            guards.add(new Guard(ignoreCase ? s.toLowerCase(Locale.ROOT) : s, prefix, access));
        }
        return this;
    }

    /** The secret may also come as {@code ?secret=}, so that a supervisor's browser can open a control address. */
    public SimGate secretInQuery() {
        secretInQuery = true;
        return this;
    }

    /** Guarded paths match in any case, as IIS serves them (call before the guards). */
    public SimGate ignoreCase() {
        ignoreCase = true;
        return this;
    }

    /** Echo an allowed origin in {@code Access-Control-Allow-Origin} (without credentials). */
    public SimGate cors() {
        cors = true;
        return this;
    }

    /** The scheme of the simulator's own origin ({@code https} for a simulator served over TLS). */
    public SimGate scheme(String s) {
        scheme = s;
        return this;
    }

    /** One more browser origin may call (a test's CRM page); loopback rules stay as they are. */
    public SimGate allowOrigin(String origin) {
        extraOrigins.add(origin.toLowerCase(Locale.ROOT));
        return this;
    }

    /** A loopback port that forwards to this simulator (a test's fault proxy): its Host and origin are ours too. */
    public SimGate allowPort(int forwarded) {
        forwardedPorts.add(forwarded);
        return this;
    }

    // ---------------------------------------------------------------- secrets

    /** This run's secret: new at every start of the JVM's simulator object, never in a page. */
    public String secret() {
        return secret;
    }

    /** {@code path} behind a fresh one-time key: the address that gives a browser the page session. */
    public String keyedPath(String path) {
        return KEY_SEGMENT + keys.issue() + (path.startsWith("/") ? path : "/" + path);
    }

    private String cookieName() {
        return "simkit-" + port.getAsInt();
    }

    // ---------------------------------------------------------------- the checks

    /** A loopback name with our port, nothing more and nothing less. */
    public boolean hostAllowed(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon <= 0) return false;
        String digits = h.substring(colon + 1);
        if (!digits.matches("[0-9]{1,5}") || !LOOPBACK_NAMES.contains(h.substring(0, colon))) return false;
        return ours(Integer.parseInt(digits));
    }

    public boolean originAllowed(String origin) {
        if (origin == null) return false;
        String o = origin.toLowerCase(Locale.ROOT);
        if (extraOrigins.contains(o)) return true;
        Matcher m = ORIGIN.matcher(o);
        if (!m.matches()) return false;
        if (origins == Origins.LOOPBACK) return m.group(1).equals("http");
        return m.group(1).equals(scheme) && m.group(3) != null && ours(Integer.parseInt(m.group(3)));
    }

    private boolean ours(int p) {
        return p == port.getAsInt() || forwardedPorts.contains(p);
    }

    private boolean secretIn(Request request) {
        String given = request.getHeaders().get(SECRET_HEADER);
        if (given == null && secretInQuery) given = Request.extractQueryParameters(request).getValue("secret");
        return PageKeys.same(given, secret);
    }

    private boolean sessionIn(Request request) {
        String name = cookieName();
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name) && keys.valid(c.getValue())) return true;
        }
        return false;
    }

    private Access needed(String path) {
        String p = ignoreCase ? path.toLowerCase(Locale.ROOT) : path;
        Access strongest = null;
        for (Guard g : guards) {
            if (!g.matches(p)) continue;
            if (g.access == Access.SECRET) return Access.SECRET;
            strongest = Access.SESSION;
        }
        return strongest;
    }

    /** A fresh Jetty handler for one server start, with {@code inner} behind it. */
    public Handler.Wrapper handler(Handler inner) {
        Handler.Wrapper w = new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return SimGate.this.handle(request, response, callback, getHandler());
            }
        };
        w.setHandler(inner);
        return w;
    }

    private boolean handle(Request request, Response response, Callback callback, Handler next) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (!hostAllowed(request.getHeaders().get(HttpHeader.HOST))) {
            return Replies.refuse(response, callback, 421, "Host must be a loopback name with this simulator's port");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !originAllowed(origin)) {
            return Replies.refuse(response, callback, 403, "cross-origin requests are not served");
        }
        if (origin != null && cors) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().add(HttpHeader.VARY, "Origin");
        }
        HttpURI uri = request.getHttpURI();
        Request forward = request;
        boolean session = false;
        Matcher keyed = KEYED.matcher(uri.getPath() == null ? "/" : uri.getPath());
        if (keyed.matches()) {
            uri = HttpURI.build(uri).path(keyed.group(2)).asImmutable();
            forward = withUri(request, uri);
            String opened = keys.redeem(keyed.group(1));
            if (opened != null) {
                session = true;
                Response.addCookie(response, HttpCookie.build(cookieName(), opened).path("/").maxAge(12 * 3600)
                        .httpOnly(true).sameSite(HttpCookie.SameSite.STRICT).build());
            }
        }
        String path = uri.getDecodedPath() == null ? "/" : uri.getDecodedPath();
        Access needed = "OPTIONS".equals(request.getMethod()) ? null : needed(path);
        if (needed == Access.SECRET && !secretIn(request)) {
            return Replies.refuse(response, callback, 401, "this needs the simulator's secret (" + SECRET_HEADER + ")");
        }
        if (needed == Access.SESSION && !session && !secretIn(request) && !sessionIn(request)) {
            return Replies.refuse(response, callback, 401,
                    "this needs the simulator page's session: open the page address the simulator gave (its key works once)");
        }
        return next != null && next.handle(forward, response, callback);
    }

    private static Request withUri(Request request, HttpURI uri) {
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }
}
