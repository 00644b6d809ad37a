package dev.unibar.connectors.ucs.sim;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The simulator's front door, before HTTP and the WebSocket upgrade alike. The simulator runs on the
 * agent's machine while the agent browses, so any web site could otherwise reach it:
 * <ul>
 * <li>{@code Host} must name loopback ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}) and this
 * port: a DNS-rebinding page arrives with its own host name and is refused (421).</li>
 * <li>{@code Origin}, when a browser sends one, must be a loopback http origin (the Unibar host page,
 * on a port nobody can predict, and the simulator's own demo page) or one added with
 * {@link #allowOrigin}: web sites are refused (403). CORS answers echo that origin, never {@code *},
 * and never allow credentials.</li>
 * <li>{@code /control/*} (scenarios, state, recording, reset) needs the per-run secret, as header
 * {@value #SECRET_HEADER} or query {@code secret=}: 401 without it. The vendor's own protocol (script,
 * WebSocket, long-poll) does not: the real vendor page cannot know it.</li>
 * </ul>
 */
final class SimGate extends Handler.Wrapper {

    static final String SECRET_HEADER = "X-Sim-Secret";
    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d{1,5})?");

    private final String secret;
    private final IntSupplier port;
    private final Set<String> extraOrigins = ConcurrentHashMap.newKeySet();
    private final Set<Integer> extraPorts = ConcurrentHashMap.newKeySet();

    SimGate(IntSupplier port) {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        this.port = port;
    }

    String secret() {
        return secret;
    }

    void allowOrigin(String origin) {
        extraOrigins.add(origin.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            return refuse(response, callback, HttpStatus.MISDIRECTED_REQUEST_421, "Host is not loopback");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !allowed(origin)) {
            return refuse(response, callback, HttpStatus.FORBIDDEN_403, "Origin not allowed");
        }
        if (origin != null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().add(HttpHeader.VARY, "Origin");
        }
        String path = Request.getPathInContext(request);
        boolean preflight = "OPTIONS".equals(request.getMethod());
        if (path.startsWith("/control/") && !preflight && !hasSecret(request)) {
            return refuse(response, callback, HttpStatus.UNAUTHORIZED_401, "control needs the simulator's secret");
        }
        return super.handle(request, response, callback);
    }

    /** A loopback port forwarded to this simulator (a test's fault proxy) whose number browsers then send. */
    void allowPort(int forwarded) {
        extraPorts.add(forwarded);
    }

    boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || h.endsWith("]")) return false;
        int p;
        try {
            p = Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (p != port.getAsInt() && !extraPorts.contains(p)) return false;
        String name = h.substring(0, colon);
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    boolean allowed(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        return LOOPBACK_ORIGIN.matcher(o).matches() || extraOrigins.contains(o);
    }

    private boolean hasSecret(Request request) {
        String given = request.getHeaders().get(SECRET_HEADER);
        if (given == null) given = Request.extractQueryParameters(request).getValue("secret");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean refuse(Response response, Callback callback, int status, String why) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        // A refused request's body stays unread and the server drops the connection after answering: say so, so
        // that no client sends its next request down that socket.
        if (status == 401 || status == 403 || status == 413 || status == 421) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(why.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
