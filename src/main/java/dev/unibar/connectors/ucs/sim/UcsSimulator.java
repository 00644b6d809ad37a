package dev.unibar.connectors.ucs.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A stand-in for a UCS server: serves a fake {@code /operator/operator-v4.0.0.js} that speaks seed 002's
 * window.ucsOperator surface, the websocket that script talks to, and {@code /control/*} for scenarios.
 * One {@link UcsSimState} per connected page. Binds to 127.0.0.1 only.
 */
public final class UcsSimulator implements AutoCloseable {

    public static final String SCRIPT_PATH = "/operator/operator-v4.0.0.js";
    public static final String WS_PATH = "/operator/ws";
    private static final int MAX_RECORDED = 10_000;
    private static final System.Logger LOG = System.getLogger(UcsSimulator.class.getName());

    /** A scenario's name, what it does and the parameters it reads. */
    public record ScenarioInfo(String name, String description, Map<String, String> params) {
    }

    private final int requestedPort;
    private final UcsSimSettings settings;
    private final UcsSimSettings initial;
    private final Clock clock;
    final ObjectMapper json = new ObjectMapper();
    private final List<Recorded> recorded = new ArrayList<>();
    private final Map<String, Integer> awaitCursor = new LinkedHashMap<>();
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final Map<String, PollPage> polls = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Page latest;
    private SimScheduler.Task reaper;
    private volatile Map<String, Object> lastHello = Map.of();
    private SimScheduler.Threaded scheduler;
    private SimScheduler.Task demoTask;
    private Server server;
    private volatile int port;
    private final SimGate gate = new SimGate(() -> port);

    public UcsSimulator() {
        this(0, UcsSimSettings.defaults());
    }

    public UcsSimulator(int port) {
        this(port, UcsSimSettings.defaults());
    }

    public UcsSimulator(int port, UcsSimSettings settings) {
        this.requestedPort = port;
        this.settings = settings;
        this.initial = settings.copy();
        this.clock = Clock.systemUTC();
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized UcsSimulator start() {
        if (server != null) return this;
        scheduler = SimScheduler.threaded("ucs-sim-timer");
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("ucs-sim");
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector connector = new ServerConnector(s, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        s.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        // Any path upgrades: the page's api.path decides where the script connects, as with a real UCS proxy.
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, context, container -> {
            container.setIdleTimeout(Duration.ofHours(12));
            container.addMapping("/*", (req, resp, cb) -> new WsEndpoint());
        });
        ws.setHandler(new UcsHttpHandler(this));
        context.setHandler(ws);
        gate.setHandler(context);
        s.setHandler(gate);
        try {
            s.start();
        } catch (Exception e) {
            scheduler.close();
            throw new IllegalStateException("UCS simulator could not start on 127.0.0.1:" + requestedPort, e);
        }
        server = s;
        port = connector.getLocalPort();
        scheduleReaper();
        return this;
    }

    private synchronized void scheduleReaper() {
        if (scheduler == null || server == null) return;
        reaper = scheduler.schedule(() -> {
            reapIdlePolls();
            scheduleReaper();
        }, 15_000);
    }

    public synchronized void stop() {
        stopDemoLoop();
        if (reaper != null) reaper.cancel();
        for (PollPage p : List.copyOf(polls.values())) closePoll(p.sid);
        for (Page p : pages) p.closed();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "UCS simulator stop failed", e);
            }
            server = null;
        }
        if (scheduler != null) scheduler.close();
        scheduler = null;
        pages.clear();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
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

    /** Accepts requests addressed to another loopback port that forwards here (a proxy in tests). */
    public UcsSimulator allowForwardedPort(int port) {
        gate.allowPort(port);
        return this;
    }

    public String scriptUrl() {
        return origin() + SCRIPT_PATH;
    }

    /** ws://127.0.0.1:PORT/operator/ws, the default the script uses when api gives no path. */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + port + WS_PATH;
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
        Page p = latest;
        return p == null ? null : p.state;
    }

    /** The flags the latest page sent in its hello (listDevices, withoutDevice, headless, ...). */
    public Map<String, Object> hello() {
        return lastHello;
    }

    public int connectedPages() {
        return pages.size();
    }

    public List<Recorded> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Waits for the next recording of {@code method}: each call returns a later record than the previous
     * call for the same method did, so a test can await the same method twice in a row.
     */
    public Recorded awaitRecorded(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (recorded) {
            while (true) {
                int from = awaitCursor.getOrDefault(method, 0);
                for (int i = from; i < recorded.size(); i++) {
                    if (recorded.get(i).method().equals(method)) {
                        awaitCursor.put(method, i + 1);
                        return recorded.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + method + " recorded within " + timeout + "; got " + recorded);
                recorded.wait(Math.max(1, left / 1_000_000));
            }
        }
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
        synchronized (recorded) {
            recorded.clear();
            awaitCursor.clear();
        }
        settings.restore(initial);
    }

    private void record(Recorded r) {
        synchronized (recorded) {
            recorded.add(r);
            if (recorded.size() > MAX_RECORDED) {
                recorded.remove(0);
                awaitCursor.replaceAll((k, v) -> Math.max(0, v - 1));
            }
            recorded.notifyAll();
        }
    }

    // ---------------------------------------------------------------- scenarios

    public static List<ScenarioInfo> scenarios() {
        List<ScenarioInfo> l = new ArrayList<>();
        l.add(new ScenarioInfo("inbound", "An inbound call rings on the READY agent's phone (onCallRinging INCOMING) and waits for answer.",
                params("number", "caller number (default 777123456)", "name", "caller name from the CRM lookup",
                        "queue", "queue id or name (called_name/called_number)", "data", "object: call metadata",
                        "autoHangupAfterMs", "the caller hangs up after this many ms (0 = never)")));
        l.add(new ScenarioInfo("outbound", "How the agent's next dial behaves.",
                params("behavior", "answer | busy | noanswer (default answer)")));
        l.add(new ScenarioInfo("busy", "The next dialled number is busy (onCallHangup cause 1).", Map.of()));
        l.add(new ScenarioInfo("remote-hangup", "The other party hangs up the current call (cause 3 on inbound, 4 on outbound).", Map.of()));
        l.add(new ScenarioInfo("waiting-callers", "Callers waiting in the agent's queues (onWaitingCallersChange).",
                params("count", "number of waiting callers")));
        l.add(new ScenarioInfo("login-error", "The next login or sso fails with onLoginError(code, message).",
                params("code", "default 401", "message", "default Invalid credentials")));
        l.add(new ScenarioInfo("acw", "After the next hangup of a talked call the agent goes to ACW, then READY.",
                params("ms", "ACW length (default delays.acwMs)", "always", "true: after every call until reset")));
        l.add(new ScenarioInfo("aux-reasons", "Replaces the AUX reasons.", params("reasons", "array of strings")));
        l.add(new ScenarioInfo("devices", "Replaces the phones offered in onIdentify.",
                params("devices", "array of {identifier, name, number?, id?}")));
        l.add(new ScenarioInfo("consult-answer", "How consultation (transfer) targets behave.",
                params("behavior", "answer | busy | noanswer (default answer)")));
        l.add(new ScenarioInfo("error", "Pushes onError(message).", params("message", "text")));
        l.add(new ScenarioInfo("warning", "Pushes onWarning(message).", params("message", "text")));
        l.add(new ScenarioInfo("queue-suspend", "UCS suspends (or resumes) the agent in a queue: onAgentSuspend/onAgentResume.",
                params("queue", "queue id", "resume", "true to resume instead")));
        l.add(new ScenarioInfo("delays", "Changes timings (ms); absent keys keep their value.",
                params("outboundRingMs", "", "noAnswerMs", "", "consultRingMs", "", "acwMs", "", "demoIntervalMs", "",
                        "preset", "fast | realistic")));
        return l;
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /**
     * Runs a scenario.
     *
     * @return a small result object (e.g. the uniqueid of the offered call)
     * @throws IllegalArgumentException unknown scenario or bad parameters
     * @throws IllegalStateException    the scenario needs a page in a state it is not in
     */
    public Map<String, Object> scenario(String name, Map<String, Object> params) {
        Map<String, Object> p = params == null ? Map.of() : params;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", name);
        switch (name) {
            case "inbound": {
                Object data = p.get("data");
                Map<String, Object> d = new LinkedHashMap<>();
                if (data instanceof Map<?, ?> m) m.forEach((k, v) -> d.put(String.valueOf(k), v));
                SimCall c = requireState().offerInbound(str(p, "number", null), str(p, "name", null), p.get("queue"), d,
                        num(p, "autoHangupAfterMs", 0));
                out.put("uniqueid", c.uniqueid());
                out.put("id", c.id());
                break;
            }
            case "outbound":
                settings.armNextDial(behavior(p));
                break;
            case "busy":
                settings.armNextDial("busy");
                break;
            case "remote-hangup":
                out.put("uniqueid", requireState().remoteHangup().uniqueid());
                break;
            case "waiting-callers":
                requireState().waitingCallers((int) num(p, "count", 0));
                break;
            case "login-error":
                settings.armLoginError(new UcsSimSettings.LoginError((int) num(p, "code", 401),
                        str(p, "message", "Invalid credentials")));
                break;
            case "acw": {
                long ms = num(p, "ms", settings.delays().acwMs());
                if (Boolean.TRUE.equals(p.get("always"))) settings.acwAfterEveryCall(ms);
                else settings.armAcw(ms);
                break;
            }
            case "aux-reasons":
                settings.auxReasons(strings(p.get("reasons"), "reasons"));
                break;
            case "devices":
                settings.devices(devices(p.get("devices")));
                break;
            case "consult-answer":
                settings.consultBehavior(behavior(p));
                break;
            case "error":
                requireState().pushError(str(p, "message", "Simulated UCS error"));
                break;
            case "warning":
                requireState().pushWarning(str(p, "message", "Simulated UCS warning"));
                break;
            case "queue-suspend":
                requireState().queueSuspend((int) num(p, "queue", 1), !Boolean.TRUE.equals(p.get("resume")));
                break;
            case "delays":
                settings.delays(delays(p));
                out.put("delays", settings.delays());
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + name);
        }
        out.put("ok", true);
        return out;
    }

    private UcsSimState requireState() {
        UcsSimState s = state();
        if (s == null) throw new IllegalStateException("no page is connected to the UCS simulator");
        return s;
    }

    private static String behavior(Map<String, Object> p) {
        String b = str(p, "behavior", str(p, "outcome", "answer"));
        if (!List.of("answer", "busy", "noanswer").contains(b)) {
            throw new IllegalArgumentException("behavior must be answer, busy or noanswer, not " + b);
        }
        return b;
    }

    private UcsSimSettings.Delays delays(Map<String, Object> p) {
        UcsSimSettings.Delays d = "fast".equals(p.get("preset")) ? UcsSimSettings.Delays.fast()
                : "realistic".equals(p.get("preset")) ? UcsSimSettings.Delays.realistic() : settings.delays();
        return new UcsSimSettings.Delays(num(p, "outboundRingMs", d.outboundRingMs()), num(p, "noAnswerMs", d.noAnswerMs()),
                num(p, "consultRingMs", d.consultRingMs()), num(p, "acwMs", d.acwMs()), num(p, "demoIntervalMs", d.demoIntervalMs()));
    }

    private static List<String> strings(Object o, String key) {
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException(key + " must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Object x : l) out.add(String.valueOf(x));
        return out;
    }

    private static List<UcsSimSettings.SimDevice> devices(Object o) {
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException("devices must be an array");
        List<UcsSimSettings.SimDevice> out = new ArrayList<>();
        int n = 0;
        for (Object x : l) {
            n++;
            if (!(x instanceof Map<?, ?> m) || m.get("identifier") == null) {
                throw new IllegalArgumentException("each device needs an identifier");
            }
            String ident = String.valueOf(m.get("identifier"));
            Object id = m.get("id");
            out.add(new UcsSimSettings.SimDevice(id instanceof Number num ? num.intValue() : n, ident,
                    m.get("name") == null ? ident : String.valueOf(m.get("name")),
                    m.get("number") == null ? ident : String.valueOf(m.get("number"))));
        }
        return out;
    }

    private static String str(Map<String, Object> p, String k, String def) {
        Object v = p.get(k);
        return v == null ? def : String.valueOf(v);
    }

    private static long num(Map<String, Object> p, String k, long def) {
        Object v = p.get(k);
        if (v == null) return def;
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k + " must be a number, not " + v);
        }
    }

    // ---------------------------------------------------------------- demo loop

    private static final String[][] DEMO_CALLERS = {
            {"777123456", "Jana Nováková"}, {"603987654", "Tomáš Dvořák"}, {"+420224123456", "ACME s.r.o."},
            {"731555666", null}, {"608111222", "Eva Svobodová"}};

    /**
     * Offers an inbound call every delays.demoIntervalMs while the latest page's agent is READY with no
     * call; the caller gives up after 30 s when nobody answers, as a real queue would move on.
     */
    public synchronized void startDemoLoop() {
        if (scheduler == null) throw new IllegalStateException("start the simulator first");
        stopDemoLoop();
        Random random = new Random();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            UcsSimState s = state();
            if (s != null && s.idleAndReady()) {
                String[] c = DEMO_CALLERS[random.nextInt(DEMO_CALLERS.length)];
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("customer_id", String.valueOf(10000 + random.nextInt(90000)));
                try {
                    s.offerInbound(c[0], c[1], random.nextBoolean() ? 1 : 2, data, 30_000);
                } catch (IllegalStateException e) {
                    // The agent left READY between the check and the offer; try again next tick.
                }
            }
            synchronized (UcsSimulator.this) {
                if (demoTask != null && scheduler != null) demoTask = scheduler.schedule(tick[0], settings.delays().demoIntervalMs());
            }
        };
        demoTask = scheduler.schedule(tick[0], settings.delays().demoIntervalMs());
    }

    public synchronized boolean demoLoopRunning() {
        return demoTask != null;
    }

    public synchronized void stopDemoLoop() {
        if (demoTask != null) {
            demoTask.cancel();
            demoTask = null;
        }
    }

    // ---------------------------------------------------------------- pages and their transports

    /**
     * One connected page, whatever carries its messages (websocket, or HTTP long-poll where the
     * WebView's websocket does not work). The protocol is in docs/simulators/ucs.md.
     */
    final class Page {
        private final java.util.function.Consumer<String> out;
        private final UcsSimState state = new UcsSimState(settings, (r, ms) -> scheduler.schedule(r, ms), clock, this::push,
                UcsSimulator.this::record);
        private volatile boolean open = true;

        Page(java.util.function.Consumer<String> out) {
            this.out = out;
            pages.add(this);
            latest = this;
        }

        @SuppressWarnings("unchecked")
        void onText(String text) {
            Map<String, Object> msg;
            try {
                msg = json.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                push("onWarning", List.of("UCS simulator: malformed message"));
                return;
            }
            if (msg.get("hello") instanceof Map<?, ?> h) {
                Map<String, Object> flags = new LinkedHashMap<>();
                h.forEach((k, v) -> flags.put(String.valueOf(k), v));
                lastHello = Map.copyOf(withoutNulls(flags));
                latest = this;
                state.connect(flags);
            } else if (msg.get("m") instanceof String method) {
                Object a = msg.get("a");
                state.handle(method, a instanceof List<?> l ? new ArrayList<>(l) : List.of());
                // Methods that push nothing (state, selectRingingSound) still change what state() returns.
                synchronized (state) {
                    send(Map.of("s", state.snapshot()));
                }
            } else {
                push("onWarning", List.of("UCS simulator: message has neither hello nor m"));
            }
        }

        void closed() {
            open = false;
            state.close();
            pages.remove(this);
            if (latest == this) latest = pages.isEmpty() ? null : pages.get(pages.size() - 1);
        }

        /** Called under the state's lock, so the snapshot matches the callback it rides with. */
        private void push(String callback, List<Object> args) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cb", callback);
            m.put("a", args);
            m.put("s", state.snapshot());
            send(m);
        }

        private void send(Map<String, Object> m) {
            if (!open) return;
            try {
                out.accept(json.writeValueAsString(m));
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "UCS simulator could not encode a push", e);
            }
        }
    }

    /** The websocket transport. Public only because Jetty calls the listener methods reflectively. */
    public final class WsEndpoint implements Session.Listener.AutoDemanding {
        private volatile Session session;
        private Page page;

        WsEndpoint() {
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            page = new Page(text -> {
                Session ss = session;
                if (ss != null && ss.isOpen()) ss.sendText(text, Callback.NOOP);
            });
        }

        @Override
        public void onWebSocketText(String text) {
            page.onText(text);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            if (page != null) page.closed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "UCS simulator websocket error", cause);
        }
    }

    /**
     * The long-poll transport: pushes wait in a numbered buffer until the page fetches them. Needed
     * because JavaFX 21.0.5's WebView cannot open websockets (docs/simulators/ucs.md).
     */
    final class PollPage {
        static final long MAX_WAIT_MS = 20_000;
        static final long IDLE_CLOSE_MS = 60_000;
        final String sid = java.util.UUID.randomUUID().toString();
        private final List<String> buffer = new ArrayList<>();
        private long firstSeq = 0;
        private volatile long lastSeen = System.nanoTime();
        final Page page;

        PollPage() {
            page = new Page(this::enqueue);
        }

        private synchronized void enqueue(String text) {
            buffer.add(text);
            notifyAll();
        }

        /** Messages after {@code after} (a sequence number the page got from its previous poll). */
        synchronized Map<String, Object> poll(long after, long waitMs) throws InterruptedException {
            lastSeen = System.nanoTime();
            // Everything before 'after' reached the page: drop it so the buffer stays bounded.
            while (firstSeq < after && !buffer.isEmpty()) {
                buffer.remove(0);
                firstSeq++;
            }
            long deadline = System.nanoTime() + waitMs * 1_000_000;
            while (firstSeq + buffer.size() <= after && page.open) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                wait(Math.max(1, left / 1_000_000));
            }
            List<Object> messages = new ArrayList<>();
            int from = (int) Math.max(0, after - firstSeq);
            for (int i = from; i < buffer.size(); i++) messages.add(new com.fasterxml.jackson.databind.util.RawValue(buffer.get(i)));
            lastSeen = System.nanoTime();
            return Map.of("next", firstSeq + buffer.size(), "messages", messages);
        }

        boolean idle() {
            return System.nanoTime() - lastSeen > IDLE_CLOSE_MS * 1_000_000;
        }

        /** Not synchronized around page.closed(): a push holds the state's lock and then wants ours. */
        void close() {
            page.closed();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    PollPage openPoll() {
        PollPage p = new PollPage();
        polls.put(p.sid, p);
        return p;
    }

    PollPage poll(String sid) {
        return polls.get(sid);
    }

    void closePoll(String sid) {
        PollPage p = polls.remove(sid);
        if (p != null) p.close();
    }

    private void reapIdlePolls() {
        for (PollPage p : List.copyOf(polls.values())) {
            if (p.idle()) closePoll(p.sid);
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }
}
