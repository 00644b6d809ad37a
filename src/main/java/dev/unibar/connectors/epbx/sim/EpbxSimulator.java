package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.simkit.CommandLog;
import dev.unibar.simkit.LoopbackServer;
import dev.unibar.simkit.LoopbackSimulator;
import dev.unibar.simkit.Replies;
import dev.unibar.simkit.ScenarioBook;
import dev.unibar.simkit.Scheduler;
import dev.unibar.simkit.SimGate;
import dev.unibar.simkit.SimTimer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talk Telecom EPBX middleware simulator: OAuth token endpoint, classic ASP.NET SignalR 2 and ASP.NET
 * Core SignalR endpoints for AtendimentoHub, the recording download, and a {@code sim/} control API
 * for scenarios and faults. HTTP and WebSocket share one port on 127.0.0.1. The wire surface follows
 * docs/vendors/epbx-protocol.md; docs/simulators/epbx.md describes what is simulated.
 */
public final class EpbxSimulator extends LoopbackSimulator {

    /** The demo's account (README, the sign-in form in demo mode). */
    public static final String DEMO_USER = "agent";
    public static final String DEMO_PASSWORD = "agent";

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

    /** Simulator settings (docs/simulators/epbx.md has the defaults), then {@link #build()}. */
    public static final class Builder extends EpbxSimSettings<Builder> {
        private Builder() {
        }

        public EpbxSimulator build() {
            return new EpbxSimulator(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator with default settings on {@code port} (0 = ephemeral); prints nothing, Jetty neither. */
    public static EpbxSimulator run(int port) {
        LoopbackServer.silenceJettyInfo();
        EpbxSimulator sim = builder().port(port).build();
        sim.start();
        return sim;
    }

    final ObjectMapper json = Replies.JSON;
    final Map<String, EpbxUser> users;
    final List<EpbxDevice> devices;
    final List<EpbxInterval> intervals;
    final int initialInterval;
    final Duration keepAlive;
    final Duration disconnectTimeout;
    final Clock clock;
    final TokenStore tokens;
    final SimBehaviour behaviour = new SimBehaviour();
    final Set<String> recordings = ConcurrentHashMap.newKeySet();
    final EpbxConnections connections = new EpbxConnections();
    volatile boolean refuseRefresh;

    private final CommandLog<Invocation> recorded = new CommandLog<>(20_000);
    private final CommandLog<TokenGrant> grants = new CommandLog<>(5_000);
    private final ScenarioBook book = Scenarios.book(this);
    private final int requestedPort;
    private int restarts;
    private SimTimer timer;
    private Scheduler.Task keepAliveTask;

    private EpbxSimulator(Builder b) {
        super("epbx-sim", 32, SimGate.Origins.LOOPBACK);
        // One gate per simulator: the secret, origins and forwarded ports stay the same across restarts of the run.
        gate.secretInQuery().ignoreCase().secret("/service/sim/*");
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
        if (server.running()) return this;
        if (timer == null) timer = new SimTimer("epbx-sim-timer");
        startServer(server.port() > 0 ? server.port() : requestedPort);
        keepAliveTask = timer.repeat(() -> connections.keepAlive(disconnectTimeout), Math.max(50, keepAlive.toMillis()));
        return this;
    }

    private void startServer(int onPort) {
        server.start(onPort, gate, s -> {
            WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, c -> c.setIdleTimeout(Duration.ofMinutes(10)));
            ws.setHandler(new EpbxHttp(this, ws.getServerWebSocketContainer()));
            return ws;
        });
    }

    @Override
    public synchronized void stop() {
        if (keepAliveTask != null) keepAliveTask.cancel();
        keepAliveTask = null;
        connections.closeGracefully();
        server.stop();
        connections.forgetAll();
        if (timer != null) timer.close();
        timer = null;
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
        if (!server.running()) throw new IllegalStateException("not running");
        int same = server.port();
        connections.closeGracefully();
        server.stop();
        connections.forgetAll();
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
        connections.dropAll();
    }

    /** This run's secret, which every {@code /Service/sim/*} request must carry. */
    public String secret() {
        return gate.secret();
    }

    /** A control address with the secret in it, for a supervisor's browser: {@code controlUrl("scenarios")}. */
    public String controlUrl(String route) {
        return serviceBase() + "sim/" + route + "?secret=" + secret();
    }

    /** Lets one more (non-loopback) browser origin use the simulator; loopback origins always may. */
    public EpbxSimulator allowOrigin(String origin) {
        gate.allowOrigin(origin);
        return this;
    }

    public String serviceBase() {
        return "http://127.0.0.1:" + port() + "/Service/";
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
        return Scenarios.book(null).descriptions();
    }

    /** Runs a scenario or fault; see docs/simulators/epbx.md. */
    public JsonNode scenario(String name, Map<String, ?> params) {
        return json.valueToTree(book.run(name, params == null ? Map.of() : params));
    }

    ScenarioBook book() {
        return book;
    }

    public List<Invocation> recorded() {
        return recorded.all();
    }

    /** Waits for the first invocation of {@code method} (case-insensitive) since the last reset. */
    public Invocation awaitRecorded(String method, Duration timeout) {
        return awaitRecordedCount(method, 1, timeout).get(0);
    }

    /** Waits until {@code count} invocations of {@code method} arrived; returns them in order. */
    public List<Invocation> awaitRecordedCount(String method, int count, Duration timeout) {
        return recorded.await(i -> i.method().equalsIgnoreCase(method), count, timeout, "invocation(s) of " + method);
    }

    /** Every request to the token endpoint since start (reset does not clear them), oldest first. */
    public List<TokenGrant> tokenGrants() {
        return grants.all();
    }

    void noteGrant(String grantType, String accessToken) {
        grants.add(new TokenGrant(grantType, accessToken != null, accessToken, clock.instant()));
    }

    /** Clears recorded invocations and scenario settings; users, tokens and connections stay. */
    public void reset() {
        recorded.clear();
        behaviour.reset();
        refuseRefresh = false;
    }

    public List<ConnectionInfo> connections() {
        return connections.infos();
    }

    /**
     * Test and benchmark hook: sends one client event straight to every open connection whose ramal is
     * logged in ({@code ramal} null: all of them), bypassing the hub's state. Returns
     * {@link System#nanoTime()} taken just before the first frame is written, so a caller in the same
     * JVM can time push → client reaction. Returns -1 when nobody was logged in.
     */
    public long pushRaw(String ramal, String event, Object... args) {
        return connections.pushTimed(ramal, event, json.valueToTree(args == null ? new Object[0] : args));
    }

    /** Whether a GlobalId can be downloaded. */
    public boolean hasRecording(String globalId) {
        return recordings.contains(globalId);
    }

    // ---- internals shared with the transports ----

    List<AtendimentoHub> loggedHubs(String ramal) {
        return connections.loggedHubs(ramal);
    }

    AtendimentoHub newHub(SimConnection c) {
        EpbxUser u = users.get(c.user);
        String nome = u == null ? c.user : u.nome();
        return connections.attach(c, new AtendimentoHub(c.user, nome, devices, intervals, initialInterval, behaviour,
                c::push, this::schedule, recordings::add, clock));
    }

    /** A far-end reaction later; after a stop the far end never answers. */
    void schedule(long delayMs, Runnable r) {
        SimTimer t = timer;
        if (t != null) t.schedule(r, delayMs);
    }

    void runLater(Runnable r) {
        schedule(0, r);
    }

    void record(String transport, String wireMethod, JsonNode args, String connectionId, String error) {
        String canonical = AtendimentoHub.canonical(wireMethod);
        Invocation inv = new Invocation(transport, canonical == null ? wireMethod : canonical, wireMethod,
                args == null ? json.createArrayNode() : args.deepCopy(), connectionId, clock.instant(),
                error == null, error);
        recorded.add(inv);
    }

    void forgetCore(CoreConnection c) {
        connections.forgetCore(c);
    }
}
