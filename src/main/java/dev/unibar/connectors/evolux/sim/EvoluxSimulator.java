package dev.unibar.connectors.evolux.sim;

import dev.unibar.simkit.CommandLog;
import dev.unibar.simkit.Feed;
import dev.unibar.simkit.LoopbackSimulator;
import dev.unibar.simkit.Replies;
import dev.unibar.simkit.ScenarioBook;
import dev.unibar.simkit.SimGate;
import dev.unibar.simkit.SimTimer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a customer's Evolux: a fake Evolux Phone page that posts its events to the page embedding
 * it, the vendor-like test page around it, a fake {@code POST /api/v1/call} and a control API. Binds to
 * 127.0.0.1 only (the kit's server and gate). Plays the vendor: it imports nothing of Unibar but the kit.
 */
public final class EvoluxSimulator extends LoopbackSimulator {

    public static final String PHONE_PATH = "/phone";
    public static final String TEST_PAGE_PATH = "/monitor/agent/evolux_phone_test";
    public static final String CALL_API_PATH = "/api/v1/call";
    public static final String DEFAULT_API_TOKEN = "sim-evolux-api-token";

    /** One message for the phone page to post: {@code {eventName, payload}}. */
    private record Message(String eventName, Map<String, Object> payload) {
    }

    final Clock clock;
    private final int requestedPort;
    private final String apiToken;
    private final SimAgent agent;
    private final Feed<Message> posted = new Feed<>(5_000);
    private final CommandLog<ApiCall> apiCalls = new CommandLog<>(5_000);
    private final Scenarios scenarios;
    private SimTimer timer;
    /** How the API answers the next click-to-call instead of placing it (scenario refuse-call), or null. */
    private volatile String refuseNext;

    public EvoluxSimulator() {
        this(0, DEFAULT_API_TOKEN);
    }

    public EvoluxSimulator(int port, String apiToken) {
        this(port, apiToken, SimAgent.seed(), Clock.systemUTC());
    }

    public EvoluxSimulator(int port, String apiToken, SimAgent agent, Clock clock) {
        super("evolux-sim", 12, SimGate.Origins.OWN);
        gate.session(PHONE_PATH, PHONE_PATH + "/*", TEST_PAGE_PATH).secret("/control/*");
        this.requestedPort = port;
        this.apiToken = apiToken;
        this.agent = agent;
        this.clock = clock;
        this.scenarios = new Scenarios(this);
    }

    /** Starts on 127.0.0.1 ({@code port} 0 = ephemeral); prints nothing. */
    public static EvoluxSimulator run(int port) {
        return new EvoluxSimulator(port, DEFAULT_API_TOKEN).start();
    }

    public synchronized EvoluxSimulator start() {
        if (server.running()) return this;
        timer = new SimTimer("evolux-sim-timer");
        posted.open();
        try {
            server.start(requestedPort, gate, s -> new SimHttp(this));
        } catch (IllegalStateException e) {
            timer.close();
            throw e;
        }
        later(1000, this::watchPhone);
        return this;
    }

    @Override
    public synchronized void stop() {
        server.stop();
        if (timer != null) timer.close();
        timer = null;
        posted.close();
    }

    /**
     * The URL Unibar embeds (the fake Evolux Phone), behind a one-time key: the browser that opens it first
     * holds the phone's session, as the agent's browser holds an Evolux login.
     */
    public String phoneUrl() {
        return keyedUrl(PHONE_PATH);
    }

    /** The vendor-like test page (the phone plus a live list of the events it posts), behind a one-time key. */
    public String testPageUrl() {
        return keyedUrl(TEST_PAGE_PATH);
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

    /** Header {@code X-Sim-Secret} for /control/*; new every run, never in a page. */
    public String controlSecret() {
        return gate.secret();
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
        posted.append(new Message(eventName, payload));
    }

    /** Every message posted so far (oldest first, bounded). */
    public List<Posted> posted() {
        return posted.entries().stream().map(EvoluxSimulator::posted).toList();
    }

    private static Posted posted(Feed.Entry<Message> e) {
        return new Posted(e.seq(), e.item().eventName(), e.item().payload());
    }

    /** The messages after {@code after}, waiting up to {@code wait} for one; the phone page long-polls this. */
    List<Posted> postedAfter(long after, Duration wait) throws InterruptedException {
        return posted.after(after, wait).stream().map(EvoluxSimulator::posted).toList();
    }

    void phoneOpened() {
        scenarios.phoneOpened();
    }

    /**
     * A phone always has a poll waiting here, or sends the next within a second (after a failure too). When none has
     * for {@link #PHONE_GONE_MS}, the phone's page is gone (closed, crashed, signed out): a WebRTC softphone's call
     * goes with it, as the platform notices its transport closed (assumed).
     */
    static final long PHONE_GONE_MS = 8_000;
    private final java.util.concurrent.atomic.AtomicInteger polling = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastPollNanos;
    private volatile boolean phoneSeen;

    void pollStarted() {
        phoneSeen = true;
        polling.incrementAndGet();
        lastPollNanos = System.nanoTime();
    }

    void pollEnded() {
        polling.decrementAndGet();
        lastPollNanos = System.nanoTime();
    }

    private void watchPhone() {
        if (phoneSeen && polling.get() == 0 && System.nanoTime() - lastPollNanos > PHONE_GONE_MS * 1_000_000) {
            phoneSeen = false;
            scenarios.phoneGone();
        }
        later(1000, this::watchPhone);
    }

    long lastSeq() {
        return posted.last();
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
        } else if (!from.equals(agent.login()) || "not-logged-in".equals(refuseNext)) {
            status = 400;
            message = "Agent " + from + " is not logged in.";
        } else if ("invalid-token".equals(refuseNext)) {
            status = 401;
            message = "Invalid token.";
        }
        if (valid) refuseNext = null;
        ApiCall c = new ApiCall(clock.instant(), from, to, callInfo, present, valid, status, message);
        apiCalls.add(c);
        if (status == 200) scenarios.clickToCall(to);
        return c;
    }

    /**
     * The next click-to-call (one with the right token) is refused the way the API refuses one: {@code not-logged-in}
     * (the platform no longer has the agent logged in) or {@code invalid-token} (the token was revoked).
     */
    void refuseNextCall(String answer) {
        if (!List.of("not-logged-in", "invalid-token").contains(answer)) {
            throw new IllegalArgumentException("answer must be not-logged-in or invalid-token, not " + answer);
        }
        refuseNext = answer;
    }

    private boolean validJson(String s) {
        try {
            Replies.JSON.readTree(s);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public List<ApiCall> apiCalls() {
        return apiCalls.all();
    }

    /** Waits until at least {@code n} API requests were recorded; returns them all (fewer when time ran out). */
    public List<ApiCall> awaitApiCalls(int n, Duration timeout) throws InterruptedException {
        try {
            apiCalls.await(c -> true, n, timeout, "API requests");
        } catch (IllegalStateException late) {
            // the caller compares what came with what it wanted
        }
        return apiCalls.all();
    }

    // ------------------------------------------------------------------ scenarios

    /** Runs a scenario by name (see {@link #scenarioNames()}); returns what it started. */
    public Map<String, Object> scenario(String name, Map<String, Object> params) {
        return scenarios.run(name, params == null ? Map.of() : params);
    }

    public static List<Map<String, String>> scenarioNames() {
        return Scenarios.LIST.namesAndDescriptions();
    }

    static ScenarioBook book() {
        return Scenarios.LIST;
    }

    /** Clears recorded API requests and the current call and pause; posted history stays for pages. */
    public void reset() {
        apiCalls.clear();
        refuseNext = null;
        scenarios.reset();
    }

    void later(long delayMs, Runnable r) {
        SimTimer t = timer;
        if (t != null) t.schedule(r, delayMs);
    }
}
