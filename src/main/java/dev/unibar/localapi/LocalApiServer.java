package dev.unibar.localapi;

import dev.unibar.bridge.LoopbackRequests;
import dev.unibar.core.Session;
import dev.unibar.crm.Dispositions;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The bar's local API for the agent's CRM (issue 23, decision 0041): on 127.0.0.1 only, versioned under
 * {@code /v1}: a WebSocket ({@code /v1/ws}) with the event stream and commands, the same commands over HTTP POST
 * ({@code /v1/commands}), and the JavaScript client ({@code /v1/unibar-client.js}). Every request passes
 * {@link ApiGate} first (Host, Origin, pairing or token, sizes, rate); the protocol is in docs/local-api.md.
 */
public final class LocalApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalApiServer.class.getName());
    static final int MAX_SOCKETS = 32;
    static final int MAX_SOCKETS_PER_ORIGIN = 8;
    /** Jetty's own frame limit: far over the API's message limit, so an oversized message gets an answer. */
    static final int MAX_FRAME = 1024 * 1024;
    static final String IDENTITY = "unibar.api.origin";

    private final int requestedPort;
    private final Pairings pairings;
    private final ApiToken token;
    private final int perSecond;
    private final ApiFeed feed;
    private final ApiCommands commands;
    private final Set<ApiSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Consumer<Pairings.Change> pairingListener = this::pairingChanged;
    private Server server;
    private ServerConnector connector;

    /**
     * @param port       127.0.0.1 port; 0 takes a free one (tests)
     * @param token      what programs without an Origin must show; null refuses them all
     * @param perSecond  commands a client may send a second
     */
    public LocalApiServer(Session session, Dispositions dispositions, Pairings pairings, ApiToken token, int port,
                          int perSecond, Clock clock) {
        this.requestedPort = port;
        this.pairings = pairings;
        this.token = token;
        this.perSecond = perSecond;
        this.feed = new ApiFeed(session, clock, dispositions == null ? List.of() : dispositions.codes());
        this.commands = new ApiCommands(session, feed, dispositions);
        pairings.subscribe(pairingListener);
    }

    public synchronized LocalApiServer start() {
        if (server != null) return this;
        Server s = LoopbackRequests.server("unibar-api", 16);
        ServerConnector c = LoopbackRequests.connector(s, requestedPort);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, context, container -> {
            container.setIdleTimeout(Duration.ofMinutes(2));
            container.setMaxTextMessageSize(MAX_FRAME);
            container.setMaxBinaryMessageSize(1024);
            container.addMapping("/v1/ws", (req, resp, cb) -> new ApiSocket(this, (String) req.getAttribute(IDENTITY), perSecond));
        });
        ws.setHandler(new ApiHttp(this));
        context.setHandler(ws);
        s.setHandler(new ApiGate(this, ws));
        LoopbackRequests.start(s, "the local API could not listen on 127.0.0.1:" + requestedPort
                    + " (another program, or another bar, has it?)");
        server = s;
        connector = c;
        LOG.log(System.Logger.Level.INFO, "Local API on http://127.0.0.1:" + c.getLocalPort() + "/v1/");
        return this;
    }

    public synchronized int port() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    public Pairings pairings() {
        return pairings;
    }

    ApiToken token() {
        return token;
    }

    ApiCommands commands() {
        return commands;
    }

    int perSecond() {
        return perSecond;
    }

    /** Connected WebSocket clients that receive events (paired). */
    public int clients() {
        return feed.clients();
    }

    /** Whether one more socket from {@code origin} (null: a token holder) fits the limits. */
    boolean roomFor(String origin) {
        if (sockets.size() >= MAX_SOCKETS) return false;
        if (origin == null) return true;
        return sockets.stream().filter(x -> origin.equals(x.origin)).count() < MAX_SOCKETS_PER_ORIGIN;
    }

    void opened(ApiSocket s) {
        sockets.add(s);
        if (s.origin == null) {
            s.paired(feed);
            return;
        }
        Pairings.State st = pairings.request(s.origin);
        switch (st) {
            case APPROVED -> s.paired(feed);
            case PENDING -> s.pending();
            default -> s.refuse("denied");
        }
    }

    void closed(ApiSocket s) {
        sockets.remove(s);
        feed.leave(s);
    }

    /** The agent answered, or revoked: pending sockets of that origin are let in or turned away. */
    private void pairingChanged(Pairings.Change c) {
        for (ApiSocket s : List.copyOf(sockets)) {
            if (!c.origin().equals(s.origin)) continue;
            switch (c.state()) {
                case APPROVED -> s.paired(feed);
                case DENIED -> s.refuse("denied");
                case UNASKED -> {
                    feed.leave(s);
                    s.refuse("revoked");
                }
                default -> { }
            }
        }
    }

    /** Something the bar made itself, numbered into the event stream. */
    public void publish(com.fasterxml.jackson.databind.node.ObjectNode event) {
        feed.extra(event);
    }

    /**
     * Adds the bar's own events to the stream: {@code call.disposition} when one is saved (by the agent or a
     * CRM), {@code call.logged} with the call's record when a call is finished (the webhook's body).
     */
    public LocalApiServer follow(Dispositions dispositions, dev.unibar.journal.CallLogging logging) {
        if (dispositions != null) dispositions.onSaved(s -> {
            com.fasterxml.jackson.databind.node.ObjectNode e = dev.unibar.json.EventJson.MAPPER.createObjectNode()
                    .put("type", "call.disposition").put("vendor", s.vendor()).put("callId", s.callId());
            if (s.disposition() != null) e.put("disposition", s.disposition());
            if (s.notes() != null) e.put("notes", s.notes());
            publish(e);
        });
        if (logging != null) logging.onLogged(calls -> {
            for (dev.unibar.journal.CallLogging.LoggedCall c : calls) {
                publish(dev.unibar.journal.CallRecordJson.of(c.record(), c.key()));
            }
        });
        return this;
    }

    /** For tests: the state each origin's sockets are in. */
    Map<String, Long> socketsByOrigin() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (ApiSocket s : sockets) out.merge(String.valueOf(s.origin), 1L, Long::sum);
        return out;
    }

    public synchronized void stop() {
        pairings.unsubscribe(pairingListener);
        feed.close();
        Server s = server;
        server = null;
        connector = null;
        LoopbackRequests.stop(s, e -> LOG.log(System.Logger.Level.WARNING,
                "the local API did not stop cleanly: " + e.getMessage()));
    }

    @Override
    public void close() {
        stop();
    }
}
