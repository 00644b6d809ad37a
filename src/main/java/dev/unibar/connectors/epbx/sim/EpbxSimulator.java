package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Talk Telecom EPBX middleware simulator: OAuth token endpoint, classic ASP.NET SignalR 2 and ASP.NET
 * Core SignalR endpoints for AtendimentoHub, the recording download, and a {@code sim/} control API
 * for scenarios and faults. HTTP and WebSocket share one port on 127.0.0.1. The wire surface follows
 * docs/vendors/epbx-protocol.md; docs/simulators/epbx.md describes what is simulated.
 */
public final class EpbxSimulator implements AutoCloseable {

    /** One hub invocation as received, kept for tests and {@code GET sim/recorded}. */
    public record Invocation(String transport, String method, String wireMethod, JsonNode args,
                             String connectionId, Instant at, boolean ok, String error) {
    }

    /**
     * One request to the token endpoint: grant type ({@code password}/{@code refresh_token}), whether
     * it was granted, and the access token it issued (null when refused), so tests can prove a client
     * refreshed and that no issued token leaked anywhere.
     */
    public record TokenGrant(String grantType, boolean granted, String accessToken, Instant at) {
        @Override
        public String toString() {
            return "TokenGrant[" + grantType + ", granted=" + granted + ", at=" + at + "]";
        }
    }

    /** A live SignalR connection as the simulator sees it. */
    public record ConnectionInfo(String connectionId, String transport, String user, String ramal, boolean open) {
    }

    public static final List<EpbxInterval> DEFAULT_INTERVALS = List.of(
            new EpbxInterval(1, "Treinamento", true),
            new EpbxInterval(3, "Almoço", false),
            new EpbxInterval(4, "Banheiro", false),
            new EpbxInterval(7, "Backoffice", true),
            new EpbxInterval(9, "Pós-atendimento", true));

    public static final List<EpbxDevice> DEFAULT_DEVICES = List.of(
            new EpbxDevice("1000", 12, "10.0.0.5"),
            new EpbxDevice("1001", 13, "10.0.0.6"),
            new EpbxDevice("1002", 14, "10.0.0.7"),
            new EpbxDevice("2001", 20, "10.0.0.20"));

    /** Simulator settings; the defaults are the ones documented in docs/simulators/epbx.md. */
    public static final class Builder {
        private int port;
        private final Map<String, EpbxUser> users = new LinkedHashMap<>();
        private List<EpbxDevice> devices = DEFAULT_DEVICES;
        private List<EpbxInterval> intervals = DEFAULT_INTERVALS;
        private int initialInterval;
        private Duration tokenLifetime = Duration.ofMinutes(10);
        private Duration keepAlive = Duration.ofSeconds(2);
        private Duration disconnectTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
            users.put("agent", new EpbxUser("agent", "agent", "Agente Simulado"));
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Adds an account (the default "agent"/"agent" stays unless {@link #clearUsers()}). */
        public Builder user(String username, String password, String nome) {
            users.put(username, new EpbxUser(username, password, nome));
            return this;
        }

        public Builder clearUsers() {
            users.clear();
            return this;
        }

        public Builder devices(List<EpbxDevice> devices) {
            this.devices = List.copyOf(devices);
            return this;
        }

        public Builder intervals(List<EpbxInterval> intervals) {
            this.intervals = List.copyOf(intervals);
            return this;
        }

        /** Interval a ramal is in right after Iniciar (0 = none). */
        public Builder initialInterval(int id) {
            this.initialInterval = id;
            return this;
        }

        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = d;
            return this;
        }

        /** Interval between classic {@code {}} keep-alives and Core pings. */
        public Builder keepAlive(Duration d) {
            this.keepAlive = d;
            return this;
        }

        /** How long a classic connection survives without a transport (then a reconnect is refused). */
        public Builder disconnectTimeout(Duration d) {
            this.disconnectTimeout = d;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public EpbxSimulator build() {
            return new EpbxSimulator(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    /**
     * Starts a simulator with default settings on {@code port} (0 = ephemeral); prints nothing (Jetty's
     * start-up INFO lines are silenced too, the caller prints the address).
     */
    /**
     * Jetty's debug traces print request headers and query strings, bearer tokens included: a JVM whose
     * root logger is turned up to ALL (a test capturing logs, a support session) would log them. Jetty
     * stays at INFO at most, unless someone pinned it quieter (run() pins WARNING).
     */
    private static void quietJetty() {
        java.util.logging.Level l = JETTY_LOG.getLevel();
        if (l == null || l.intValue() < java.util.logging.Level.INFO.intValue()) {
            JETTY_LOG.setLevel(java.util.logging.Level.INFO);
        }
    }

    public static EpbxSimulator run(int port) {
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
        EpbxSimulator sim = builder().port(port).build();
        sim.start();
        return sim;
    }

    final ObjectMapper json = new ObjectMapper();
    final Map<String, EpbxUser> users;
    final List<EpbxDevice> devices;
    final List<EpbxInterval> intervals;
    final int initialInterval;
    final Duration keepAlive;
    final Duration disconnectTimeout;
    final Clock clock;
    final TokenStore tokens;
    /** One per simulator: the secret stays the same across restarts of the same run. */
    private final String secret = LoopbackGuard.newSecret();
    private int restarts;
    private final java.util.Set<String> allowedOrigins = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Integer> forwardedPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final SimBehaviour behaviour = new SimBehaviour();
    final Set<String> recordings = ConcurrentHashMap.newKeySet();
    volatile boolean refuseRefresh;

    /** Classic connections by connection token. */
    final Map<String, ClassicConnection> classic = new ConcurrentHashMap<>();
    /** Core connections by connection token (negotiated, possibly not yet connected). */
    final Map<String, CoreConnection> core = new ConcurrentHashMap<>();

    private final List<Invocation> recorded = new ArrayList<>();
    private final List<TokenGrant> grants = new ArrayList<>();
    private final int requestedPort;
    private volatile int port = -1;
    private Server server;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> keepAliveTask;

    private EpbxSimulator(Builder b) {
        this.requestedPort = b.port;
        this.users = Map.copyOf(b.users);
        this.devices = b.devices;
        this.intervals = b.intervals;
        this.initialInterval = b.initialInterval;
        this.keepAlive = b.keepAlive;
        this.disconnectTimeout = b.disconnectTimeout;
        this.clock = b.clock;
        this.tokens = new TokenStore(b.tokenLifetime, b.clock);
    }

    // ---- lifecycle ----

    public synchronized EpbxSimulator start() {
        if (server != null) return this;
        quietJetty();
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "epbx-sim-timer");
                t.setDaemon(true);
                return t;
            });
        }
        startServer(port > 0 ? port : requestedPort);
        long every = Math.max(50, keepAlive.toMillis());
        keepAliveTask = timer.scheduleAtFixedRate(this::keepAliveTick, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void startServer(int onPort) {
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("epbx-sim");
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(onPort);
        connector.setReuseAddress(true);
        s.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, c -> c.setIdleTimeout(Duration.ofMinutes(10)));
        ws.setHandler(new EpbxHttp(this, ws.getServerWebSocketContainer()));
        LoopbackGuard g = new LoopbackGuard(() -> port, secret, allowedOrigins, forwardedPorts);
        g.setHandler(ws);
        s.setHandler(g);
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("EPBX simulator could not listen on 127.0.0.1:" + onPort, e);
        }
        server = s;
        port = connector.getLocalPort();
    }

    public synchronized void stop() {
        if (keepAliveTask != null) keepAliveTask.cancel(false);
        keepAliveTask = null;
        closeCoreGracefully();
        stopServer();
        forgetConnections();
        if (timer != null) timer.shutdownNow();
        timer = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void stopServer() {
        Server s = server;
        server = null;
        if (s == null) return;
        try {
            s.stop();
        } catch (Exception e) {
            throw new IllegalStateException("EPBX simulator did not stop cleanly", e);
        }
    }

    /**
     * A server going down on purpose tells Core clients (close message, type 7) and closes every socket
     * with 1001 before the connector stops: stopping Jetty alone can leave a client unaware for a while.
     */
    private void closeCoreGracefully() {
        for (CoreConnection c : List.copyOf(core.values())) {
            // Under load the close frame overtook an unwritten type 7 and clients never read it.
            if (c.open() && c.handshaken) c.sendTextFlushed("{\"type\":7}" + CoreConnection.RS, 2000);
        }
        Collection<SimConnection> all = allConnections();
        all.forEach(SimConnection::closeGoingAway);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (all.stream().anyMatch(SimConnection::open) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void forgetConnections() {
        for (SimConnection c : allConnections()) {
            if (c.hub != null) c.hub.close();
            c.dropAbruptly();
        }
        classic.clear();
        core.clear();
    }

    /** Fault: the middleware goes down and comes back on the same port; connections are forgotten. */
    public synchronized void restart() {
        restart(false);
    }

    /**
     * The same, and with {@code forgetTokens} the middleware also loses every token it issued (its
     * token store lived in memory: a kill -9): clients must log in again.
     */
    public synchronized void restart(boolean forgetTokens) {
        if (server == null) throw new IllegalStateException("not running");
        int same = port;
        closeCoreGracefully();
        stopServer();
        forgetConnections();
        if (forgetTokens) tokens.clear();
        startServer(same);
        restarts++;
    }

    /** How many restarts this simulator went through (tests wait for one to have happened). */
    public synchronized int restarts() {
        return restarts;
    }

    /** Fault: every access token issued so far is refused from now on; refresh tokens still work. */
    public void forgetAccessTokens() {
        tokens.clearAccess();
    }

    /** Fault: every WebSocket is cut without a close frame. Classic connections stay reconnectable. */
    public void dropConnections() {
        for (SimConnection c : allConnections()) c.dropAbruptly();
        for (CoreConnection c : List.copyOf(core.values())) {
            if (c.session != null) forgetCore(c);
        }
    }

    public int port() {
        return port;
    }

    /** This run's secret, which every {@code /Service/sim/*} request must carry. */
    public String secret() {
        return secret;
    }

    /** A control address with the secret in it, for a supervisor's browser: {@code controlUrl("scenarios")}. */
    public String controlUrl(String route) {
        return serviceBase() + "sim/" + route + "?secret=" + secret();
    }

    /** Accepts requests addressed to another loopback port that forwards here (a proxy in tests). */
    public EpbxSimulator allowForwardedPort(int forwarded) {
        forwardedPorts.add(forwarded);
        return this;
    }

    /** Lets one more (non-loopback) browser origin use the simulator; loopback origins always may. */
    public EpbxSimulator allowOrigin(String origin) {
        allowedOrigins.add(origin.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    public String serviceBase() {
        return "http://127.0.0.1:" + port + "/Service/";
    }

    // ---- control API ----

    public SimBehaviour behaviour() {
        return behaviour;
    }

    /** Sets the lifetime of tokens issued from now on. */
    public void tokenLifetime(Duration d) {
        tokens.lifetime(d);
    }

    /** Issues a token for a configured user without going through HTTP (tests, the lead's tooling). */
    public String issueToken(String username) {
        if (!users.containsKey(username)) throw new IllegalArgumentException("unknown user " + username);
        return tokens.issue(username).accessToken();
    }

    public JsonNode scenario(String name) {
        return scenario(name, Map.of());
    }

    /** Scenario and fault names with their descriptions, in the order the control API lists them. */
    public static Map<String, String> scenarioNames() {
        return java.util.Collections.unmodifiableMap(Scenarios.NAMES);
    }

    /** Runs a scenario or fault; see {@link Scenarios#NAMES}. */
    public JsonNode scenario(String name, Map<String, ?> params) {
        return Scenarios.run(this, name, json.valueToTree(params == null ? Map.of() : params));
    }

    JsonNode scenario(String name, JsonNode params) {
        return Scenarios.run(this, name, params);
    }

    public List<Invocation> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Waits for the first invocation of {@code method} (case-insensitive) since the last reset. */
    public Invocation awaitRecorded(String method, Duration timeout) {
        return awaitRecordedCount(method, 1, timeout).get(0);
    }

    /** Waits until {@code count} invocations of {@code method} arrived; returns them in order. */
    public List<Invocation> awaitRecordedCount(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (recorded) {
            while (true) {
                List<Invocation> found = new ArrayList<>();
                for (Invocation i : recorded) if (i.method().equalsIgnoreCase(method)) found.add(i);
                if (found.size() >= count) return found;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + count + " invocation(s) of " + method + " within "
                            + timeout + "; got " + found.size());
                }
                try {
                    recorded.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** Every request to the token endpoint since start (reset does not clear them), oldest first. */
    public List<TokenGrant> tokenGrants() {
        synchronized (grants) {
            return List.copyOf(grants);
        }
    }

    void noteGrant(String grantType, String accessToken) {
        synchronized (grants) {
            grants.add(new TokenGrant(grantType, accessToken != null, accessToken, clock.instant()));
        }
    }

    /** Clears recorded invocations and scenario settings; users, tokens and connections stay. */
    public void reset() {
        synchronized (recorded) {
            recorded.clear();
        }
        behaviour.reset();
        refuseRefresh = false;
    }

    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> out = new ArrayList<>();
        for (SimConnection c : allConnections()) {
            String ramal = c.hub == null ? null : c.hub.ramal();
            out.add(new ConnectionInfo(c.connectionId, c.transport, c.user, ramal, c.open()));
        }
        return out;
    }

    /**
     * Test and benchmark hook: sends one client event straight to every open connection whose ramal is
     * logged in ({@code ramal} null: all of them), bypassing the hub's state. Returns
     * {@link System#nanoTime()} taken just before the first frame is written, so a caller in the same
     * JVM can time push → client reaction. Returns -1 when nobody was logged in.
     */
    public long pushRaw(String ramal, String event, Object... args) {
        ArrayNode a = json.valueToTree(args == null ? new Object[0] : args);
        List<SimConnection> targets = loggedConnections(ramal);
        if (targets.isEmpty()) return -1;
        long stamp = System.nanoTime();
        for (SimConnection c : targets) c.push(event, a.deepCopy());
        return stamp;
    }

    /**
     * The same for {@code POST sim/push}: one client-method invocation, name and arguments exactly as
     * given, to every logged-in open connection (of {@code ramal} when not null). Returns how many got it.
     */
    int pushInvocation(String ramal, String event, ArrayNode args) {
        List<SimConnection> targets = loggedConnections(ramal);
        for (SimConnection c : targets) c.push(event, args.deepCopy());
        return targets.size();
    }

    private List<SimConnection> loggedConnections(String ramal) {
        List<SimConnection> targets = new ArrayList<>();
        for (SimConnection c : allConnections()) {
            AtendimentoHub h = c.hub;
            if (h == null || !h.loggedIn() || !c.open()) continue;
            if (ramal != null && !ramal.equals(h.ramal())) continue;
            targets.add(c);
        }
        return targets;
    }

    /** Whether a GlobalId can be downloaded. */
    public boolean hasRecording(String globalId) {
        return recordings.contains(globalId);
    }

    // ---- internals shared with the transports ----

    Collection<SimConnection> allConnections() {
        List<SimConnection> all = new ArrayList<>(classic.values());
        all.addAll(core.values());
        return all;
    }

    /** Hubs with a logged-in ramal, open connections first, optionally for one ramal. */
    /** The hub that last logged each extension in (calls survive a lost connection, as on a real PBX). */
    private final Map<String, AtendimentoHub> extensions = new ConcurrentHashMap<>();

    List<AtendimentoHub> loggedHubs(String ramal) {
        List<AtendimentoHub> open = new ArrayList<>();
        List<AtendimentoHub> closed = new ArrayList<>();
        for (SimConnection c : allConnections()) {
            AtendimentoHub h = c.hub;
            if (h == null || !h.loggedIn()) continue;
            if (ramal != null && !ramal.equals(h.ramal())) continue;
            (c.open() ? open : closed).add(h);
        }
        open.addAll(closed);
        return open;
    }

    AtendimentoHub newHub(SimConnection c) {
        EpbxUser u = users.get(c.user);
        String nome = u == null ? c.user : u.nome();
        AtendimentoHub hub = new AtendimentoHub(c.user, nome, devices, intervals, initialInterval, behaviour,
                c::push, this::schedule, recordings::add, clock);
        hub.extensions(extensions::put);
        c.hub = hub;
        return hub;
    }

    void schedule(long delayMs, Runnable r) {
        ScheduledExecutorService t = timer;
        if (t == null || t.isShutdown()) return;
        try {
            t.schedule(() -> {
                try {
                    r.run();
                } catch (RuntimeException ignored) {
                    // a far-end reaction to a connection that is gone
                }
            }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the simulator is stopping: the far end never answers
        }
    }

    void runLater(Runnable r) {
        schedule(0, r);
    }

    void record(String transport, String wireMethod, JsonNode args, String connectionId, String error) {
        String canonical = AtendimentoHub.canonical(wireMethod);
        Invocation inv = new Invocation(transport, canonical == null ? wireMethod : canonical, wireMethod,
                args == null ? json.createArrayNode() : args.deepCopy(), connectionId, clock.instant(),
                error == null, error);
        synchronized (recorded) {
            recorded.add(inv);
            recorded.notifyAll();
        }
    }

    ArrayNode recordedJson() {
        ArrayNode a = json.createArrayNode();
        for (Invocation i : recorded()) {
            ObjectNode n = a.addObject();
            n.put("transport", i.transport());
            n.put("method", i.method());
            n.put("wireMethod", i.wireMethod());
            n.set("args", i.args());
            n.put("connectionId", i.connectionId());
            n.put("at", i.at().toString());
            n.put("ok", i.ok());
            if (i.error() == null) n.putNull("error");
            else n.put("error", i.error());
        }
        return a;
    }

    void forgetClassic(ClassicConnection c) {
        classic.remove(c.connectionToken);
        if (c.hub != null) c.hub.close();
        c.dropAbruptly();
    }

    void forgetCore(CoreConnection c) {
        core.remove(c.connectionToken);
        if (c.hub != null) c.hub.close();
    }

    private void keepAliveTick() {
        Instant now = Instant.now();
        for (ClassicConnection c : List.copyOf(classic.values())) {
            if (c.open()) {
                c.sendText("{}");
            } else if (c.disconnectedAt != null && now.isAfter(c.disconnectedAt.plus(disconnectTimeout))) {
                forgetClassic(c);
            }
        }
        for (CoreConnection c : List.copyOf(core.values())) {
            if (c.open() && c.handshaken) {
                c.sendText("{\"type\":6}" + CoreConnection.RS);
            } else if (c.session == null && now.isAfter(c.negotiatedAt.plus(disconnectTimeout))) {
                forgetCore(c);
            }
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
