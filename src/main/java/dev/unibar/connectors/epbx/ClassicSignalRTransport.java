package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.Payloads;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * ASP.NET SignalR 2 ("classic") over WebSockets, written by hand because the Microsoft Java client
 * speaks only ASP.NET Core SignalR (docs/decisions/0005). Sequence: negotiate → connect (wait for the
 * init frame {@code S:1}) → start. Invocations carry increasing ids and complete on their {@code R}/
 * {@code E} reply; pushes are dispatched in arrival order and their cursor remembered for reconnects.
 *
 * <p>A connection that falls silent for the server's KeepAliveTimeout is treated as dropped. Drops are
 * retried with exponential backoff and jitter through {@code /reconnect?messageId=cursor}; when the
 * server no longer knows the connection (it restarted, or DisconnectTimeout passed) the transport
 * negotiates a new one and reports the session as lost so the owner re-runs its start-up.
 */
public final class ClassicSignalRTransport extends SignalRTransportBase {

    private static final System.Logger LOG = System.getLogger(ClassicSignalRTransport.class.getName());

    /**
     * Java-WebSocket traces the upgrade request, query string and access token included. Its logger is
     * held here (JUL keeps loggers weakly) and kept at INFO, where it prints no request.
     */
    static {
        dev.unibar.config.LibraryLogs.atLeast("org.java_websocket", java.util.logging.Level.INFO);
    }
    private static final String PROTOCOL = "1.5";
    /** A reconnect the server accepts and then closes at once is a refusal, not a network problem. */
    private static final long EARLY_CLOSE_MS = 500;

    private final HttpClient http;
    private final String base;
    private final Invocations invocations;
    private final AtomicInteger tid = new AtomicInteger(random.nextInt(10));

    private volatile String hub;
    private volatile String connectionToken;
    private volatile String connectionData;
    private volatile long keepAliveMs;
    private volatile long disconnectTimeoutMs = 30_000;
    private volatile long transportConnectMs = 5_000;
    private volatile String cursor;
    private volatile Socket current;
    private volatile boolean reconnecting;
    private volatile boolean mustNegotiate;
    private volatile long droppedAtNanos;
    private ScheduledFuture<?> watchdog;

    public ClassicSignalRTransport(HttpClient http, String serviceBase, Backoff backoff) {
        this(http, serviceBase, backoff, Duration.ofSeconds(30));
    }

    public ClassicSignalRTransport(HttpClient http, String serviceBase, Backoff backoff, Duration invokeTimeout) {
        super(backoff, "epbx-signalr");
        this.http = http;
        this.base = serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        this.invocations = new Invocations(invokeTimeout, dispatch, this::clean);
    }

    /** The cursor of the last push, sent as messageId on reconnect. */
    public String cursor() {
        return cursor;
    }

    @Override
    public CompletableFuture<Void> connect(String hubName, Supplier<String> tokenSupplier) {
        this.hub = hubName.toLowerCase(Locale.ROOT);
        this.token = tokenSupplier;
        ObjectNode c = Payloads.JSON.createObjectNode().put("name", hub);
        this.connectionData = Payloads.JSON.createArrayNode().add(c).toString();
        setState(State.CONNECTING);
        CompletableFuture<Void> done = new CompletableFuture<>();
        control.execute(() -> {
            try {
                establishNew();
                setState(State.CONNECTED);
                done.complete(null);
            } catch (Exception e) {
                setState(State.DISCONNECTED);
                done.completeExceptionally(EpbxFailure.keyed("epbx.connectFailed", clean(e)));
            }
        });
        return done;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(String method, Object... args) {
        Socket s = current;
        if (closed || s == null || reconnecting || !s.isOpen()) {
            return CompletableFuture.failedFuture(HubException.notConnected());
        }
        return invocations.start(method, id -> {
            ObjectNode frame = Payloads.JSON.createObjectNode();
            frame.put("H", hub);
            frame.put("M", method);
            ArrayNode a = frame.putArray("A");
            for (Object arg : args) a.add(Payloads.JSON.valueToTree(arg));
            frame.put("I", Integer.parseInt(id));
            s.send(frame.toString());
        });
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Socket s = current;
        current = null;
        invocations.failAll(HubException::connectionClosed);
        if (s != null) {
            s.abandoned = true;
            s.close();
            abort();
        }
        shutdownThreads();
    }

    // ---- connection life ------------------------------------------------------------------------------

    /** negotiate → connect → init frame → start. Runs on the control thread. */
    private void establishNew() throws Exception {
        JsonNode n = getJson("negotiate", query(false));
        String ct = Payloads.text(n, "ConnectionToken");
        if (ct == null) throw new IOException("negotiate sent no ConnectionToken");
        connectionToken = ct;
        cursor = null;
        Double ka = n.hasNonNull("KeepAliveTimeout") ? n.get("KeepAliveTimeout").asDouble() : null;
        keepAliveMs = ka == null ? 0 : Math.round(ka * 1000);
        if (n.hasNonNull("DisconnectTimeout")) disconnectTimeoutMs = Math.round(n.get("DisconnectTimeout").asDouble() * 1000);
        if (n.hasNonNull("TransportConnectTimeout")) {
            transportConnectMs = Math.max(1_000, Math.round(n.get("TransportConnectTimeout").asDouble() * 1000));
        }
        Socket s = new Socket(wsUri("connect", ""), false);
        if (!s.connectBlocking(transportConnectMs, TimeUnit.MILLISECONDS)) {
            s.awaitClosed();
            throw new IOException("WebSocket connect failed" + s.failureText());
        }
        try {
            s.initialized.get(transportConnectMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            s.abandoned = true;
            s.close();
            throw new IOException("no init frame from the server");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("connection closed before init" + s.failureText());
        }
        current = s;
        JsonNode started = getJson("start", query(true));
        if (!"started".equalsIgnoreCase(Payloads.text(started, "Response"))) {
            s.abandoned = true;
            s.close();
            current = null;
            throw new IOException("start was not acknowledged");
        }
        mustNegotiate = false;
        armWatchdog();
    }

    private void armWatchdog() {
        synchronized (this) {
            if (watchdog != null) watchdog.cancel(false);
            watchdog = null;
            if (keepAliveMs <= 0 || closed) return;
            long period = Math.max(50, keepAliveMs / 4);
            watchdog = control.scheduleWithFixedDelay(() -> {
                Socket s = current;
                if (s == null || reconnecting || closed) return;
                long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s.lastFrameNanos);
                if (silentMs > keepAliveMs) {
                    LOG.log(System.Logger.Level.WARNING, "EPBX hub silent for " + silentMs + " ms: reconnecting");
                    dropped(s);
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** The live socket is gone (closed, errored or silent): fail what waits and start reconnecting. */
    private void dropped(Socket s) {
        synchronized (this) {
            if (closed || reconnecting || s != current) return;
            reconnecting = true;
            droppedAtNanos = System.nanoTime();
            s.abandoned = true;
        }
        s.close();
        invocations.failAll(HubException::connectionLost);
        setState(State.RECONNECTING);
        scheduleAttempt(0);
    }

    @Override
    protected void gaveUp() {
        current = null;
    }

    @Override
    protected void attempt(int n) {
        if (closed) return;
        long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - droppedAtNanos);
        if (!mustNegotiate && since < disconnectTimeoutMs) {
            Outcome o = tryReconnect();
            if (o == Outcome.OK) {
                reconnecting = false;
                reconnected(true);
                armWatchdog();
                return;
            }
            if (o == Outcome.RETRY) {
                scheduleAttempt(n + 1);
                return;
            }
            LOG.log(System.Logger.Level.INFO, "EPBX no longer knows this connection: negotiating a new one");
            mustNegotiate = true;
        } else {
            mustNegotiate = true;
        }
        try {
            establishNew();
            reconnecting = false;
            connectedAgain();
            reconnected(false);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "EPBX renegotiation failed: " + clean(e));
            if (renewedAfter(e)) attempt(n + 1);
            else scheduleAttempt(n + 1);
        }
    }

    private enum Outcome { OK, RETRY, REFUSED }

    private Outcome tryReconnect() {
        String extra = cursor != null ? "&messageId=" + enc(cursor) : "";
        Socket s;
        try {
            s = new Socket(wsUri("reconnect", extra), true);
            if (!s.connectBlocking(transportConnectMs, TimeUnit.MILLISECONDS)) {
                s.awaitClosed();
                // An HTTP answer (404, 403, 400...) means the server is up and refused this connection.
                return s.httpStatus > 0 ? Outcome.REFUSED : Outcome.RETRY;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        }
        current = s;
        try {
            s.closedFuture.get(EARLY_CLOSE_MS, TimeUnit.MILLISECONDS);
            if (s.framesSeen == 0) {
                current = null;
                return Outcome.REFUSED;
            }
        } catch (TimeoutException stillOpen) {
            return Outcome.OK;
        } catch (Exception e) {
            return Outcome.RETRY;
        }
        // Closed after talking: an ordinary drop during the window; try again.
        current = null;
        return Outcome.RETRY;
    }

    // ---- frames ---------------------------------------------------------------------------------------

    private void onFrame(Socket s, String text) {
        JsonNode f;
        try {
            f = Payloads.JSON.readTree(text);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable SignalR frame ignored (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (f == null || !f.isObject() || f.isEmpty()) return; // keep-alive
        if (f.has("S") && f.get("S").asInt() == 1) s.initialized.complete(null);
        if (f.has("I") && !f.has("M")) {
            reply(f);
            return;
        }
        if (f.hasNonNull("C")) cursor = f.get("C").asText();
        JsonNode msgs = f.get("M");
        if (msgs != null && msgs.isArray()) {
            for (JsonNode m : msgs) {
                String name = Payloads.text(m, "M");
                JsonNode args = m.has("A") ? m.get("A") : Payloads.JSON.createArrayNode();
                if (name == null) {
                    LOG.log(System.Logger.Level.WARNING, "SignalR push without a method name ignored");
                    continue;
                }
                deliver(name, args);
            }
        }
        if (f.has("T") && f.get("T").asInt() == 1) {
            // The server asks the client to reconnect (e.g. it is shutting a node down).
            control.execute(() -> dropped(s));
        }
    }

    private void reply(JsonNode f) {
        invocations.replied(Payloads.text(f, "I"), f.hasNonNull("E") ? f.get("E").asText() : null, f.get("R"));
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    private String query(boolean withConnection) {
        StringBuilder q = new StringBuilder();
        if (withConnection) {
            q.append("transport=webSockets&clientProtocol=").append(PROTOCOL)
                    .append("&connectionToken=").append(enc(connectionToken));
        } else {
            q.append("clientProtocol=").append(PROTOCOL);
        }
        q.append("&connectionData=").append(enc(connectionData));
        return q.toString();
    }

    private JsonNode getJson(String what, String query) throws IOException, InterruptedException {
        URI uri = URI.create(base + "signalr/" + what + "?" + query + tokenParam());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 401 || r.statusCode() == 403) throw new Unauthorized(what, r.statusCode());
        if (r.statusCode() != 200) throw new IOException(what + " answered HTTP " + r.statusCode());
        return Payloads.JSON.readTree(r.body());
    }

    private void abort() {
        if (connectionToken == null) return;
        try {
            URI uri = URI.create(base + "signalr/abort?" + query(true) + tokenParam());
            // Waits for the answer (bounded): a process that exits right after stop() (flow run) closed the
            // request under the server's reply, which the server's log then reported as an EofException.
            http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "abort not answered: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI wsUri(String what, String extra) {
        String ws = base.replaceFirst("^http", "ws");
        return URI.create(ws + "signalr/" + what + "?" + query(true) + extra + "&tid=" + tid.incrementAndGet() % 11
                + tokenParam());
    }

    private String tokenParam() {
        String v = currentToken();
        return v.isEmpty() ? "" : "&access_token=" + enc(v);
    }

    private String clean(Throwable e) {
        Throwable c = dev.unibar.core.Failures.unwrap(e);
        String m = c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
        return Redact.text(m, currentToken());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One WebSocket; a new one per connect or reconnect attempt (Java-WebSocket clients are single-use). */
    private final class Socket extends HubSocket {
        final CompletableFuture<Void> initialized = new CompletableFuture<>();
        volatile int framesSeen;

        Socket(URI uri, boolean reconnect) {
            super(uri, Map.of());
        }

        @Override
        public void onMessage(String message) {
            lastFrameNanos = System.nanoTime();
            framesSeen++;
            onFrame(this, message);
        }

        @Override
        protected void closed() {
            initialized.completeExceptionally(new IOException("closed"));
            if (!abandoned && !closed && this == current) {
                try {
                    control.execute(() -> dropped(this));
                } catch (java.util.concurrent.RejectedExecutionException ignored) {
                    // closing
                }
            }
        }
    }
}
