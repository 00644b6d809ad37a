package dev.unibar.bridge;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Serves the host pages that embed vendor bars, from a real {@code http://127.0.0.1:<port>} origin:
 * a page loaded with {@code loadContent} has no origin, so {@code localStorage} throws and vendor
 * scripts that post to {@code location.origin} break.
 *
 * <p>Serves dynamic pages registered with {@link #addPage} and the bridge's own resources under
 * {@code /unibar/} (at least {@code /unibar/shim.js}); anything else is 404. Binds loopback only,
 * ephemeral port; refuses a {@code Host} that is not a loopback name with this port (421) and an
 * {@code Origin} other than its own or one added with {@link #allowOrigin} (403). It sends no CORS
 * headers at all.
 *
 * <p>Pages live under a per-run random path ({@link #url} gives it): another user of the machine can find the
 * port, but not the page, which may carry what the configuration says about the vendor (a phone URL's query,
 * say). The shim under {@code /unibar/} holds nothing of the run and stays where any page can include it.
 */
public final class HostServer implements AutoCloseable {

    public static final String RESOURCE_PREFIX = "/unibar/";
    private static final String RESOURCE_ROOT = "dev/unibar/bridge/";
    /** Flat names only: no path traversal into the rest of the classpath. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.(js|css|html)");

    private final Map<String, Supplier<String>> pages = new ConcurrentHashMap<>();
    /** {@code /p/<random>}: what a page's address starts with this run. */
    private final String pagePrefix = "/p/" + randomSegment();
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
    private final java.util.Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();
    private Server server;
    private ServerConnector connector;

    /** Registers (or replaces) a page; the supplier runs on a Jetty thread for every request. */
    public void addPage(String path, Supplier<String> html) {
        Objects.requireNonNull(html, "html");
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
        if (path.startsWith(RESOURCE_PREFIX)) throw new IllegalArgumentException(RESOURCE_PREFIX + " is reserved: " + path);
        pages.put(path, html);
    }

    public void removePage(String path) {
        pages.remove(path);
    }

    public synchronized void start() {
        if (server != null) return;
        Server s = LoopbackRequests.server("unibar-host", 8);
        ServerConnector c = LoopbackRequests.connector(s, 0);
        s.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        LoopbackRequests.start(s, "host server did not start");
        server = s;
        connector = c;
    }

    public synchronized void stop() {
        Server s = server;
        server = null;
        connector = null;
        LoopbackRequests.stop(s, e -> {
            throw new IllegalStateException("host server did not stop cleanly", e);
        });
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code http://127.0.0.1:PORT}, as a browser reports it in {@code location.origin}. */
    public synchronized String origin() {
        if (connector == null) throw new IllegalStateException("host server is not started");
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** A page's address this run (its path behind the run's random prefix); {@code /unibar/} resources as they are. */
    public String url(String path) {
        String p = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
        return origin() + (p.startsWith(RESOURCE_PREFIX) ? p : pagePrefix + p);
    }

    private static String randomSegment() {
        byte[] b = new byte[18];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Lets one more origin fetch from this server (a vendor frame that loads {@code /unibar/shim.js}
     * with CORS, say). The server's own origin always may.
     */
    public void allowOrigin(String origin) {
        allowedOrigins.add(OriginPolicy.normalize(origin)
                .orElseThrow(() -> new IllegalArgumentException("not an origin: " + origin)));
    }

    private synchronized int port() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    private void serve(Request request, Response response, Callback callback) {
        // Pages are GET-only, so there is no state to change and no secret to ask for; what remains
        // is who may read them: loopback Host names only (DNS rebinding), allowed Origins only.
        int port = port();
        if (!LoopbackRequests.loopbackHost(request.getHeaders().get(HttpHeader.HOST), port)) {
            text(response, callback, 421, "Host is not loopback", false);
            return;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origin.equals("http://127.0.0.1:" + port)
                && !LoopbackRequests.allowedOrigin(origin, allowedOrigins)) {
            text(response, callback, 403, "Origin not allowed", false);
            return;
        }
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!HttpMethod.GET.is(method) && !head) {
            text(response, callback, 405, "method not allowed", false);
            return;
        }
        String path = Request.getPathInContext(request);
        try {
            Supplier<String> page = path.startsWith(pagePrefix + "/") ? pages.get(path.substring(pagePrefix.length())) : null;
            if (page != null) {
                String html = page.get();
                if (html == null) {
                    text(response, callback, 404, "not found", head);
                    return;
                }
                send(response, callback, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            if (path.startsWith(RESOURCE_PREFIX)) {
                String name = path.substring(RESOURCE_PREFIX.length());
                byte[] body = RESOURCE_NAME.matcher(name).matches() ? resource(name) : null;
                if (body != null) {
                    send(response, callback, 200, contentType(name), body, head);
                    return;
                }
            }
            text(response, callback, 404, "not found", head);
        } catch (RuntimeException e) {
            text(response, callback, 500, "host page failed", head);
        }
    }

    private byte[] resource(String name) {
        byte[] cached = resources.get(name);
        if (cached != null) return cached;
        try (InputStream in = HostServer.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + name)) {
            if (in == null) return null;
            byte[] body = in.readAllBytes();
            resources.put(name, body);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/html; charset=utf-8";
    }

    private static void text(Response response, Callback callback, int status, String body, boolean head) {
        send(response, callback, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body, boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        LoopbackRequests.closeIfRefused(response, status);
        // Host pages are generated per session (ports, config): a cached copy would be stale.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
