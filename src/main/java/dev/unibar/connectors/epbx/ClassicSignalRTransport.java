package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.Payloads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
public final class ClassicSignalRTransport extends SignalRTransportBase<ClassicSignalRTransport.Socket> {

    private static final System.Logger LOG = System.getLogger(ClassicSignalRTransport.class.getName());

    private static final String PROTOCOL = "1.5";
    /** A reconnect the server accepts and then closes at once is a refusal, not a network problem. */
    private static final long EARLY_CLOSE_MS = 500;

    private final String base;
    private final AtomicInteger tid = new AtomicInteger(random.nextInt(10));

    private volatile String hub;
    private volatile String connectionToken;
    private volatile String connectionData;
    private volatile long keepAliveMs;
    private volatile long disconnectTimeoutMs = 30_000;
    private volatile long transportConnectMs = 5_000;
    private volatile String cursor;
    private volatile boolean mustNegotiate;

    public ClassicSignalRTransport(HttpClient http, String serviceBase, Backoff backoff) {
        this(http, serviceBase, backoff, Duration.ofSeconds(30));
    }

    public ClassicSignalRTransport(HttpClient http, String serviceBase, Backoff backoff, Duration invokeTimeout) {
        super(http, backoff, invokeTimeout, "epbx-signalr");
        this.base = serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
    }

    /** The cursor of the last push, sent as messageId on reconnect. */
    public String cursor() {
        return cursor;
    }

    @Override
    protected void prepare(String hubName) {
        this.hub = hubName.toLowerCase(Locale.ROOT);
        ObjectNode c = Payloads.JSON.createObjectNode().put("name", hub);
        this.connectionData = Payloads.JSON.createArrayNode().add(c).toString();
    }

    @Override
    protected String frame(String method, String id, ArrayNode args) {
        ObjectNode frame = Payloads.JSON.createObjectNode();
        frame.put("H", hub);
        frame.put("M", method);
        frame.set("A", args);
        frame.put("I", Integer.parseInt(id));
        return frame.toString();
    }

    /** SignalR 2's own keep-alive request (the JS client's pingInterval): no token, no connection. */
    @Override
    protected URI probeUri() {
        return URI.create(base + "signalr/ping");
    }

    @Override
    protected void closedSocket(Socket s) {
        abort();
    }

    // ---- connection life ------------------------------------------------------------------------------

    /** negotiate → connect → init frame → start. Runs on the control thread. */
    @Override
    protected void open() throws Exception {
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
        s.open(transportConnectMs);
        s.awaitGreeting(s.initialized, transportConnectMs, "init frame");
        current = s;
        JsonNode started = getJson("start", query(true));
        if (!"started".equalsIgnoreCase(Payloads.text(started, "Response"))) {
            s.abandoned = true;
            s.close();
            current = null;
            throw new IOException("start was not acknowledged");
        }
        mustNegotiate = false;
        watchKeepAlive();
    }

    /** A connection silent for the server's KeepAliveTimeout is dropped (checked four times as often). */
    private void watchKeepAlive() {
        watch(keepAliveMs, Math.max(50, keepAliveMs / 4));
    }

    @Override
    protected void attempt(int n) {
        if (!mustNegotiate && sinceDropMs() < disconnectTimeoutMs) {
            Outcome o = tryReconnect();
            if (o == Outcome.OK) {
                reconnected(true);
                watchKeepAlive();
                return;
            }
            if (o == Outcome.RETRY) {
                scheduleAttempt(n + 1);
                return;
            }
            LOG.log(System.Logger.Level.INFO, "EPBX no longer knows this connection: negotiating a new one");
        }
        mustNegotiate = true;
        renegotiate(n);
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
        JsonNode f = message(text);
        if (f == null || f.isEmpty()) return; // {} is a keep-alive
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
            onControl(() -> dropped(s));
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
        heard();
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

    /** One WebSocket; a new one per connect or reconnect attempt (Java-WebSocket clients are single-use). */
    final class Socket extends HubSocket {
        final CompletableFuture<Void> initialized = new CompletableFuture<>();
        volatile int framesSeen;

        Socket(URI uri, boolean reconnect) {
            super(uri, Map.of(), ClassicSignalRTransport.this::heard);
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
            socketClosed(this);
        }
    }
}
