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
import java.util.concurrent.TimeUnit;

/**
 * ASP.NET Core SignalR ({@code epbx.signalr: core}): the JSON hub protocol over Java-WebSocket, written
 * here rather than taken from the Microsoft Java client because that client delivers only the targets
 * registered with {@code on(...)}, and every event name must reach the mapper (an unknown one becomes
 * {@code vendor.unmapped}); docs/decisions/0017. Sequence: negotiate (following redirects) → WebSocket
 * with the connection token → handshake → invocations (1), completions (3), pings (6), close (7).
 *
 * <p>A Core connection carries no server state across reconnects: every reconnect is a new connection,
 * reported as a lost session so the owner runs its start-up again. A server silent for longer than
 * {@code serverTimeout} is treated as gone; the client pings every {@code pingInterval} so the server
 * does not drop it.
 */
public final class CoreSignalRTransport extends SignalRTransportBase<CoreHubSocket> {

    private static final System.Logger LOG = System.getLogger(CoreSignalRTransport.class.getName());

    static final char RS = '\u001e';
    private static final String HANDSHAKE = "{\"protocol\":\"json\",\"version\":1}" + RS;
    private static final String PING = "{\"type\":6}" + RS;
    /** The Microsoft clients follow at most 100 redirects; a middleware needs one at most. */
    private static final int MAX_REDIRECTS = 10;

    private final String url;
    private final long serverTimeoutMs;
    private final long pingMs;
    private final long connectMs = 15_000;

    /** @param path the hub path below serviceBase, e.g. {@code atendimentoHub} */
    public CoreSignalRTransport(String serviceBase, String path, Backoff backoff) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), serviceBase, path, backoff,
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    /**
     * @param serverTimeout silence after which the server is taken for gone (ASP.NET Core clients: 30 s)
     * @param pingInterval  how often the client pings (ASP.NET Core clients: 15 s, half the server's 30 s)
     */
    public CoreSignalRTransport(HttpClient http, String serviceBase, String path, Backoff backoff,
                                Duration invokeTimeout, Duration serverTimeout, Duration pingInterval) {
        super(http, backoff, invokeTimeout, "epbx-core");
        String base = serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        this.url = base + path.replaceFirst("^/", "");
        this.serverTimeoutMs = serverTimeout.toMillis();
        this.pingMs = pingInterval.toMillis();
    }

    @Override
    protected String frame(String method, String id, ArrayNode args) {
        ObjectNode frame = Payloads.JSON.createObjectNode().put("type", 1).put("invocationId", id).put("target", method);
        frame.set("arguments", args);
        return frame.toString() + RS;
    }

    /** A GET of the hub itself: ASP.NET Core answers it at once (400, no connection id), no token needed. */
    @Override
    protected URI probeUri() {
        return URI.create(url);
    }

    // ---- connection life ------------------------------------------------------------------------------

    /** negotiate → WebSocket → handshake. Runs on the control thread. */
    @Override
    protected void open() throws Exception {
        Negotiated n = negotiate();
        CoreHubSocket s = new CoreHubSocket(socketUri(n), n.accessToken, this::heard, this::onRecord, this::socketClosed);
        s.open(connectMs);
        s.send(HANDSHAKE);
        s.awaitGreeting(s.handshake, connectMs, "handshake");
        current = s;
        // Silent past serverTimeout: gone; the client pings every pingInterval.
        watch(serverTimeoutMs, Math.max(50, Math.min(pingMs, serverTimeoutMs / 4)));
    }

    private record Negotiated(String url, String connectionToken, String accessToken) {
    }

    /** POST negotiate; a redirect ({@code url} + {@code accessToken}, as Azure SignalR answers) is followed. */
    private Negotiated negotiate() throws IOException, InterruptedException {
        String at = url;
        String bearer = currentToken();
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            int qi = at.indexOf('?');
            String negotiateUrl = (qi < 0 ? at : at.substring(0, qi)) + "/negotiate?"
                    + (qi < 0 ? "" : at.substring(qi + 1) + "&") + "negotiateVersion=1"
                    + (bearer.isEmpty() ? "" : "&access_token=" + enc(bearer));
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(negotiateUrl)).timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!bearer.isEmpty()) r.header("Authorization", "Bearer " + bearer);
            HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            heard();
            if (resp.statusCode() == 401 || resp.statusCode() == 403) throw new Unauthorized("negotiate", resp.statusCode());
            if (resp.statusCode() != 200) throw new IOException("negotiate answered HTTP " + resp.statusCode());
            JsonNode n = Payloads.JSON.readTree(resp.body());
            if (n.hasNonNull("error")) throw new IOException("negotiate refused: " + n.get("error").asText());
            String redirect = Payloads.text(n, "url");
            if (redirect != null) {
                at = redirect;
                String t = Payloads.text(n, "accessToken");
                if (t != null) bearer = t;
                continue;
            }
            String ct = n.path("negotiateVersion").asInt(0) >= 1 ? Payloads.text(n, "connectionToken") : null;
            if (ct == null) ct = Payloads.text(n, "connectionId");
            if (ct == null) throw new IOException("negotiate sent no connection token");
            return new Negotiated(at, ct, bearer);
        }
        throw new IOException("negotiate redirected too often");
    }

    private static URI socketUri(Negotiated n) {
        String ws = n.url.replaceFirst("^http", "ws");
        String q = (ws.contains("?") ? "&" : "?") + "id=" + enc(n.connectionToken)
                + (n.accessToken.isEmpty() ? "" : "&access_token=" + enc(n.accessToken));
        return URI.create(ws + q);
    }

    @Override
    protected void tick(CoreHubSocket s) {
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s.lastSentNanos) >= pingMs) s.send(PING);
    }

    // ---- records --------------------------------------------------------------------------------------

    /** One JSON record from the server (runs on the socket's read thread). */
    private void onRecord(CoreHubSocket s, String record) {
        JsonNode m = message(record);
        if (m == null) return;
        if (!s.handshake.isDone()) {
            if (m.hasNonNull("error")) s.handshake.completeExceptionally(new IOException(m.get("error").asText()));
            else s.handshake.complete(null);
            return;
        }
        switch (m.path("type").asInt(-1)) {
            case 1 -> invocation(s, m);
            case 3 -> completion(m);
            case 7 -> {
                if (m.hasNonNull("error")) {
                    LOG.log(System.Logger.Level.WARNING, "EPBX closed the connection: " + Redact.text(m.get("error").asText()));
                }
                socketClosed(s);
            }
            default -> {
                // 6 ping: lastFrameNanos already moved; 2/4/5 streaming: EPBX streams nothing
            }
        }
    }

    /** Every target reaches the owner: unknown names become vendor.unmapped there, not here. */
    private void invocation(CoreHubSocket s, JsonNode m) {
        String target = Payloads.text(m, "target");
        if (target == null) {
            LOG.log(System.Logger.Level.WARNING, "SignalR invocation without a target ignored");
            return;
        }
        JsonNode args = m.get("arguments");
        deliver(target, args != null && args.isArray() ? args : Payloads.JSON.createArrayNode());
        String id = Payloads.text(m, "invocationId");
        // A server waiting for a client result (ASP.NET Core 7+) would wait forever: no EPBX event returns one.
        if (id != null) {
            ObjectNode c = Payloads.JSON.createObjectNode().put("type", 3).put("invocationId", id)
                    .put("error", "Client did not provide a result.");
            s.send(c.toString() + RS);
        }
    }

    private void completion(JsonNode m) {
        invocations.replied(Payloads.text(m, "invocationId"),
                m.hasNonNull("error") ? hubMessage(m.get("error").asText()) : null, m.get("result"));
    }

    /**
     * A real ASP.NET Core server prefixes a hub method's own error with "An unexpected error occurred
     * invoking 'X' on the server. HubException: "; the agent should read only the middleware's text.
     */
    static String hubMessage(String message) {
        String marker = "HubException: ";
        int i = message.indexOf(marker);
        return i >= 0 && i + marker.length() < message.length() ? message.substring(i + marker.length()) : message;
    }
}
