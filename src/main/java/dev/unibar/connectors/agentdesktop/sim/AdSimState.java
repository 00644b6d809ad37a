package dev.unibar.connectors.agentdesktop.sim;

import dev.unibar.simkit.CommandLog;
import dev.unibar.simkit.Scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the fake AgentDesktop does when a widget calls an SDK method: the contact and agent
 * sequences of the seed (blind transfer, consultation, after-call work) and, where the seed is
 * silent, the assumptions listed in docs/simulators/agentdesktop.md. Every call is recorded,
 * accepted or not. All methods synchronized: the HTTP threads and the answer timer share it.
 */
final class AdSimState {

    /** The consultation-start name is not public; the simulator answers to this one unless told otherwise. */
    static final String DEFAULT_CONSULT_METHOD = "Transfer_Consultation";
    static final String AGENT_ADDRESS = "80165@B2BUAEP.enghouse.com";

    private final Consumer<Map<String, Object>> emit;
    private final Consumer<String> alert;
    private final Map<String, AdContact> contacts = new LinkedHashMap<>();
    static final int MAX_RECORDED = 2000;
    private final CommandLog<Recorded> recorded = new CommandLog<>(MAX_RECORDED);
    private final AdCalls calls = new AdCalls(this);
    private String consultMethod = DEFAULT_CONSULT_METHOD;
    private String agentState = "LOGGEDOUT";
    private String pauseCode = "";
    private int nextLeg = 0x40;
    private int nextInbound = 0x140;
    /**
     * The seed's ids read {@code <hex counter>-<hex seconds>@<B2BUA>} ({@code 13b-5d9daab7@B2BUAGW1.enghouse.com}:
     * 0x5d9daab7 is a time in October 2019), so each B2BUA numbers its contacts from its own start (assumed): the
     * simulator's start second keeps its ids apart from an earlier run's, as a restarted B2BUA's would be.
     */
    private final String epoch = Long.toHexString(STARTS.updateAndGet(last -> Math.max(last + 1, Instant.now().getEpochSecond())));
    /** The last start second handed out: two simulators started within one second still differ. */
    private static final java.util.concurrent.atomic.AtomicLong STARTS = new java.util.concurrent.atomic.AtomicLong();
    /** Where the remote party of an outbound call answers; null = at once. */
    private Consumer<Runnable> later;
    /** Where a caller's patience runs (a ringing call abandoned); null = no timed far end. */
    private Scheduler timer;
    /** The next MakeCall is refused with this CONNECTIONCLEARED reason; null = placed. */
    private String refuseNextDial;

    AdSimState(Consumer<Map<String, Object>> emit, Consumer<String> alert) {
        this.emit = emit;
        this.alert = alert;
    }

    synchronized void answerLater(Consumer<Runnable> later) {
        this.later = later;
    }

    synchronized Consumer<Runnable> answerLater() {
        return later;
    }

    synchronized void timer(Scheduler timer) {
        this.timer = timer;
    }

    /** AgentDesktop refuses the next manual call (docs/vendors/agentdesktop.md, "Refused call": assumed shape). */
    synchronized void refuseNextDial(String reason) {
        this.refuseNextDial = reason == null || reason.isBlank() ? null : reason.trim();
    }

    /** The pending refusal, taken (once). */
    synchronized String takeDialRefusal() {
        String r = refuseNextDial;
        refuseNextDial = null;
        return r;
    }

    /** A supervisor-driven call: same behaviour as a widget's, not recorded. Returns the refusal or null. */
    synchronized String script(String ns, String method, List<Object> args) {
        return dispatch(ns, method, args);
    }

    synchronized void consultMethod(String name) {
        this.consultMethod = name;
    }

    synchronized String consultMethod() {
        return consultMethod;
    }

    List<Recorded> recorded() {
        return recorded.all();
    }

    synchronized void reset() {
        contacts.clear();
        recorded.clear();
        agentState = "LOGGEDOUT";
        pauseCode = "";
        refuseNextDial = null;
    }

    synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agentState);
        if (!pauseCode.isEmpty()) m.put("pauseCode", pauseCode);
        List<Object> list = new ArrayList<>();
        for (AdContact c : contacts.values()) {
            Map<String, Object> p = c.payload("STATE");
            p.remove("event");
            p.put("held", c.held);
            p.put("online", c.online);
            if (c.consultFor != null) p.put("consultFor", c.consultFor);
            list.add(p);
        }
        m.put("contacts", list);
        m.put("consultMethod", consultMethod);
        return m;
    }

    // ---- SDK calls -------------------------------------------------------------------------

    /** One call from the widget. Unknown names and bad arguments are recorded as refused. */
    synchronized void invoke(String ns, String method, List<Object> args) {
        String refusal;
        try {
            refusal = dispatch(ns, method, args);
        } catch (RuntimeException e) {
            refusal = "error: " + e.getMessage();
        }
        // A rehearsal that runs all day must not grow without end (the soak showed it): the log keeps the latest.
        recorded.add(new Recorded(ns, method, args, refusal == null, refusal == null ? "" : refusal, Instant.now()));
        if (refusal != null && !"WIDGET".equals(ns) && !"ALERT".equals(ns)) alert.accept(ns + "." + method + ": " + refusal);
    }

    private String dispatch(String ns, String method, List<Object> args) {
        if ("CONTACT".equals(ns)) return calls.run(method, args);
        if ("AGENT".equals(ns)) {
            return switch (method) {
                case "Login" -> agent("READY", "AGENT:LOGGEDIN", null);
                case "Pause" -> agent("PAUSED", "AGENT:PAUSE", null);
                case "PauseSubState" -> arg(args, 0).isEmpty() ? "pause code missing" : agent("PAUSED", "AGENT:PAUSE", arg(args, 0));
                case "Logout" -> agent("LOGGEDOUT", "AGENT:LOGGEDOUT", null);
                default -> "no such AGENT method";
            };
        }
        if ("WIDGET".equals(ns) || "ALERT".equals(ns)) return null;
        return "no such namespace";
    }

    static String arg(List<Object> args, int i) {
        if (i >= args.size() || args.get(i) == null) return "";
        return String.valueOf(args.get(i)).trim();
    }

    AdContact outbound(String number) {
        AdContact c = new AdContact(Integer.toHexString(nextLeg++) + "-" + epoch + "@B2BUAEP.enghouse.com",
                UUID.randomUUID().toString());
        c.type = "outbound";
        c.jobType = "manual";
        c.ani = AGENT_ADDRESS;
        c.dnis = number;
        return c;
    }

    void remoteAnswers(AdContact c) {
        Runnable answer = () -> {
            synchronized (this) {
                if (contacts.get(c.id) == c && c.online && !c.established) send(c, "ESTABLISHED");
            }
        };
        if (later == null) answer.run();
        else later.accept(answer);
    }

    /** The line is released; a consultation leg just goes, a customer contact enters after-call work. */
    void clear(AdContact c, String reason) {
        c.online = false;
        c.held = false;
        c.reason = reason;
        send(c, "CONNECTIONCLEARED");
        if (c.consultFor != null) {
            contacts.remove(c.id);
            return;
        }
        c.jobState = "offline";
        send(c, "JOBCHANGED");
    }

    private String agent(String state, String event, String code) {
        agentState = state;
        pauseCode = code == null ? "" : code;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        // Agent events' fields are not documented; the pause code travels as "reason" (assumed).
        if (code != null) m.put("reason", code);
        emit.accept(m);
        return null;
    }

    // ---- supervisor ------------------------------------------------------------------------

    AdContact contact(String id) {
        return contacts.get(id);
    }

    void add(AdContact c) {
        contacts.put(c.id, c);
    }

    void drop(AdContact c) {
        contacts.remove(c.id);
    }

    /**
     * A CTI-routed call offered to the agent, with a contact id of its own: POPUP then RINGING (assumed order). It
     * rings until answered or, when {@code giveUpAfterMs} &gt; 0, until the caller gives up ({@link #abandon}).
     */
    synchronized String inbound(String ani, String dnis, String queue, long giveUpAfterMs) {
        AdContact c = offered(ani, dnis, queue, null);
        send(c, "RINGING");
        if (giveUpAfterMs > 0) {
            if (timer == null) throw new IllegalStateException("the simulator is not running");
            timer.schedule(() -> abandon(c), giveUpAfterMs);
        }
        return c.id;
    }

    /** A new contact for the agent, announced with POPUP: a call, or a chat where {@code chatId} is not null. */
    private AdContact offered(String ani, String dnis, String queue, String chatId) {
        AdContact c = new AdContact(Integer.toHexString(nextInbound++) + "-" + epoch + "@B2BUAGW1.enghouse.com",
                UUID.randomUUID().toString());
        c.type = "inbound";
        c.jobType = "inbound";
        c.contentType = "live";
        c.jobState = "online";
        c.ani = ani;
        c.dnis = dnis;
        c.queue = queue;
        if (chatId != null) {
            c.mediaType = "chat";
            c.chatId = chatId;
        }
        contacts.put(c.id, c);
        send(c, "POPUP");
        return c;
    }

    /**
     * The caller gives up while it rings. Nothing public shows it (assumed): the contact is cleared with no reason, as
     * the seed's ordinary end, and its handling is over at once (JOBFINISHED): the agent never took it, so there is no
     * after-call work.
     */
    private synchronized void abandon(AdContact c) {
        if (contacts.get(c.id) == c && c.online && !c.established) clearUntaken(c, "");
    }

    /** A contact that never connected ends: CONNECTIONCLEARED with {@code reason}, then JOBFINISHED (no after-call work). */
    void clearUntaken(AdContact c, String reason) {
        c.online = false;
        c.reason = reason;
        send(c, "CONNECTIONCLEARED");
        c.jobState = "finished";
        send(c, "JOBFINISHED");
        contacts.remove(c.id);
    }

    /**
     * A chat contact: listed by widgets, no telephony. The seed shows only telephony contacts: {@code media_type}
     * "chat", a non-empty {@code chat_id} and POPUP then ESTABLISHED (a chat does not ring) are assumed.
     */
    synchronized String chat(String from) {
        AdContact c = offered(from, "", "", UUID.randomUUID().toString());
        send(c, "ESTABLISHED");
        return c.id;
    }

    /** The customer hangs up. */
    synchronized boolean remoteHangup(String id) {
        AdContact c = contacts.get(id);
        if (c == null || !c.online) return false;
        clear(c, "");
        return true;
    }

    /** A contact answered by the other side or the agent's phone, not by a widget. */
    synchronized boolean establish(String id) {
        AdContact c = contacts.get(id);
        if (c == null || !c.online) return false;
        c.held = false;
        send(c, "ESTABLISHED");
        return true;
    }

    /** The contacts in after-call work ({@code job_state} offline), oldest first. */
    synchronized List<String> inAfterCallWork() {
        return contacts.values().stream().filter(c -> "offline".equals(c.jobState)).map(c -> c.id).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The contact a call without an id acts on: the online telephony call not on hold, else any online call. */
    AdContact current() {
        AdContact c = latestWhere(x -> x.online && x.telephony() && !x.held);
        return c != null ? c : latestWhere(x -> x.online && x.telephony());
    }

    /** The most recent contact that matches. */
    AdContact latestWhere(java.util.function.Predicate<AdContact> p) {
        AdContact found = null;
        for (AdContact c : contacts.values()) if (p.test(c)) found = c;
        return found;
    }

    void send(AdContact c, String event) {
        if ("ESTABLISHED".equals(event)) c.established = true;
        emit.accept(c.payload(event));
    }
}
