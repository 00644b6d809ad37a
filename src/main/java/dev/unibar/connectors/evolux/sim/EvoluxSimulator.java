package dev.unibar.connectors.evolux.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a customer's Evolux: a fake Evolux Phone page that posts its events to the page embedding
 * it, the vendor-like test page around it, a fake {@code POST /api/v1/call} and a control API. Binds to
 * 127.0.0.1 only. Plays the vendor: it imports nothing of Unibar.
 */
public final class EvoluxSimulator implements AutoCloseable {

    public static final String PHONE_PATH = "/phone";
    public static final String TEST_PAGE_PATH = "/monitor/agent/evolux_phone_test";
    public static final String CALL_API_PATH = "/api/v1/call";
    public static final String DEFAULT_API_TOKEN = "sim-evolux-api-token";
    private static final int MAX_POSTED = 5_000;
    private static final System.Logger LOG = System.getLogger(EvoluxSimulator.class.getName());

    final ObjectMapper json = new ObjectMapper();
    final Clock clock;
    private final int requestedPort;
    private final String apiToken;
    private final SimAgent agent;
    private final String controlSecret;
    private final List<Posted> posted = new ArrayList<>();
    private final List<ApiCall> apiCalls = new ArrayList<>();
    private final Scenarios scenarios;
    private final java.util.Set<String> forwardedOrigins = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long seq;
    private ScheduledExecutorService timer;
    private Server server;
    private int port;

    public EvoluxSimulator() {
        this(0, DEFAULT_API_TOKEN);
    }

    public EvoluxSimulator(int port, String apiToken) {
        this(port, apiToken, SimAgent.seed(), Clock.systemUTC());
    }

    public EvoluxSimulator(int port, String apiToken, SimAgent agent, Clock clock) {
        this.requestedPort = port;
        this.apiToken = apiToken;
        this.agent = agent;
        this.clock = clock;
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        this.controlSecret = HexFormat.of().formatHex(b);
        this.scenarios = new Scenarios(this);
    }

    /** Starts on 127.0.0.1 ({@code port} 0 = ephemeral); prints nothing. */
    public static EvoluxSimulator run(int port) {
        return new EvoluxSimulator(port, DEFAULT_API_TOKEN).start();
    }

    public synchronized EvoluxSimulator start() {
        if (server != null) return this;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evolux-sim-timer");
            t.setDaemon(true);
            return t;
        });
        QueuedThreadPool pool = new QueuedThreadPool(12, 2);
        pool.setName("evolux-sim");
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector connector = new ServerConnector(s, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        s.addConnector(connector);
        s.setHandler(new SimHttp(this));
        try {
            s.start();
        } catch (Exception e) {
            timer.shutdownNow();
            throw new IllegalStateException("Evolux simulator could not start on 127.0.0.1:" + requestedPort, e);
        }
        server = s;
        port = connector.getLocalPort();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Evolux simulator stop failed", e);
            }
            server = null;
        }
        if (timer != null) timer.shutdownNow();
        timer = null;
        synchronized (posted) {
            posted.notifyAll();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The simulated customer's Evolux origin, e.g. {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL Unibar embeds (the fake Evolux Phone). */
    public String phoneUrl() {
        return origin() + PHONE_PATH;
    }

    /** The vendor-like test page: the phone plus a live list of the events it posts. */
    public String testPageUrl() {
        return origin() + TEST_PAGE_PATH;
    }

    /**
     * Also answers pages served through a loopback proxy on {@code port} (tests put a fault-injecting proxy
     * between the phone and the simulator): the phone's requests then carry that port's origin.
     */
    public void allowForwardedPort(int port) {
        forwardedOrigins.add("http://127.0.0.1:" + port);
    }

    /** The simulator's own origin, or one it was told is forwarded to it. */
    boolean ownOrigin(String origin) {
        return origin.equals(origin()) || forwardedOrigins.contains(origin);
    }

    /** The current call and pause, as the platform holds them. */
    public SimState state() {
        return scenarios.state();
    }

    public String apiToken() {
        return apiToken;
    }

    public SimAgent agent() {
        return agent;
    }

    /** Header {@code X-Sim-Secret} for /control/* and the phone page's own actions; new every run. */
    public String controlSecret() {
        return controlSecret;
    }

    // ------------------------------------------------------------------ events the phone posts

    /**
     * Makes the phone post exactly this message (a capture line's {@code eventName} and {@code payload}),
     * so recorded or documented payloads can be replayed through a real embedding page.
     */
    public void postRaw(String eventName, Map<String, Object> payload) {
        post(eventName, payload);
    }

    void post(String eventName, Map<String, Object> payload) {
        synchronized (posted) {
            posted.add(new Posted(++seq, eventName, payload));
            if (posted.size() > MAX_POSTED) posted.remove(0);
            posted.notifyAll();
        }
    }

    /** Every message posted so far (oldest first, bounded). */
    public List<Posted> posted() {
        synchronized (posted) {
            return List.copyOf(posted);
        }
    }

    /** The messages after {@code after}, waiting up to {@code wait} for one; the phone page long-polls this. */
    List<Posted> postedAfter(long after, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (posted) {
            while (true) {
                List<Posted> out = new ArrayList<>();
                for (Posted p : posted) if (p.seq() > after) out.add(p);
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || left <= 0 || server == null) return out;
                TimeUnit.NANOSECONDS.timedWait(posted, left);
            }
        }
    }

    void phoneOpened() {
        scenarios.phoneOpened();
    }

    long lastSeq() {
        synchronized (posted) {
            return seq;
        }
    }

    // ------------------------------------------------------------------ the REST API

    /** Handles a click-to-call request after the HTTP layer parsed it; returns the recorded outcome. */
    ApiCall call(String token, String from, String to, String callInfo) {
        boolean present = token != null && !token.isBlank();
        boolean valid = present && java.security.MessageDigest.isEqual(
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                apiToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int status = 200;
        String message = "OK";
        if (!present) {
            status = 400;
            message = "Missing token.";
        } else if (!valid) {
            status = 401;
            message = "Invalid token.";
        } else if (to == null || to.isBlank()) {
            status = 400;
            message = "Missing to param.";
        } else if (from == null || from.isBlank()) {
            status = 400;
            message = "Missing from param.";
        } else if (callInfo != null && !callInfo.isBlank() && !validJson(callInfo)) {
            status = 400;
            message = "Json_string param must be a valid json string: No JSON object could be decoded";
        } else if (!from.equals(agent.login())) {
            status = 400;
            message = "Agent " + from + " is not logged in.";
        }
        ApiCall c = new ApiCall(clock.instant(), from, to, callInfo, present, valid, status, message);
        synchronized (apiCalls) {
            apiCalls.add(c);
            apiCalls.notifyAll();
        }
        if (status == 200) scenarios.clickToCall(to);
        return c;
    }

    private boolean validJson(String s) {
        try {
            json.readTree(s);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public List<ApiCall> apiCalls() {
        synchronized (apiCalls) {
            return List.copyOf(apiCalls);
        }
    }

    /** Waits until at least {@code n} API requests were recorded; returns them all. */
    public List<ApiCall> awaitApiCalls(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (apiCalls) {
            while (apiCalls.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(apiCalls, left);
            }
            return List.copyOf(apiCalls);
        }
    }

    // ------------------------------------------------------------------ scenarios

    /** Runs a scenario by name (see {@link #scenarioNames()}); returns what it started. */
    public Map<String, Object> scenario(String name, Map<String, Object> params) {
        return scenarios.run(name, params == null ? Map.of() : params);
    }

    public static List<Map<String, String>> scenarioNames() {
        return Scenarios.DESCRIPTIONS;
    }

    /** Clears recorded API requests and the current call and pause; posted history stays for pages. */
    public void reset() {
        synchronized (apiCalls) {
            apiCalls.clear();
        }
        scenarios.reset();
    }

    void later(long delayMs, Runnable r) {
        ScheduledExecutorService t = timer;
        if (t == null) return;
        t.schedule(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Evolux simulator timer task failed", e);
            }
        }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }
}
