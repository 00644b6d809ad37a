package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.CommandLog;
import dev.unibar.simkit.LoopbackSimulator;
import dev.unibar.simkit.ScenarioBook;
import dev.unibar.simkit.Scheduler;
import dev.unibar.simkit.SimGate;
import dev.unibar.simkit.SimTimer;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stand-in for a UCS server: serves a fake {@code /operator/operator-v4.0.0.js} that speaks seed 002's
 * window.ucsOperator surface, the websocket that script talks to, and {@code /control/*} for scenarios.
 * One {@link UcsSimState} per connected page ({@link UcsPages}). Binds to 127.0.0.1 only; the kit's gate
 * takes any loopback page origin (Unibar's host page is on a port nobody can predict) and asks
 * {@code /control/*} for the run's secret; the vendor's own protocol needs none, as the real page knows none.
 */
public final class UcsSimulator extends LoopbackSimulator {

    public static final String SCRIPT_PATH = "/operator/operator-v4.0.0.js";
    public static final String WS_PATH = "/operator/ws";
    private static final int MAX_RECORDED = 10_000;

    /** A scenario's name, what it does and the parameters it reads. */
    public record ScenarioInfo(String name, String description, Map<String, String> params) {
    }

    private final int requestedPort;
    private final UcsSimSettings settings;
    private final UcsSimSettings initial;
    private final CommandLog<Recorded> recorded = new CommandLog<>(MAX_RECORDED);
    private final UcsPages pages;
    private final ScenarioBook book;
    private SimTimer timer;
    private Scheduler.Task reaper;
    private UcsDemoLoop demo;

    public UcsSimulator() {
        this(0, UcsSimSettings.defaults());
    }

    public UcsSimulator(int port) {
        this(port, UcsSimSettings.defaults());
    }

    public UcsSimulator(int port, UcsSimSettings settings) {
        super("ucs-sim", 16, SimGate.Origins.LOOPBACK);
        gate.cors().secretInQuery().secret("/control/*");
        this.requestedPort = port;
        this.settings = settings;
        this.initial = settings.copy();
        this.pages = new UcsPages(settings, Clock.systemUTC(), recorded::add);
        this.book = UcsScenarios.book(pages::latestState, settings);
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized UcsSimulator start() {
        if (server.running()) return this;
        timer = new SimTimer("ucs-sim-timer");
        pages.scheduler(timer);
        try {
            server.start(requestedPort, gate, s -> {
                ContextHandler context = new ContextHandler("/");
                // Any path upgrades: the page's api.path decides where the script connects, as with a real UCS proxy.
                WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, context, container -> {
                    container.setIdleTimeout(Duration.ofHours(12));
                    container.addMapping("/*", (req, resp, cb) -> pages.newSocket());
                });
                ws.setHandler(new UcsHttpHandler(this, pages));
                context.setHandler(ws);
                return context;
            });
        } catch (IllegalStateException e) {
            timer.close();
            throw e;
        }
        scheduleReaper();
        return this;
    }

    private synchronized void scheduleReaper() {
        if (timer == null || !server.running()) return;
        reaper = timer.schedule(() -> {
            pages.reapIdlePolls();
            scheduleReaper();
        }, 15_000);
    }

    @Override
    public synchronized void stop() {
        stopDemoLoop();
        if (reaper != null) reaper.cancel();
        pages.closeAll();
        try {
            server.stop();
        } catch (IllegalStateException e) {
            System.getLogger(UcsSimulator.class.getName()).log(System.Logger.Level.WARNING, "UCS simulator stop failed", e);
        }
        if (timer != null) timer.close();
        timer = null;
    }

    /** This run's secret, which every {@code /control/*} request must carry (see {@link #controlUrl()}). */
    public String secret() {
        return gate.secret();
    }

    /** The control API's scenario list with the secret in the query, for a supervisor's browser. */
    public String controlUrl() {
        return origin() + "/control/scenarios?secret=" + secret();
    }

    /** Lets one more (non-loopback) browser origin use the simulator; loopback origins always may. */
    public UcsSimulator allowOrigin(String origin) {
        gate.allowOrigin(origin);
        return this;
    }


    public String scriptUrl() {
        return origin() + SCRIPT_PATH;
    }

    /** ws://127.0.0.1:PORT/operator/ws, the default the script uses when api gives no path. */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + port() + WS_PATH;
    }

    /** A ready-made host page (the seed's integration example) served by the simulator itself. */
    public String demoPageUrl() {
        return origin() + "/";
    }

    public UcsSimSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- sessions and recording

    /** The state machine of the latest connected page, or null before any page connected. */
    public UcsSimState state() {
        return pages.latestState();
    }

    /** The flags the latest page sent in its hello (listDevices, withoutDevice, headless, ...). */
    public Map<String, Object> hello() {
        return pages.hello();
    }

    public int connectedPages() {
        return pages.count();
    }

    public List<Recorded> recorded() {
        return recorded.all();
    }

    /**
     * Waits for the next recording of {@code method}: each call returns a later record than the previous
     * call for the same method did, so a test can await the same method twice in a row.
     */
    public Recorded awaitRecorded(String method, Duration timeout) throws InterruptedException {
        Recorded r = recorded.awaitNext(method, x -> x.method().equals(method), timeout);
        if (r == null) throw new AssertionError("no " + method + " recorded within " + timeout + "; got " + recorded.all());
        return r;
    }

    /** Polls the latest session until {@code test} holds; for tests and the demo host. */
    public UcsSimState awaitState(Predicate<UcsSimState> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            UcsSimState s = state();
            if (s != null && test.test(s)) return s;
            Thread.sleep(10);
        }
        UcsSimState s = state();
        throw new AssertionError("UCS simulator state not reached within " + timeout
                + (s == null ? " (no page connected)" : " (phase " + s.phase() + ", status " + s.status() + ")"));
    }

    /** Forgets the recording and every scenario change: settings go back to what start-up had. */
    public void reset() {
        recorded.clear();
        settings.restore(initial);
    }

    // ---------------------------------------------------------------- scenarios

    public static List<ScenarioInfo> scenarios() {
        return UcsScenarios.book(() -> null, UcsSimSettings.defaults()).list().stream()
                .map(s -> new ScenarioInfo(s.name(), s.description(), s.params())).toList();
    }

    ScenarioBook book() {
        return book;
    }

    /**
     * Runs a scenario.
     *
     * @return a small result object (e.g. the uniqueid of the offered call)
     * @throws IllegalArgumentException unknown scenario or bad parameters
     * @throws IllegalStateException    the scenario needs a page in a state it is not in
     */
    public Map<String, Object> scenario(String name, Map<String, Object> params) {
        return book.run(name, params);
    }

    // ---------------------------------------------------------------- demo loop

    /** Offers an inbound call every delays.demoIntervalMs while the latest page's agent is READY with no call. */
    public synchronized void startDemoLoop() {
        if (timer == null) throw new IllegalStateException("start the simulator first");
        stopDemoLoop();
        demo = new UcsDemoLoop(timer, pages::latestState, () -> settings.delays().demoIntervalMs());
    }

    public synchronized boolean demoLoopRunning() {
        return demo != null;
    }

    public synchronized void stopDemoLoop() {
        if (demo != null) demo.stop();
        demo = null;
    }
}
