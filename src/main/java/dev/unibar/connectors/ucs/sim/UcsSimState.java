package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Scheduler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The UCS operator bar's state machine for one connected page (seed 002), without any socket: method
 * calls go in through {@link #handle} ({@link UcsMethods}), callbacks come out through a {@link Sink}. The
 * session ({@link UcsSession}), the calls ({@link UcsCalls}) and the queues ({@link UcsQueues}) share this
 * one lock: every public method is synchronized, and timed actions re-enter through the same lock, so
 * pushes leave in a consistent order.
 */
public final class UcsSimState {

    /** The phases of seed 002; CONNECTING is before the page said hello. */
    public enum Phase { CONNECTING, CREDENTIALS, IDENTIFY, DEVICE, READY }

    /** Where callbacks go: {@code window.ucsOperator[callback](...args)} on the page. */
    @FunctionalInterface
    public interface Sink {
        void push(String callback, List<Object> args);
    }

    public static final List<String> STATUSES = List.of("OFFLINE", "READY", "ACW", "AUX");

    /** Every method the fake script adds to window.ucsOperator. */
    public static Set<String> methods() {
        return UcsMethods.ALLOWED.keySet();
    }

    private final UcsSimSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Sink sink;
    private final Consumer<Recorded> recorder;
    private final UcsSession session;
    private final UcsCalls calls;
    private final UcsShapes shapes;
    private final UcsQueues queues;

    private Phase phase = Phase.CONNECTING;
    private Map<String, Object> flags = Map.of();
    private String ringingSound = "default";
    private boolean closed;
    /** Callbacks of the method being handled, sent once it is recorded; null outside handle(). */
    private List<Object[]> held;

    public UcsSimState(UcsSimSettings settings, Scheduler scheduler, Clock clock, Sink sink, Consumer<Recorded> recorder) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sink = sink;
        this.recorder = recorder;
        this.session = new UcsSession(this, settings);
        this.calls = new UcsCalls(this, settings);
        this.shapes = new UcsShapes(this, settings);
        this.queues = new UcsQueues(this, settings);
    }

    // ---------------------------------------------------------------- lifecycle

    /** The page's hello: its window.ucsOperator flags. Starts the seed's sequence onConnect, onCredentials. */
    public synchronized void connect(Map<String, Object> pageFlags) {
        flags = pageFlags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pageFlags));
        phase = Phase.CREDENTIALS;
        push("onConnect", UcsSimSettings.VERSION);
        push("onCredentials");
    }

    /** The page went away: timers stop, nothing more is pushed. */
    public synchronized void close() {
        closed = true;
        calls.close();
    }

    // ---------------------------------------------------------------- methods from the page

    /**
     * Runs one method the page called. Refused calls are not executed: they push onWarning and are
     * recorded with accepted=false.
     *
     * @return whether it was accepted
     */
    public synchronized boolean handle(String method, List<Object> args) {
        List<Object> a = args == null ? List.of() : args;
        Phase before = phase;
        boolean ok = false;
        Set<Phase> allowed = UcsMethods.ALLOWED.get(method);
        List<Object[]> out = new ArrayList<>();
        held = out;
        try {
            if (!closed && allowed != null && allowed.contains(phase)) ok = UcsMethods.run(this, method, a);
            else if (!closed) refuse(allowed == null ? "Unknown method " + method : method + " is not allowed in state " + phase);
        } finally {
            held = null;
            // Recorded before its callbacks leave: whoever sees a callback can rely on the record.
            recorder.accept(new Recorded(method, Recorded.mask(method, a), before.name(), ok, clock.instant()));
            for (Object[] p : out) pushNow((String) p[0], (Object[]) p[1]);
        }
        return ok;
    }

    boolean selectRingingSound(String sound) {
        if (!UcsSimSettings.RINGING_SOUNDS.contains(sound)) return refuse("selectRingingSound: unknown sound " + sound);
        ringingSound = sound;
        return true;
    }

    // ---------------------------------------------------------------- scenarios acting on this session

    /**
     * An inbound call rings on the agent's phone.
     *
     * @param queue             a queue id or name, or null for a direct call
     * @param autoHangupAfterMs the caller gives up or hangs up after this long; 0 = never
     */
    public synchronized SimCall offerInbound(String number, String name, Object queue, Map<String, Object> data,
                                             long autoHangupAfterMs) {
        requireReady("inbound");
        return calls.offerInbound(number, name, queues.byIdOrName(queue), queue, data, autoHangupAfterMs);
    }

    /** The other party hangs up the current call: cause 3 when they called, 4 when the agent did. */
    public synchronized SimCall remoteHangup() {
        return calls.remoteHangup();
    }

    public synchronized void waitingCallers(int count) {
        queues.waitingCallers(count);
    }

    public synchronized void pushError(String message) {
        push("onError", message);
    }

    public synchronized void pushWarning(String message) {
        push("onWarning", message);
    }

    /** A supervisor (or UCS itself) takes the agent out of a queue or back in. */
    public synchronized void queueSuspend(int queueId, boolean suspend) {
        requireReady("queue-suspend");
        queues.supervisorSuspends(queueId, suspend);
    }

    /** The demo loop's question: would a real queue offer this agent a call now? */
    public synchronized boolean idleAndReady() {
        return !closed && phase == Phase.READY && "READY".equals(session.status) && calls.none();
    }

    // ---------------------------------------------------------------- reading the state

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized String status() {
        return session.status;
    }

    public synchronized String reason() {
        return session.reason;
    }

    public synchronized String username() {
        return session.user == null ? null : session.user.username();
    }

    public synchronized String deviceIdentifier() {
        return session.device == null ? null : session.device.identifier();
    }


    /** Live calls, oldest first (ended calls are gone). */
    public synchronized List<SimCall> calls() {
        return calls.live();
    }

    public synchronized SimCall currentCall() {
        return calls.current();
    }

    public synchronized int waitingCallers() {
        return queues.waitingCallers();
    }

    public synchronized Set<Integer> suspendedQueues() {
        return queues.suspended();
    }

    public synchronized String accountCode(String uniqueid) {
        return calls.accountCode(uniqueid);
    }

    public synchronized String ringingSound() {
        return ringingSound;
    }

    /** What ucsOperator.state() returns: the onReady object plus ringingSound; null unless READY. */
    public synchronized Map<String, Object> stateForPage() {
        if (phase != Phase.READY) return null;
        Map<String, Object> s = shapes.state();
        s.put("ringingSound", ringingSound);
        return s;
    }

    /** Everything the fake script needs to answer state() and draw its GUI. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", phase.name());
        m.put("status", session.status);
        m.put("reason", session.reason);
        m.put("username", username());
        m.put("displayname", session.user == null ? null : session.user.displayname());
        m.put("device", session.device == null ? null : session.device.toMap());
        m.put("devices", phase == Phase.IDENTIFY ? shapes.devices() : List.of());
        m.put("loginError", session.loginError);
        m.put("transferring", calls.transferring());
        List<Object> live = new ArrayList<>();
        for (SimCall c : calls.live()) live.add(c.toMap(nowSeconds()));
        m.put("calls", live);
        m.put("auxReasons", settings.auxReasons());
        m.put("waitingCallers", queues.waitingCallers());
        m.put("state", stateForPage());
        return m;
    }

    /** For tests of the 1–65535 rotation. */
    synchronized void lastCallId(int id) {
        calls.lastCallId(id);
    }

    // ---------------------------------------------------------------- shared with the session, calls and shapes

    UcsSession session() {
        return session;
    }

    UcsCalls callBook() {
        return calls;
    }

    UcsShapes shapes() {
        return shapes;
    }

    void phase(Phase p) {
        phase = p;
    }

    UcsQueues queues() {
        return queues;
    }

    boolean refuse(String message) {
        push("onWarning", message);
        return false;
    }

    boolean flag(String name) {
        Object v = flags.get(name);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /** Runs {@code r} later under this lock, unless the page went away meanwhile. */
    Scheduler.Task later(long ms, Runnable r) {
        return scheduler.schedule(() -> {
            synchronized (this) {
                if (!closed) r.run();
            }
        }, ms);
    }

    void push(String callback, Object... args) {
        if (closed) return;
        if (held != null) held.add(new Object[]{callback, args});
        else pushNow(callback, args);
    }

    private void pushNow(String callback, Object[] args) {
        if (closed) return;
        sink.push(callback, new ArrayList<>(Arrays.asList(args)));
    }

    private void requireReady(String what) {
        if (closed || phase != Phase.READY) {
            throw new IllegalStateException(what + ": the agent is not READY (phase " + phase + ")");
        }
    }

    static Integer toInt(Object o) {
        if (o instanceof Number n) return n.intValue();
        if (o instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
