package dev.unibar.connectors.agentdesktop.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fake Enghouse AgentDesktop on 127.0.0.1: the agent page {@code /AD/} with a widget side bar
 * that loads the configured widget URI, the SDK {@code /AD/widget/agentdesktop_widget.js} (same
 * objects and methods as the documented SDK, talking to its parent by postMessage) and a control API
 * under {@code /control/}. It plays the vendor, not Unibar: nothing here imports Unibar.
 *
 * <p>Every request must name a loopback Host with this port; a request carrying an Origin must come
 * from this simulator's own origin; anything that changes state needs the per-run secret in
 * {@code X-Sim-Secret} (the simulator's own pages carry it; tests read {@link #secret()}).
 */
public final class AgentDesktopSimulator implements AutoCloseable {

    public static final String PAGE_PATH = "/AD/";
    public static final String SDK_PATH = "/AD/widget/agentdesktop_widget.js";
    public static final String SAMPLE_WIDGET_PATH = "/AD/widget/agentdesktop_widget_sample.html";
    public static final String SECRET_HEADER = "X-Sim-Secret";
    static final int MAX_EVENTS = 10_000;

    final ObjectMapper json = new ObjectMapper();
    private final int requestedPort;
    private final String secret;
    private final AdSimState state;
    private final List<Map<String, Object>> log = new ArrayList<>();
    private long dropped;
    /** Counts resets, so a reader holding a position from before one starts over. */
    private long epoch;
    private volatile String widgetUri;
    private volatile boolean lowerCaseEvents;
    private volatile long answerDelayMs = 600;
    private ScheduledExecutorService timer;
    private Server server;
    private ServerConnector connector;
    private KeyStore tlsKeys;
    private char[] tlsPassword;

    public AgentDesktopSimulator() {
        this(0);
    }

    public AgentDesktopSimulator(int port) {
        this.requestedPort = port;
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        this.secret = HexFormat.of().formatHex(b);
        this.state = new AdSimState(this::contactEvent, this::alertEvent);
    }

    /**
     * Serves the agent page over https with this key (call before {@link #start}): a real AgentDesktop
     * is usually https, which changes what a browser lets its page frame (decision 0010 of Unibar).
     */
    public synchronized AgentDesktopSimulator https(KeyStore keys, char[] password) {
        if (server != null) throw new IllegalStateException("already started");
        this.tlsKeys = keys;
        this.tlsPassword = password.clone();
        return this;
    }

    public synchronized AgentDesktopSimulator start() {
        if (server != null) return this;
        QueuedThreadPool pool = new QueuedThreadPool(24, 2);
        pool.setName("ad-sim");
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector c = tlsKeys == null ? new ServerConnector(s, 1, 1) : tlsConnector(s);
        c.setHost("127.0.0.1");
        c.setPort(requestedPort);
        s.addConnector(c);
        s.setHandler(new AdHttpHandler(this));
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("AgentDesktop simulator could not start on 127.0.0.1:" + requestedPort, e);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ad-sim-timer");
            t.setDaemon(true);
            return t;
        });
        state.answerLater(r -> {
            long d = answerDelayMs;
            if (d <= 0) r.run();
            else timer.schedule(r, d, TimeUnit.MILLISECONDS);
        });
        server = s;
        connector = c;
        return this;
    }

    private ServerConnector tlsConnector(Server s) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tlsKeys);
        ssl.setKeyStorePassword(new String(tlsPassword));
        HttpConfiguration hc = new HttpConfiguration();
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        src.setSniHostCheck(false);
        hc.addCustomizer(src);
        return new ServerConnector(s, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(hc));
    }

    String scheme() {
        return tlsKeys == null ? "http" : "https";
    }

    public synchronized void stop() {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            timer.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        if (connector == null) throw new IllegalStateException("not started");
        return connector.getLocalPort();
    }

    public String origin() {
        return scheme() + "://127.0.0.1:" + port();
    }

    /** The agent page, {@code http://127.0.0.1:<port>/AD/}: the base URL Unibar is configured with. */
    public String pageUrl() {
        return origin() + PAGE_PATH;
    }

    public String secret() {
        return secret;
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

    /** Offers a CTI-routed inbound call; returns its contact id. */
    public String inbound(String ani, String dnis, String queue) {
        return state.inbound(ani, dnis, queue, null);
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

    public synchronized void reset() {
        state.reset();
        log.clear();
        dropped = 0;
        epoch++;
        notifyAll();
    }

    /** The scenario names {@link #play} knows. */
    public java.util.Set<String> scenarios() {
        return Scenarios.ALL.keySet();
    }

    /** Plays one of the seed's sequences with the seed's own contact ids; see {@link Scenarios}. */
    public void play(String scenario) {
        Scenarios.play(this, state, scenario);
    }

    // ---- event log the agent page long-polls ----------------------------------------------

    private void contactEvent(Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>(payload);
        if (lowerCaseEvents) p.put("event", String.valueOf(p.get("event")).toLowerCase(Locale.ROOT));
        try {
            append("contact", json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void alertEvent(String message) {
        append("alert", Objects.requireNonNullElse(message, ""));
    }

    private synchronized void append(String kind, String data) {
        if (log.size() >= MAX_EVENTS) {
            log.remove(0);
            dropped++;
        }
        log.add(Map.of("kind", kind, "data", data));
        notifyAll();
    }

    /**
     * Entries after {@code after} (a count since reset), waiting up to {@code waitMs} for one. A reader
     * whose {@code readerEpoch} is not the current one saw a reset: it reads again from the start.
     */
    synchronized Map<String, Object> events(long after, long readerEpoch, long waitMs) throws InterruptedException {
        if (readerEpoch != epoch || after > dropped + log.size()) after = 0;
        long deadline = System.currentTimeMillis() + waitMs;
        while (dropped + log.size() <= after) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || server == null) break;
            wait(left);
        }
        long from = Math.max(after, dropped);
        List<Map<String, Object>> out = new ArrayList<>(log.subList((int) (from - dropped), log.size()));
        return Map.of("next", dropped + log.size(), "epoch", epoch, "events", out);
    }

    /** The contact-event data strings sent so far (since reset), for tests. */
    public synchronized List<String> sentEvents() {
        return log.stream().filter(m -> "contact".equals(m.get("kind"))).map(m -> (String) m.get("data")).toList();
    }
}
