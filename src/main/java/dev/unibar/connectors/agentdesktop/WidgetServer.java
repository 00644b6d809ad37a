package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.bridge.LoopbackRequests;
import dev.unibar.core.model.Notices;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves Unibar's AgentDesktop widget page on 127.0.0.1 and carries its traffic: the callback's data
 * strings in, SDK calls out (decision 0010). Only the latest widget instance that announced itself is
 * listened to, so a reloaded AgentDesktop page does not double the events or the calls.
 *
 * <p>Trust boundary: loopback Host with this port, same-origin requests only (no CORS headers), the
 * per-run token on every request but the page itself, and {@code frame-ancestors} limited to the
 * AgentDesktop origin so no other site can frame the page. The page does not carry the token: any local
 * process of any user can fetch the page, so it only gets the token from the bar's own vendor panel, which
 * posts it to a frame of exactly this server's origin when the page asks its top window (decision 0037).
 * Every other local client can fetch an empty page and nothing more.
 */
public final class WidgetServer implements AutoCloseable {

    public static final String PAGE_PATH = "/agentdesktop/widget.html";
    static final String TOKEN_HEADER = "X-Unibar-Token";
    private static final System.Logger LOG = System.getLogger(WidgetServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MS = 15_000;
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_PENDING = 1_000;

    /** What the widget tells Unibar. Called on Jetty threads, in the order the widget sent them. */
    public interface Listener {
        void lines(List<String> lines);

        /** A widget instance announced itself (ready) or reported that it cannot work (error). */
        void widget(boolean ready, String detail);
    }

    private record Pending(long id, String ns, String name, List<Object> args, CompletableFuture<Void> done) {
    }

    private final int requestedPort;
    private final int requestedHttpsPort;
    private final LoopbackCertificate tls;
    private final String adOrigin;
    private final String sdkUrl;
    private final Listener listener;
    private final String token;
    private final String page;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Long, Pending> inFlight = new ConcurrentHashMap<>();
    private long nextId = 1;
    private volatile String current;
    private int polling;
    private Server server;
    private ServerConnector connector;
    private ServerConnector httpsConnector;

    /**
     * @param adOrigin the AgentDesktop origin allowed to frame the page ({@code https://ad.example.it})
     * @param sdkUrl   the SDK script the page includes ({@code <baseUrl>widget/agentdesktop_widget.js})
     */
    public WidgetServer(int port, String adOrigin, String sdkUrl, Listener listener) {
        this(port, 0, null, adOrigin, sdkUrl, listener);
    }

    /**
     * @param httpsPort the loopback port of the https page, served only with a certificate (an https
     *                  AgentDesktop in the WebView, decision 0010); the http page stays for browsers
     */
    public WidgetServer(int port, int httpsPort, LoopbackCertificate tls, String adOrigin, String sdkUrl, Listener listener) {
        this.requestedPort = port;
        this.requestedHttpsPort = httpsPort;
        this.tls = tls;
        this.adOrigin = Objects.requireNonNull(adOrigin, "adOrigin");
        this.sdkUrl = Objects.requireNonNull(sdkUrl, "sdkUrl");
        this.listener = Objects.requireNonNull(listener, "listener");
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        this.token = HexFormat.of().formatHex(b);
        this.page = resource("widget.html");
    }

    private static String resource(String name) {
        try (InputStream in = WidgetServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (server != null) return;
        Server s = LoopbackRequests.server("ad-widget", 12);
        ServerConnector c = LoopbackRequests.connector(s, requestedPort);
        ServerConnector sc = tls == null ? null : httpsConnector(s);
        // Stopping waits (a bounded while) for requests in flight: close() wakes the long-polls, whose replies a
        // plain stop() cut, which reached stderr as Jetty's EofException after a passing flow run (issue 22).
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Http());
        s.setHandler(graceful);
        s.setStopTimeout(2_000);
        LoopbackRequests.start(s, "the AgentDesktop widget server could not listen on 127.0.0.1:" + requestedPort
                    + (sc == null ? "" : " and " + requestedHttpsPort));
        server = s;
        connector = c;
        httpsConnector = sc;
    }

    private ServerConnector httpsConnector(Server s) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setCertAlias(LoopbackCertificate.ALIAS);
        HttpConfiguration hc = new HttpConfiguration();
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        // Clients send no SNI for an IP address; the certificate names 127.0.0.1 itself.
        src.setSniHostCheck(false);
        hc.addCustomizer(src);
        return LoopbackRequests.connector(s, requestedHttpsPort, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(hc));
    }

    @Override
    public void close() {
        Server s;
        synchronized (this) {
            s = server;
            server = null;
            for (Pending p : pending) p.done.completeExceptionally(new Notices.Refusal("agentdesktop.stopping"));
            pending.clear();
            notifyAll();
        }
        inFlight.values().forEach(p -> p.done.completeExceptionally(new Notices.Refusal("agentdesktop.stopping")));
        inFlight.clear();
        LoopbackRequests.stop(s, e -> LOG.log(System.Logger.Level.DEBUG, "widget server stop", e));
    }

    public int port() {
        if (connector == null) throw new IllegalStateException("not started");
        return connector.getLocalPort();
    }

    /** The Widget URI to register in AgentDesktop Manager for Unibar's WebView: https when served so. */
    public String widgetUri() {
        return httpsConnector != null ? httpsWidgetUri() : httpWidgetUri();
    }

    /** The plain page, for AgentDesktop in a Chromium browser (loopback http is allowed in https pages there). */
    public String httpWidgetUri() {
        return "http://127.0.0.1:" + port() + PAGE_PATH;
    }

    /** The https page, or null when it is not served. */
    public String httpsWidgetUri() {
        return httpsConnector == null ? null : "https://127.0.0.1:" + httpsConnector.getLocalPort() + PAGE_PATH;
    }

    /** The origins the page is served from: the only frames the vendor panel hands the token to. */
    public List<String> pageOrigins() {
        List<String> out = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost")) {
            out.add("http://" + host + ":" + port());
            if (httpsConnector != null) out.add("https://" + host + ":" + httpsConnector.getLocalPort());
        }
        return out;
    }

    /** The per-run secret of the widget's requests: for the vendor panel's bridge, never for a page or a log. */
    public String token() {
        return token;
    }

    public boolean widgetConnected() {
        return current != null;
    }

    /**
     * Asks the widget to call {@code AGENTDESKTOP.<ns>.<name>(args...)}. Completes when the widget ran
     * it, exceptionally with the widget's error, or at once when no widget is connected.
     */
    public CompletableFuture<Void> call(String ns, String name, List<Object> args) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (current == null) {
            done.completeExceptionally(new Notices.Refusal("agentdesktop.widgetNotLoaded"));
            return done;
        }
        synchronized (this) {
            if (pending.size() >= MAX_PENDING) {
                done.completeExceptionally(new Notices.Refusal("agentdesktop.widgetBusy"));
                return done;
            }
            pending.add(new Pending(nextId++, ns, name, new ArrayList<>(args), done));
            notifyAll();
        }
        return done;
    }

    /** Requests being answered now (tests). */
    int answering() {
        Server s = server;
        return s == null || !(s.getHandler() instanceof GracefulHandler g) ? 0 : (int) g.getCurrentRequestCount();
    }

    /** Long-polls waiting for commands now (tests). */
    synchronized int polling() {
        return polling;
    }

    /** Commands after {@code after} for the current instance, waiting up to {@code waitMs}. */
    private synchronized List<Pending> take(String instance, long waitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMs;
        polling++;
        try {
            while (pending.isEmpty() && server != null && instance.equals(current)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                wait(left);
            }
        } finally {
            polling--;
        }
        if (!instance.equals(current)) return List.of();
        List<Pending> out = new ArrayList<>(pending);
        pending.clear();
        for (Pending p : out) inFlight.put(p.id, p);
        return out;
    }

    private synchronized void becomeCurrent(String instance) {
        current = instance;
        notifyAll();
    }

    private final class Http extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            int port = Request.getLocalPort(request);
            if (!LoopbackRequests.loopbackHost(request.getHeaders().get(HttpHeader.HOST), port)) return status(response, callback, 421);
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && !ownOrigin(origin, request.isSecure() ? "https" : "http", port)) return status(response, callback, 403);
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            if ("GET".equals(method) && path.equals(PAGE_PATH)) {
                response.getHeaders().put("Content-Security-Policy", "frame-ancestors " + adOrigin);
                return send(response, callback, 200, "text/html; charset=utf-8", page().getBytes(StandardCharsets.UTF_8));
            }
            if (!tokenOk(request.getHeaders().get(TOKEN_HEADER))) return status(response, callback, 401);
            if ("GET".equals(method) && path.equals("/agentdesktop/commands")) {
                Fields q = Request.extractQueryParameters(request);
                String instance = Objects.requireNonNullElse(q.getValue("instance"), "");
                // A superseded instance (an earlier page) backs off instead of polling in a loop.
                if (!instance.equals(current)) return status(response, callback, 409);
                List<Pending> out;
                try {
                    out = take(instance, POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return status(response, callback, 503);
                }
                List<Object> list = new ArrayList<>();
                for (Pending p : out) list.add(Map.of("id", p.id, "ns", p.ns, "name", p.name, "args", p.args));
                return json(response, callback, Map.of("commands", list, "next", 0));
            }
            if (!"POST".equals(method)) return status(response, callback, 405);
            JsonNode body;
            try {
                String s = Content.Source.asString(request, StandardCharsets.UTF_8);
                if (s == null || s.length() > MAX_BODY) return status(response, callback, 413);
                body = JSON.readTree(s);
            } catch (JsonProcessingException e) {
                return status(response, callback, 400);
            }
            if (body == null || !body.isObject()) return status(response, callback, 400);
            String instance = body.path("instance").asText("");
            switch (path) {
                case "/agentdesktop/status" -> {
                    boolean ready = body.path("ready").asBoolean(false);
                    if (ready) becomeCurrent(instance);
                    listener.widget(ready, ready ? body.path("container").asText("") : body.path("error").asText(""));
                }
                case "/agentdesktop/events" -> {
                    if (!instance.equals(current)) return status(response, callback, 409);
                    List<String> lines = new ArrayList<>();
                    for (JsonNode l : body.path("lines")) lines.add(l.isTextual() ? l.asText() : l.toString());
                    if (!lines.isEmpty()) listener.lines(lines);
                }
                case "/agentdesktop/results" -> {
                    Pending p = inFlight.remove(body.path("id").asLong(-1));
                    if (p != null) {
                        if (body.path("ok").asBoolean(false)) p.done.complete(null);
                        // The vendor's error text reaches the agent as the SDK threw it, inside a translated sentence.
                        else p.done.completeExceptionally(new Notices.Refusal("agentdesktop.sdkCallFailed",
                                p.ns + "." + p.name, body.path("error").asText("")));
                    }
                }
                default -> {
                    return status(response, callback, 404);
                }
            }
            return json(response, callback, Map.of("ok", true));
        }
    }

    private String page() throws JsonProcessingException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("sdkUrl", sdkUrl);
        String config = JSON.writeValueAsString(cfg).replace("</", "<\\/");
        return page.replace("__SDK_URL__", htmlAttr(sdkUrl)).replace("__CONFIG__", config);
    }

    private static String htmlAttr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The page's own origin: the scheme and port the request came in on. */
    private static boolean ownOrigin(String origin, String scheme, int p) {
        String o = origin.toLowerCase(Locale.ROOT);
        return o.equals(scheme + "://127.0.0.1:" + p) || o.equals(scheme + "://localhost:" + p);
    }

    private boolean tokenOk(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean json(Response response, Callback callback, Object body) throws JsonProcessingException {
        return send(response, callback, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static boolean status(Response response, Callback callback, int status) {
        LoopbackRequests.closeIfRefused(response, status);
        return send(response, callback, status, "text/plain; charset=utf-8", new byte[0]);
    }

    private static boolean send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
