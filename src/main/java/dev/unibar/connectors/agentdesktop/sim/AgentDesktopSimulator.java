package dev.unibar.connectors.agentdesktop.sim;

import dev.unibar.simkit.Feed;
import dev.unibar.simkit.LoopbackSimulator;
import dev.unibar.simkit.Replies;
import dev.unibar.simkit.SimGate;
import dev.unibar.simkit.SimTimer;

import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fake Enghouse AgentDesktop on 127.0.0.1: the agent page {@code /AD/} with a widget side bar
 * that loads the configured widget URI, the SDK {@code /AD/widget/agentdesktop_widget.js} (same
 * objects and methods as the documented SDK, talking to its parent by postMessage) and a control API
 * under {@code /control/}. It plays the vendor, not Unibar: nothing here imports Unibar but the kit.
 *
 * <p>The kit's gate: a loopback Host with this port, no Origin but this simulator's own. The agent page,
 * its channel and {@code /control/*} need the page's session, which only the address from
 * {@link #pageUrl()} opens (once, as a login link would), or the run's secret in {@code X-Sim-Secret}
 * ({@link #secret()}, printed by {@code simulate}). No page carries a secret.
 */
public final class AgentDesktopSimulator extends LoopbackSimulator {

    public static final String PAGE_PATH = "/AD/";
    public static final String SDK_PATH = "/AD/widget/agentdesktop_widget.js";
    public static final String SAMPLE_WIDGET_PATH = "/AD/widget/agentdesktop_widget_sample.html";
    public static final String SECRET_HEADER = SimGate.SECRET_HEADER;
    static final int MAX_EVENTS = 10_000;

    private final int requestedPort;
    private final AdSimState state;
    private final Feed<Map<String, Object>> log = new Feed<>(MAX_EVENTS);
    private volatile String widgetUri;
    private volatile boolean lowerCaseEvents;
    private volatile long answerDelayMs = 600;
    private SimTimer timer;

    public AgentDesktopSimulator() {
        this(0);
    }

    public AgentDesktopSimulator(int port) {
        super("ad-sim", 24, SimGate.Origins.OWN);
        gate.session(PAGE_PATH, "/AD/api/*", "/control/*");
        this.requestedPort = port;
        this.state = new AdSimState(this::contactEvent, this::alertEvent);
    }

    /**
     * Serves the agent page over https with this key (call before {@link #start}): a real AgentDesktop
     * is usually https, which changes what a browser lets its page frame (decision 0010 of Unibar).
     */
    public synchronized AgentDesktopSimulator https(KeyStore keys, char[] password) {
        server.https(keys, password);
        gate.scheme("https");
        return this;
    }

    public synchronized AgentDesktopSimulator start() {
        if (server.running()) return this;
        log.open();
        server.start(requestedPort, gate, s -> new AdHttpHandler(this));
        timer = new SimTimer("ad-sim-timer");
        state.timer(timer);
        state.answerLater(r -> {
            long d = answerDelayMs;
            if (d <= 0) r.run();
            else timer.schedule(r, d);
        });
        return this;
    }

    @Override
    public synchronized void stop() {
        if (!server.running()) return;
        try {
            log.close();
            server.stop();
        } finally {
            timer.close();
        }
    }

    /**
     * The agent page, {@code http://127.0.0.1:<port>/simkey/<one-time key>/AD/}: the base URL Unibar is
     * configured with (the SDK below it is public). The browser that opens it first holds the page's
     * session; each call hands out a new key.
     */
    public String pageUrl() {
        return keyedUrl(PAGE_PATH);
    }


    /** This run's secret for {@code /control/*} and the page's channel ({@value #SECRET_HEADER}). */
    public String secret() {
        return gate.secret();
    }

    // ---- settings --------------------------------------------------------------------------

    /** The URI the side bar loads (as the Widget URI field of AgentDesktop Manager). Null = the sample widget. */
    public void widgetUri(String uri) {
        this.widgetUri = uri == null || uri.isBlank() ? null : uri;
    }

    public String widgetUri() {
        String w = widgetUri;
        return w != null ? w : SAMPLE_WIDGET_PATH;
    }

    /** Event names as the field sees them from some releases: lower case ({@code connectionstarted}). */
    public void lowerCaseEvents(boolean lower) {
        this.lowerCaseEvents = lower;
    }

    /** How long the far end of an outbound or consultation call takes to answer; 0 = at once. */
    public void answerDelayMs(long ms) {
        this.answerDelayMs = Math.max(0, ms);
    }

    /** The SDK name that starts a consultation (not public; {@value AdSimState#DEFAULT_CONSULT_METHOD} by default). */
    public void consultMethod(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a method name: " + name);
        state.consultMethod(name);
    }

    // ---- behaviour -------------------------------------------------------------------------

    /** Every SDK call the widgets made, in order. */
    public List<Recorded> recorded() {
        return state.recorded();
    }

    public Map<String, Object> state() {
        return state.snapshot();
    }

    /** Offers a CTI-routed inbound call, ringing until a widget answers it; returns its contact id. */
    public String inbound(String ani, String dnis, String queue) {
        return inbound(ani, dnis, queue, 0);
    }

    /** As {@link #inbound(String, String, String)}; the caller gives up after {@code giveUpAfterMs} unanswered (0: never). */
    public String inbound(String ani, String dnis, String queue, long giveUpAfterMs) {
        return state.inbound(ani, dnis, queue, giveUpAfterMs);
    }

    public String chat(String from) {
        return state.chat(from);
    }

    public boolean remoteHangup(String contactId) {
        return state.remoteHangup(contactId);
    }

    public boolean establish(String contactId) {
        return state.establish(contactId);
    }

    /** A call the widget made (the page forwards it here). */
    void invoke(String ns, String method, List<Object> args) {
        state.invoke(ns, method, args);
    }

    /** Shows an error in the fake AgentDesktop's own UI (the real one shows widget errors for 4 s). */
    public void alert(String message) {
        alertEvent(message);
    }

    public void reset() {
        state.reset();
        log.reset();
    }

    /** The scenario names {@link #play} knows. */
    public Set<String> scenarios() {
        return Set.copyOf(Scenarios.book(null).names());
    }

    /** Plays one of the seed's sequences (contact ids of its own); see {@link Scenarios}. */
    public void play(String scenario) {
        play(scenario, Map.of());
    }

    /** As {@link #play(String)} with the scenario's parameters ({@code GET /control/scenarios} lists them). */
    public void play(String scenario, Map<String, ?> params) {
        Scenarios.play(state, scenario, params);
    }

    // ---- event log the agent page long-polls ----------------------------------------------

    private void contactEvent(Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>(payload);
        if (lowerCaseEvents) p.put("event", String.valueOf(p.get("event")).toLowerCase(Locale.ROOT));
        log.append(Map.of("kind", "contact", "data", Replies.toJson(p)));
    }

    private void alertEvent(String message) {
        log.append(Map.of("kind", "alert", "data", Objects.requireNonNullElse(message, "")));
    }

    /**
     * Entries after {@code after} (a count since reset), waiting up to {@code waitMs} for one. A reader
     * whose {@code readerEpoch} is not the current one saw a reset: it reads again from the start.
     */
    Map<String, Object> events(long after, long readerEpoch, long waitMs) throws InterruptedException {
        Feed.Batch<Map<String, Object>> b = log.read(after, readerEpoch, Duration.ofMillis(waitMs));
        return Map.of("next", b.next(), "epoch", b.epoch(), "events", b.entries().stream().map(Feed.Entry::item).toList());
    }

    /** The contact-event data strings sent so far (since reset), for tests. */
    public List<String> sentEvents() {
        return log.entries().stream().map(Feed.Entry::item).filter(m -> "contact".equals(m.get("kind")))
                .map(m -> (String) m.get("data")).toList();
    }
}
