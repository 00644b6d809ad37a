package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimDevice;
import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimQueue;
import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimUser;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The UCS operator bar's state machine for one connected page (seed 002), without any socket: method
 * calls go in through {@link #handle}, callbacks come out through a {@link Sink}. Every public method is
 * synchronized, and timed actions re-enter through the same lock, so pushes leave in a consistent order.
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

    /** Seed 002, "Funkce je možné volat v následujících stavech", plus the methods the seed lists no state for. */
    static final Map<String, Set<Phase>> ALLOWED;

    static {
        Map<String, Set<Phase>> m = new LinkedHashMap<>();
        Set<Phase> ready = EnumSet.of(Phase.READY);
        m.put("login", EnumSet.of(Phase.CREDENTIALS));
        m.put("sso", EnumSet.of(Phase.CREDENTIALS));
        m.put("logout", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE, Phase.READY));
        m.put("selectIdentifier", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE));
        m.put("provision", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE));
        m.put("identify", EnumSet.of(Phase.DEVICE, Phase.READY));
        for (String s : List.of("changeStatus", "suspend", "resume", "answer", "dial", "hangup", "transfer",
                "hold", "unhold", "state", "selectRingingSound",
                // Not in the seed's list; they act on calls or the phone, which exist only when READY.
                "finishTransfer", "blindTransfer", "mute", "setAccountCode", "testRingingSound", "stopRingingSoundTest")) {
            m.put(s, ready);
        }
        m.put("notify", EnumSet.allOf(Phase.class));
        ALLOWED = Collections.unmodifiableMap(m);
    }

    /** Every method the fake script adds to window.ucsOperator. */
    public static Set<String> methods() {
        return ALLOWED.keySet();
    }

    private static final AtomicLong UNIQUE_SEQ = new AtomicLong();
    private static final int HISTORY = 50;

    private final UcsSimSettings settings;
    private final SimScheduler scheduler;
    private final Clock clock;
    private final Sink sink;
    private final Consumer<Recorded> recorder;

    private Phase phase = Phase.CONNECTING;
    private Map<String, Object> flags = Map.of();
    private SimUser user;
    private SimDevice device;
    private String status = "OFFLINE";
    private String reason;
    private String loginError;
    private final List<SimCall> calls = new ArrayList<>();
    private final List<SimCall> history = new ArrayList<>();
    private final Map<String, String> accountCodes = new LinkedHashMap<>();
    private final Set<Integer> suspended = new HashSet<>();
    private SimCall transferFrom;
    private SimScheduler.Task acwTask;
    private int waitingCallers;
    private String ringingSound = "default";
    private int lastCallId;
    private boolean closed;
    /** Callbacks of the method being handled, sent once it is recorded; null outside handle(). */
    private List<Object[]> held;
    private int inAnswered, inUnanswered, outAnswered, outUnanswered, transferred;

    public UcsSimState(UcsSimSettings settings, SimScheduler scheduler, Clock clock, Sink sink, Consumer<Recorded> recorder) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sink = sink;
        this.recorder = recorder;
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
        for (SimCall c : calls) c.cancelPending();
        cancelAcw();
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
        Set<Phase> allowed = ALLOWED.get(method);
        List<Object[]> out = new ArrayList<>();
        held = out;
        try {
            if (!closed && allowed != null && allowed.contains(phase)) ok = dispatch(method, a);
            else if (!closed) refuse(allowed == null ? "Unknown method " + method : method + " is not allowed in state " + phase);
        } finally {
            held = null;
            // Recorded before its callbacks leave: whoever sees a callback can rely on the record.
            recorder.accept(new Recorded(method, Recorded.mask(method, a), before.name(), ok, clock.instant()));
            for (Object[] p : out) pushNow((String) p[0], (Object[]) p[1]);
        }
        return ok;
    }

    private boolean dispatch(String m, List<Object> a) {
        switch (m) {
            case "login": return login(str(a, 0), str(a, 1));
            case "sso": return sso(str(a, 0), str(a, 1));
            case "logout": return logout();
            case "selectIdentifier": return selectIdentifier(str(a, 0));
            case "provision": return provision();
            case "identify": return identify();
            case "changeStatus": return changeStatus(str(a, 0), str(a, 1));
            case "suspend": return suspendQueue(arg(a, 0), true, "suspend");
            case "resume": return suspendQueue(arg(a, 0), false, "resume");
            case "answer": return answer();
            case "dial": return dial(str(a, 0), arg(a, 1), arg(a, 3));
            case "hangup": return hangup();
            case "transfer": return transfer(str(a, 0));
            case "finishTransfer": return finishTransfer();
            case "blindTransfer": return blindTransfer(str(a, 0));
            case "hold": return hold();
            case "unhold": return unhold();
            case "mute": return mute();
            case "notify": return notifyMessage(a);
            case "setAccountCode": return setAccountCode(str(a, 0), str(a, 1), str(a, 2));
            case "selectRingingSound": return selectRingingSound(str(a, 0));
            case "state":
            case "testRingingSound":
            case "stopRingingSoundTest":
                return true;
            default:
                return refuse("Unknown method " + m);
        }
    }

    private boolean login(String username, String password) {
        UcsSimSettings.LoginError armed = settings.takeLoginError();
        if (armed != null) return loginFailed(armed.code(), armed.message());
        SimUser u = settings.user(username);
        if (u == null || password == null || !u.password().equals(password)) {
            return loginFailed(401, "Invalid credentials");
        }
        loggedIn(u);
        return true;
    }

    private boolean sso(String username, String token) {
        UcsSimSettings.LoginError armed = settings.takeLoginError();
        if (armed != null) return loginFailed(armed.code(), armed.message());
        SsoToken.Verdict v = SsoToken.verify(token, username, settings.ssoSecret(), clock.instant().getEpochSecond(),
                settings.ssoWindowSeconds());
        if (v == SsoToken.Verdict.EXPIRED) return loginFailed(401, "SSO token expired");
        if (v != SsoToken.Verdict.OK) return loginFailed(401, "Invalid SSO token");
        SimUser u = settings.user(username);
        if (u == null) return loginFailed(404, "Unknown user " + username);
        loggedIn(u);
        return true;
    }

    /** A failed login still ran (UCS answered it), so it counts as accepted. */
    private boolean loginFailed(int code, String message) {
        loginError = message;
        push("onLoginError", code, message);
        return true;
    }

    private void loggedIn(SimUser u) {
        user = u;
        loginError = null;
        status = settings.initialStatus();
        reason = "AUX".equals(status) ? settings.initialReason() : null;
        if (flag("withoutDevice")) {
            device = null;
            phase = Phase.READY;
            push("onUser", userMap());
            push("onReady", stateObject());
        } else {
            phase = Phase.IDENTIFY;
            push("onUser", userMap());
            push("onIdentify", deviceList());
        }
    }

    private boolean logout() {
        cancelAcw();
        for (SimCall c : calls) c.cancelPending();
        calls.clear();
        transferFrom = null;
        boolean wasReady = phase == Phase.READY;
        if (wasReady && !"OFFLINE".equals(status)) {
            status = "OFFLINE";
            reason = null;
            push("onStateChange", statusMap());
        }
        user = null;
        device = null;
        phase = Phase.CREDENTIALS;
        push("onCredentials");
        return true;
    }

    private boolean selectIdentifier(String identifier) {
        SimDevice d = null;
        for (SimDevice x : settings.devices()) {
            if (x.identifier().equals(identifier)) d = x;
        }
        if (d == null) return refuse("Unknown identifier: " + identifier);
        device = d;
        phase = Phase.DEVICE;
        push("onIdentifier", identifier);
        push("onDevice", d.toMap());
        if (!flag("confirmDevice")) goReady();
        return true;
    }

    private boolean provision() {
        if (device == null) return refuse("provision: no phone is paired");
        goReady();
        return true;
    }

    private void goReady() {
        phase = Phase.READY;
        push("onReady", stateObject());
    }

    /** The phone stays known: provision in IDENTIFY pairs it again, selectIdentifier picks another. */
    private boolean identify() {
        phase = Phase.IDENTIFY;
        push("onIdentify", deviceList());
        return true;
    }

    private boolean changeStatus(String requested, String why) {
        String s = requested == null ? "" : requested.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) return refuse("changeStatus: unknown status " + requested);
        if ("AUX".equals(s) && (why == null || !settings.auxReasons().contains(why))) {
            return refuse("changeStatus: AUX needs a reason from auxReasons, got " + why);
        }
        cancelAcw();
        setStatus(s, "AUX".equals(s) ? why : null);
        return true;
    }

    private boolean suspendQueue(Object queueArg, boolean suspend, String method) {
        Integer q = toInt(queueArg);
        if (q == null || queue(q) == null) return refuse(method + ": unknown queue " + queueArg);
        applySuspend(q, suspend);
        return true;
    }

    private void applySuspend(int q, boolean suspend) {
        if (suspend) suspended.add(q);
        else suspended.remove(q);
        push(suspend ? "onAgentSuspend" : "onAgentResume", q);
    }

    private boolean answer() {
        SimCall c = last(x -> x.incoming() && x.state == SimCall.RINGING);
        if (c == null) return refuse("answer: no ringing inbound call");
        c.cancelPending();
        c.state = SimCall.CONNECTED;
        c.connectedAt = now();
        c.connected = agentParty();
        inAnswered++;
        push("onCallConnect", c.toMap(now()));
        return true;
    }

    private boolean dial(String number, Object queue, Object data) {
        if (number == null || number.isBlank()) return refuse("dial: a number is required");
        if (last(x -> x.state != SimCall.HELD) != null) return refuse("dial: a call is already in progress");
        boolean consult = transferFrom != null;
        String outcome = consult ? settings.consultBehavior() : settings.takeNextDial();
        if (settings.isBusy(number)) outcome = "busy";
        startOutbound(number.trim(), queue, data, consult, outcome == null ? "answer" : outcome);
        return true;
    }

    private void startOutbound(String number, Object queue, Object data, boolean consult, String outcome) {
        SimCall c = newCall("OUTGOING");
        c.caller = agentParty();
        c.called = number.length() <= 4
                ? new SimCall.Party(null, number, null, number, 1, true, null, "line", null, null)
                : SimCall.Party.remote(null, number);
        c.number = number;
        c.consultation = consult;
        Integer q = toInt(queue);
        if (q != null) c.outboundId = q;
        if (data instanceof Map<?, ?> d) {
            for (Map.Entry<?, ?> e : d.entrySet()) c.data.put(String.valueOf(e.getKey()), e.getValue());
        }
        calls.add(c);
        push("onCallNew", c.toMap(now()));
        c.state = SimCall.RINGING;
        push("onCallRinging", c.toMap(now()));
        UcsSimSettings.Delays d = settings.delays();
        long ring = consult ? d.consultRingMs() : d.outboundRingMs();
        switch (outcome) {
            case "busy":
                c.pending = later(ring / 2, () -> {
                    if (!c.ended()) endCall(c, SimCall.CAUSE_BUSY);
                });
                break;
            case "noanswer":
                c.pending = later(d.noAnswerMs(), () -> {
                    if (c.state == SimCall.RINGING) endCall(c, SimCall.CAUSE_UNAVAILABLE);
                });
                break;
            default:
                c.pending = later(ring, () -> {
                    if (c.state != SimCall.RINGING) return;
                    c.state = SimCall.CONNECTED;
                    c.connectedAt = now();
                    c.connected = c.called;
                    outAnswered++;
                    push("onCallConnect", c.toMap(now()));
                });
        }
    }

    private boolean hangup() {
        SimCall c = current();
        if (c == null) return refuse("hangup: no call");
        boolean talked = c.connectedAt != null;
        int cause;
        if (c.incoming() && c.state == SimCall.RINGING) cause = SimCall.CAUSE_REJECTED;
        else cause = c.incoming() ? SimCall.CAUSE_CALLED : SimCall.CAUSE_CALLER;
        endCall(c, cause);
        afterCall(c, talked);
        return true;
    }

    private boolean hold() {
        SimCall c = last(x -> x.state == SimCall.CONNECTED);
        if (c == null) return refuse("hold: no connected call");
        c.state = SimCall.HELD;
        push("onCallHold", c.toMap(now()));
        return true;
    }

    private boolean unhold() {
        SimCall c = last(x -> x.state == SimCall.HELD);
        if (c == null) return refuse("unhold: no call on hold");
        if (last(x -> x.state != SimCall.HELD) != null) return refuse("unhold: another call is active");
        c.state = SimCall.CONNECTED;
        if (c == transferFrom) transferFrom = null;
        push("onCallResume", c.toMap(now()));
        return true;
    }

    private boolean mute() {
        SimCall c = current();
        if (c == null || (c.state != SimCall.CONNECTED && c.state != SimCall.HELD)) return refuse("mute: no connected call");
        c.setAgentMuted(!c.agentMuted);
        push(c.agentMuted ? "onCallMute" : "onCallUnmute", c.toMap(now()));
        return true;
    }

    private boolean transfer(String number) {
        if (transferFrom != null) return refuse("transfer: a transfer is already in progress");
        SimCall c = last(x -> x.state == SimCall.CONNECTED && !x.consultation);
        if (c == null) return refuse("transfer: no connected call");
        c.state = SimCall.HELD;
        transferFrom = c;
        push("onCallHold", c.toMap(now()));
        if (number != null && !number.isBlank()) {
            String outcome = settings.isBusy(number) ? "busy" : settings.consultBehavior();
            startOutbound(number.trim(), null, null, true, outcome);
        }
        return true;
    }

    private boolean finishTransfer() {
        if (transferFrom == null || transferFrom.ended()) return refuse("finishTransfer: no transfer in progress");
        SimCall consult = last(x -> x.consultation);
        if (consult == null || consult.state != SimCall.CONNECTED) {
            return refuse("finishTransfer: the consultation call is not connected");
        }
        SimCall original = transferFrom;
        endCall(consult, SimCall.CAUSE_TRANSFER);
        endCall(original, SimCall.CAUSE_TRANSFER);
        transferred++;
        afterCall(original, true);
        return true;
    }

    private boolean blindTransfer(String number) {
        if (number == null || number.isBlank()) return refuse("blindTransfer: a number is required");
        SimCall c = last(x -> (x.state == SimCall.CONNECTED || x.state == SimCall.HELD) && !x.consultation);
        if (c == null) return refuse("blindTransfer: no connected call");
        endCall(c, SimCall.CAUSE_TRANSFER);
        transferred++;
        afterCall(c, true);
        return true;
    }

    private boolean notifyMessage(List<Object> a) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("message", str(a, 0));
        String type = str(a, 1);
        msg.put("type", type == null ? "info" : type);
        msg.put("group", str(a, 5));
        Object other = arg(a, 6);
        msg.put("data", other instanceof Map ? other : new LinkedHashMap<>());
        push("onMessage", msg);
        return true;
    }

    private boolean setAccountCode(String uniqueid, String code, String sub) {
        if (code == null || code.isBlank()) return refuse("setAccountCode: an account code is required");
        SimCall c = null;
        for (SimCall x : calls) if (x.uniqueid.equals(uniqueid)) c = x;
        for (SimCall x : history) if (x.uniqueid.equals(uniqueid)) c = x;
        if (c == null) return refuse("setAccountCode: unknown call " + uniqueid);
        String full = sub == null || sub.isBlank() ? code : code + "/" + sub;
        accountCodes.put(uniqueid, full);
        push("onInfo", "Account code " + full + " set for call " + uniqueid);
        return true;
    }

    private boolean selectRingingSound(String sound) {
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
        SimCall c = newCall("INCOMING");
        String num = number == null || number.isBlank() ? "777123456" : number;
        c.caller = SimCall.Party.remote(name, num);
        SimQueue q = queueByIdOrName(queue);
        if (q != null) {
            c.called = new SimCall.Party(q.name(), q.number(), null, null, null, false, null, "line", null, null);
        } else if (queue != null) {
            c.called = new SimCall.Party(String.valueOf(queue), null, null, null, null, false, null, "line", null, null);
        } else {
            SimCall.Party me = agentParty();
            c.called = me;
        }
        c.number = num;
        c.name = name;
        if (data != null) c.data.putAll(data);
        Object ext = c.data.get("external_id");
        if (ext != null) c.externalId = String.valueOf(ext);
        c.state = SimCall.RINGING;
        calls.add(c);
        push("onCallRinging", c.toMap(now()));
        if (autoHangupAfterMs > 0) {
            c.pending = later(autoHangupAfterMs, () -> {
                if (c.ended()) return;
                boolean talked = c.connectedAt != null;
                if (!talked) inUnanswered++;
                endCall(c, SimCall.CAUSE_CALLER);
                afterCall(c, talked);
            });
        }
        return c;
    }

    /** The other party hangs up the current call: cause 3 when they called, 4 when the agent did. */
    public synchronized SimCall remoteHangup() {
        SimCall c = current();
        if (c == null) throw new IllegalStateException("remote-hangup: there is no call");
        boolean talked = c.connectedAt != null;
        if (c.incoming() && !talked) inUnanswered++;
        endCall(c, c.incoming() ? SimCall.CAUSE_CALLER : SimCall.CAUSE_CALLED);
        afterCall(c, talked);
        return c;
    }

    public synchronized void waitingCallers(int count) {
        waitingCallers = Math.max(0, count);
        if (phase == Phase.READY) push("onWaitingCallersChange", waitingCallers);
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
        if (queue(queueId) == null) throw new IllegalArgumentException("queue-suspend: unknown queue " + queueId);
        applySuspend(queueId, suspend);
    }

    /** The demo loop's question: would a real queue offer this agent a call now? */
    public synchronized boolean idleAndReady() {
        return !closed && phase == Phase.READY && "READY".equals(status) && calls.isEmpty();
    }

    // ---------------------------------------------------------------- reading the state

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized String reason() {
        return reason;
    }

    public synchronized String username() {
        return user == null ? null : user.username();
    }

    public synchronized String deviceIdentifier() {
        return device == null ? null : device.identifier();
    }

    public synchronized Map<String, Object> flags() {
        return flags;
    }

    /** Live calls, oldest first (ended calls are gone). */
    public synchronized List<SimCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized SimCall currentCall() {
        return current();
    }

    public synchronized int waitingCallers() {
        return waitingCallers;
    }

    public synchronized Set<Integer> suspendedQueues() {
        return Set.copyOf(suspended);
    }

    public synchronized String accountCode(String uniqueid) {
        return accountCodes.get(uniqueid);
    }

    public synchronized String ringingSound() {
        return ringingSound;
    }

    /** What ucsOperator.state() returns: the onReady object plus ringingSound; null unless READY. */
    public synchronized Map<String, Object> stateForPage() {
        if (phase != Phase.READY) return null;
        Map<String, Object> s = stateObject();
        s.put("ringingSound", ringingSound);
        return s;
    }

    /** Everything the fake script needs to answer state() and draw its GUI. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", phase.name());
        m.put("status", status);
        m.put("reason", reason);
        m.put("username", username());
        m.put("displayname", user == null ? null : user.displayname());
        m.put("device", device == null ? null : device.toMap());
        m.put("devices", phase == Phase.IDENTIFY ? deviceList() : List.of());
        m.put("loginError", loginError);
        m.put("transferring", transferFrom != null);
        List<Object> live = new ArrayList<>();
        for (SimCall c : calls) live.add(c.toMap(now()));
        m.put("calls", live);
        m.put("auxReasons", settings.auxReasons());
        m.put("waitingCallers", waitingCallers);
        m.put("state", stateForPage());
        return m;
    }

    // ---------------------------------------------------------------- internals

    private Map<String, Object> stateObject() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status);
        s.put("reason", reason);
        SimCall c = current();
        s.put("call", c == null ? null : c.toMap(now()));
        s.put("user", user == null ? null : userMap());
        s.put("device", device == null ? null : device.toMap());
        s.put("auxReasons", named(settings.auxReasons()));
        s.put("callReasons", named(settings.callReasons()));
        List<Object> qs = new ArrayList<>();
        for (SimQueue q : settings.queues()) qs.add(queueMap(q));
        s.put("queues", qs);
        s.put("groups", List.of(Map.of("id", 1, "name", "Call centrum"), Map.of("id", 2, "name", "Supervizoři")));
        List<Object> agents = new ArrayList<>();
        for (SimUser u : settings.users()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", u.id());
            a.put("username", u.username());
            a.put("displayname", u.displayname());
            a.put("extension", u.extension());
            a.put("group_id", u.superuser() ? 2 : 1);
            a.put("status", user != null && user.username().equals(u.username()) ? status : "OFFLINE");
            agents.add(a);
        }
        s.put("agents", agents);
        s.put("waitingCallers", waitingCallers);
        s.put("now", now());
        return s;
    }

    private Map<String, Object> userMap() {
        SimUser u = user;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acwtime", 0);
        m.put("auxtime", 0);
        m.put("auxtimes", new LinkedHashMap<>());
        m.put("data", new LinkedHashMap<>());
        m.put("displayname", u.displayname());
        m.put("email", u.email());
        m.put("external_id", "ext-" + u.id());
        m.put("firstname", u.firstname());
        m.put("group_id", u.superuser() ? 2 : 1);
        m.put("id", u.id());
        m.put("idletime", 0);
        m.put("in_calls_answered", inAnswered);
        m.put("in_calls_unanswered", inUnanswered);
        m.put("in_ringtime", 0);
        m.put("in_talktime", 0);
        m.put("lastname", u.lastname());
        List<Object> lines = new ArrayList<>();
        for (SimDevice d : settings.devices()) if (java.util.Objects.equals(d.number(), u.extension())) lines.add(d.toMap());
        m.put("lines", lines);
        m.put("locale", "cs");
        m.put("number", u.extension());
        m.put("out_calls_answered", outAnswered);
        m.put("out_calls_unanswered", outUnanswered);
        m.put("out_ringtime", 0);
        m.put("out_talktime", 0);
        m.put("primary_extension", toInt(u.extension()));
        Map<String, Object> queues = new LinkedHashMap<>();
        for (SimQueue q : settings.queues()) queues.put(String.valueOf(q.id()), queueMap(q));
        m.put("queues", queues);
        m.put("readytime", 0);
        m.put("ringtime", 0);
        m.put("status", status);
        m.put("superuser", u.superuser());
        m.put("talktime", 0);
        m.put("transferred", transferred);
        m.put("transferred_external", 0);
        m.put("username", u.username());
        return m;
    }

    private Map<String, Object> queueMap(SimQueue q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answered", 0);
        m.put("name", q.name());
        m.put("number", q.number());
        m.put("priority", 1);
        m.put("queue_id", q.id());
        m.put("ringtime", 0);
        m.put("supervisor", user != null && user.superuser());
        m.put("suspended", suspended.contains(q.id()));
        m.put("suspendtime", 0);
        m.put("talktime", 0);
        m.put("team_id", 1);
        m.put("transferred", 0);
        m.put("transferred_external", 0);
        m.put("type", q.type());
        m.put("unanswered", 0);
        return m;
    }

    private static List<Object> named(List<String> names) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(Map.of("id", i + 1, "name", names.get(i)));
        return out;
    }

    private List<Object> deviceList() {
        if (!flag("listDevices")) return new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (SimDevice d : settings.devices()) out.add(d.toMap());
        return out;
    }

    private Map<String, Object> statusMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("reason", reason);
        return m;
    }

    private void setStatus(String s, String why) {
        status = s;
        reason = why;
        push("onStateChange", statusMap());
    }

    private void afterCall(SimCall c, boolean talked) {
        if (!talked || c.consultation || !calls.isEmpty() || phase != Phase.READY) return;
        long ms = settings.takeAcwMs();
        if (ms < 0) return;
        cancelAcw();
        setStatus("ACW", null);
        acwTask = later(ms, () -> {
            acwTask = null;
            if ("ACW".equals(status)) setStatus("READY", null);
        });
    }

    private void cancelAcw() {
        if (acwTask != null) {
            acwTask.cancel();
            acwTask = null;
        }
    }

    private void endCall(SimCall c, int cause) {
        c.cancelPending();
        if (!c.incoming() && c.connectedAt == null && !c.consultation) outUnanswered++;
        c.state = SimCall.HUNGUP;
        c.cause = cause;
        c.disconnectedAt = now();
        calls.remove(c);
        history.add(c);
        if (history.size() > HISTORY) history.remove(0);
        if (c == transferFrom) transferFrom = null;
        push("onCallHangup", c.toMap(now()));
    }

    /** The call the agent is on: the newest one not on hold, else the newest held one. */
    private SimCall current() {
        SimCall c = last(x -> x.state != SimCall.HELD);
        return c != null ? c : last(x -> true);
    }

    private SimCall last(java.util.function.Predicate<SimCall> p) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (p.test(calls.get(i))) return calls.get(i);
        }
        return null;
    }

    private SimCall newCall(String direction) {
        long created = now();
        lastCallId = lastCallId >= 65535 ? 1 : lastCallId + 1;
        return new SimCall(created + "." + UNIQUE_SEQ.incrementAndGet(), lastCallId, direction, created);
    }

    /** For tests of the 1–65535 rotation. */
    synchronized void lastCallId(int id) {
        lastCallId = id;
    }

    private SimCall.Party agentParty() {
        String number = device != null ? device.number() : user == null ? null : user.extension();
        return new SimCall.Party(user == null ? null : user.displayname(), number,
                number == null ? null : "SIP/" + number + "-00000001", number, user == null ? null : (user.superuser() ? 2 : 1),
                true, device == null ? null : device.id(), "line",
                user == null ? null : user.id(), user == null ? null : user.username());
    }

    private SimQueue queue(int id) {
        for (SimQueue q : settings.queues()) if (q.id() == id) return q;
        return null;
    }

    private SimQueue queueByIdOrName(Object queue) {
        if (queue == null) return null;
        Integer id = toInt(queue);
        if (id != null) return queue(id);
        for (SimQueue q : settings.queues()) if (q.name().equalsIgnoreCase(String.valueOf(queue))) return q;
        return null;
    }

    private void requireReady(String what) {
        if (closed || phase != Phase.READY) {
            throw new IllegalStateException(what + ": the agent is not READY (phase " + phase + ")");
        }
    }

    private boolean refuse(String message) {
        push("onWarning", message);
        return false;
    }

    private boolean flag(String name) {
        Object v = flags.get(name);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private SimScheduler.Task later(long ms, Runnable r) {
        return scheduler.schedule(() -> {
            synchronized (this) {
                if (!closed) r.run();
            }
        }, ms);
    }

    private void push(String callback, Object... args) {
        if (closed) return;
        if (held != null) held.add(new Object[]{callback, args});
        else pushNow(callback, args);
    }

    private void pushNow(String callback, Object[] args) {
        if (closed) return;
        sink.push(callback, new ArrayList<>(Arrays.asList(args)));
    }

    private static Object arg(List<Object> a, int i) {
        return i < a.size() ? a.get(i) : null;
    }

    private static String str(List<Object> a, int i) {
        Object o = arg(a, i);
        return o == null ? null : String.valueOf(o);
    }

    private static Integer toInt(Object o) {
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
