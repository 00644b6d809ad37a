package dev.unibar.connectors.max.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fake MAX's agent session: its subscribers (one per child window), the agent state, the voice
 * contacts, the seven call commands with MAX's state rules, and everything it was sent.
 *
 * <p>Windows are known by the id the fake MAX page gives each child window; the page posts each
 * {@link Delivery} to the window with that id. Registration follows the seed and NICE's own host code
 * (docs/vendors/max.md): contact id checked first, then the subscription types; a second registration
 * from a window already subscribed is refused without any answer. Thread-safe (one lock).
 */
public final class MaxSimState {

    /** Which MAX the simulator plays: the classic one (ack first, issuer MAX) or NICE's newer client. */
    public enum Flavor {
        MAX("MAX", true, "Invalid Contact Id", "Invalid Subscription Types"),
        CXA("CXA", false, "Invalid Contact Id", "Invalid Subscription Types.");

        final String issuer;
        final boolean ackFirst;
        final String badContact;
        final String badTypes;

        Flavor(String issuer, boolean ackFirst, String badContact, String badTypes) {
            this.issuer = issuer;
            this.ackFirst = ackFirst;
            this.badContact = badContact;
            this.badTypes = badTypes;
        }
    }

    /** One postMessage the page must send: {@code message} to the child window {@code window}. */
    public record Delivery(long seq, String window, Map<String, Object> message) {
    }

    /** What a child window sent, and whether MAX acted on it. */
    public record Received(long seq, String window, String origin, String messageType, Map<String, Object> data,
                           boolean accepted, String note, Instant at) {
    }

    record Subscription(String window, Set<String> types, Long contactId) {
    }

    static final Set<String> VALID_TYPES = Set.of("all", "agent", "contact", "contacts", "sessioninfo", "agentassist");
    private static final Set<String> COMMANDS = Set.of("AnswerEvent", "RefuseEvent", "HoldEvent", "MuteEvent",
            "MaskEvent", "RecordEvent", "HangupEvent");

    private final Clock clock;
    private final String sessionToken;
    private Flavor flavor = Flavor.MAX;
    private boolean replayExtras;
    private final Map<String, Subscription> subscribers = new LinkedHashMap<>();
    private String pageLoad;
    private final Map<String, SimContact> contacts = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private long seq;
    private long receivedSeq;
    private long nextContactId = 584_920_101L;
    private String agentState = "Available";
    private String outReason = "";
    private boolean acw;
    private boolean muted;
    private boolean loggedIn = true;

    public MaxSimState(Clock clock, String sessionToken) {
        this.clock = clock;
        this.sessionToken = sessionToken;
    }

    // ------------------------------------------------------------------ settings and views

    public synchronized void flavor(Flavor f) {
        this.flavor = f;
    }

    public synchronized Flavor flavor() {
        return flavor;
    }

    /** Whether a snapshot also replays AgentSessionStart and AgentLeg, as the seed says MAX may. */
    public synchronized void replayExtras(boolean on) {
        this.replayExtras = on;
    }

    public synchronized String agentState() {
        return agentState;
    }

    public synchronized boolean isAcw() {
        return acw;
    }

    public synchronized boolean isMuted() {
        return muted;
    }

    public synchronized boolean isSubscribed(String window) {
        return subscribers.containsKey(window);
    }

    public synchronized int subscriberCount() {
        return subscribers.size();
    }

    /** The status of a contact, or null when MAX no longer has it. */
    public synchronized String contactStatus(String contactId) {
        SimContact c = contacts.get(contactId);
        return c == null ? null : c.status;
    }

    public synchronized boolean isLogging(String contactId) {
        SimContact c = contacts.get(contactId);
        return c != null && c.logging;
    }

    public synchronized String customerName(String contactId) {
        SimContact c = contacts.get(contactId);
        return c == null ? null : c.customerName;
    }

    public synchronized List<String> contactIds() {
        return List.copyOf(contacts.keySet());
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Deliveries after {@code after} (a sequence number); see {@link #lastSeq()}. */
    public synchronized List<Delivery> deliveriesAfter(long after) {
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : deliveries) if (d.seq() > after) out.add(d);
        return out;
    }

    public synchronized long lastSeq() {
        return seq;
    }

    /** Waits up to {@code millis} for a delivery after {@code after}. */
    public synchronized List<Delivery> awaitDeliveries(long after, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            List<Delivery> out = deliveriesAfter(after);
            long left = deadline - System.currentTimeMillis();
            if (!out.isEmpty() || left <= 0) return out;
            wait(left);
        }
    }

    // ------------------------------------------------------------------ what the children send

    /** A message a child window posted to MAX. Anything not for MAX is recorded and ignored, as MAX does. */
    public synchronized void onClientMessage(String window, String origin, Map<String, Object> data) {
        forgetGonePages(window);
        Object mt = data == null ? null : data.get("messageType");
        String type = mt instanceof String s ? s : "";
        switch (type) {
            case "RegisterForClientEvents" -> register(window, origin, data);
            case "UnregisterFromClientEvents" -> {
                boolean had = subscribers.remove(window) != null;
                record(window, origin, type, data, had, had ? "unsubscribed" : "was not subscribed");
            }
            case "ContactCardData" -> contactCard(window, origin, data);
            default -> {
                if (COMMANDS.contains(type)) {
                    command(window, origin, type, data);
                } else {
                    record(window, origin, type, data, false, "not a MAX message type");
                }
            }
        }
        notifyAll();
    }

    /**
     * MAX's registry of subscribed windows lives in its page, so a MAX page loaded afresh has no subscribers.
     * The page names each window {@code <page load>/w<n>}: a message from a new load drops the subscribers of
     * the loads before it, as the real reload would have. Ids without a load (tests) are left alone.
     */
    private void forgetGonePages(String window) {
        int slash = window == null ? -1 : window.indexOf('/');
        if (slash <= 0) return;
        String load = window.substring(0, slash + 1);
        if (load.equals(pageLoad)) return;
        pageLoad = load;
        subscribers.keySet().removeIf(w -> w.indexOf('/') > 0 && !w.startsWith(load));
    }

    private void register(String window, String origin, Map<String, Object> data) {
        if (subscribers.containsKey(window)) {
            // MAX only prints a console warning: no acknowledgement, no second subscription.
            record(window, origin, "RegisterForClientEvents", data, false, "already subscribed: no answer");
            return;
        }
        Object rawId = data.get("contactId");
        Long contactId = null;
        String error = null;
        if (rawId != null && !"".equals(rawId)) {
            contactId = parseContactId(rawId);
            if (contactId == null) error = flavor.badContact;
        }
        List<String> types = new ArrayList<>();
        if (error == null) {
            if (data.get("subscriptionTypes") instanceof List<?> list) {
                for (Object t : list) {
                    if (t instanceof String s && VALID_TYPES.contains(s.toLowerCase(Locale.ROOT))) {
                        types.add(s.toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (types.isEmpty()) error = flavor.badTypes;
        }
        Map<String, Object> ack = MaxEvents.ack(contactId, error == null, error == null ? "Success" : error);
        List<Map<String, Object>> batch = new ArrayList<>();
        if (error == null) {
            Subscription s = new Subscription(window, Set.copyOf(types), contactId);
            subscribers.put(window, s);
            batch.addAll(snapshot(s));
        }
        if (flavor.ackFirst) batch.add(0, ack);
        else batch.add(ack);
        deliver(window, contactId, batch);
        record(window, origin, "RegisterForClientEvents", data, error == null, error == null ? "subscribed " + types : error);
    }

    /** An integer above zero, given as a number or a string of digits; anything else is invalid. */
    static Long parseContactId(Object raw) {
        String s = String.valueOf(raw).trim();
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (d != Math.rint(d)) return null;
            s = String.valueOf((long) d);
        }
        if (!s.matches("[0-9]{1,18}")) return null;
        long v = Long.parseLong(s);
        return v > 0 ? v : null;
    }

    private List<Map<String, Object>> snapshot(Subscription s) {
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        boolean all = s.types().contains("all");
        if (replayExtras && (all || s.types().contains("agent"))) {
            out.add(MaxEvents.sessionStart("12214", "8013203420", "58070815"));
            out.add(MaxEvents.agentLeg("91001", "Active", false));
        }
        if (all || s.types().contains("agent")) {
            out.add(MaxEvents.agentState(agentState, outReason, acw, 120, now));
        }
        for (SimContact c : contacts.values()) {
            boolean followed = s.contactId() != null && c.contactId.equals(String.valueOf(s.contactId()));
            if (all || s.types().contains("contacts") || followed) out.add(MaxEvents.callContact(c, now));
        }
        if (all || s.types().contains("sessioninfo")) out.add(MaxEvents.sessionInfo(sessionToken));
        return out;
    }

    private void contactCard(String window, String origin, Map<String, Object> data) {
        SimContact target = currentContact(data);
        boolean ok = target != null && data.get("contactCardData") instanceof Map<?, ?>;
        if (ok) {
            Object name = ((Map<?, ?>) data.get("contactCardData")).get("name");
            target.customerName = name == null ? null : String.valueOf(name);
        }
        record(window, origin, "ContactCardData", data, ok, ok ? "card for " + target.contactId : "no contact");
    }

    // ------------------------------------------------------------------ the seven commands

    private void command(String window, String origin, String type, Map<String, Object> data) {
        String note = switch (type) {
            case "AnswerEvent" -> answer();
            case "RefuseEvent" -> refuse();
            case "HoldEvent" -> hold();
            case "MuteEvent" -> mute();
            case "MaskEvent" -> mask();
            case "RecordEvent" -> recordCall();
            case "HangupEvent" -> hangup();
            default -> null;
        };
        record(window, origin, type, data, note != null, note == null ? "not valid now: ignored" : note);
    }

    private SimContact withStatus(String... statuses) {
        SimContact found = null;
        for (SimContact c : contacts.values()) {
            for (String s : statuses) if (c.status.equals(s)) found = c;
        }
        return found;
    }

    private SimContact currentContact(Map<String, Object> data) {
        Object id = data == null ? null : data.get("contactId");
        if (id != null && contacts.containsKey(String.valueOf(id))) return contacts.get(String.valueOf(id));
        SimContact live = withStatus("Active", "Holding", "Masking", "Joined", "Dialing");
        return live != null ? live : withStatus("Incoming");
    }

    private String answer() {
        SimContact c = withStatus("Incoming");
        if (c == null) return null;
        setStatus(c, "Active");
        setAgent(c.inbound ? "InboundContact" : "OutboundContact", "", false);
        return "answered " + c.contactId;
    }

    private String refuse() {
        SimContact c = withStatus("Incoming");
        if (c == null) return null;
        c.finalState = true;
        setStatus(c, "Disconnected");
        contacts.remove(c.contactId);
        setAgent("Unavailable", "Refused", false);
        return "refused " + c.contactId;
    }

    private String hold() {
        SimContact c = withStatus("Active", "Holding");
        if (c == null) return null;
        setStatus(c, c.status.equals("Active") ? "Holding" : "Active");
        return c.status.equals("Holding") ? "held " + c.contactId : "resumed " + c.contactId;
    }

    private String mute() {
        if (withStatus("Active", "Holding", "Masking", "Joined") == null) return null;
        muted = !muted;
        emit(List.of(MaxEvents.mute(muted)));
        return muted ? "muted" : "unmuted";
    }

    private String mask() {
        SimContact c = withStatus("Active", "Masking");
        if (c == null) return null;
        setStatus(c, c.status.equals("Active") ? "Masking" : "Active");
        return c.status.equals("Masking") ? "masked " + c.contactId : "unmasked " + c.contactId;
    }

    private String recordCall() {
        SimContact c = withStatus("Active", "Holding", "Masking", "Joined");
        if (c == null || c.logging) return null;
        c.logging = true;
        emit(List.of(MaxEvents.callContact(c, clock.instant())));
        return "recording " + c.contactId;
    }

    private String hangup() {
        SimContact c = withStatus("Active", "Holding", "Masking", "Joined", "Dialing");
        if (c == null) return null;
        endVoice(List.of(c), "");
        return "hung up " + c.contactId;
    }

    // ------------------------------------------------------------------ used by scenarios

    synchronized SimContact newContact(boolean inbound, String ani, String dnis, String skill, String status,
                                       String masterId, String callType) {
        String id = String.valueOf(nextContactId++);
        SimContact c = new SimContact(id, masterId == null ? id : masterId, inbound, ani, dnis, skill, status, clock.instant());
        if (callType != null) c.callType = callType;
        contacts.put(id, c);
        emit(List.of(MaxEvents.callContact(c, clock.instant())));
        notifyAll();
        return c;
    }

    synchronized SimContact live() {
        return withStatus("Active", "Holding", "Masking", "Joined", "Dialing");
    }

    synchronized SimContact findById(String id) {
        return contacts.get(id);
    }

    synchronized SimContact find(String... statuses) {
        return withStatus(statuses);
    }

    synchronized void setStatus(SimContact c, String status) {
        c.status = status;
        emit(List.of(MaxEvents.callContact(c, clock.instant())));
        notifyAll();
    }

    synchronized void setScreenPop(SimContact c, String url) {
        c.screenPopUrl = url;
    }

    synchronized void setAgent(String state, String reason, boolean isAcw) {
        agentState = state;
        outReason = reason == null ? "" : reason;
        acw = isAcw;
        emit(List.of(MaxEvents.agentState(agentState, outReason, acw, 120, clock.instant())));
        notifyAll();
    }

    /** The voice path of these contacts ends together; after-call work starts (FinalState False). */
    synchronized void endVoice(List<SimContact> ended, String disconnectCode) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (SimContact c : ended) {
            c.status = "Disconnected";
            c.finalState = false;
            c.disconnectCode = disconnectCode == null ? "" : disconnectCode;
            batch.add(MaxEvents.callContact(c, clock.instant()));
        }
        agentState = "Unavailable";
        outReason = "";
        acw = true;
        muted = false;
        batch.add(MaxEvents.agentState(agentState, outReason, true, 120, clock.instant()));
        emit(batch);
        notifyAll();
    }

    /** After-call work ends: the contacts are closed (FinalState True) and the agent is Available. */
    synchronized void endAcw() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (SimContact c : List.copyOf(contacts.values())) {
            if (!c.status.equals("Disconnected")) continue;
            c.finalState = true;
            batch.add(MaxEvents.callContact(c, clock.instant()));
            contacts.remove(c.contactId);
        }
        agentState = "Available";
        outReason = "";
        acw = false;
        batch.add(MaxEvents.agentState(agentState, outReason, false, 120, clock.instant()));
        emit(batch);
        notifyAll();
    }

    synchronized void logOff(String type, String message) {
        loggedIn = false;
        contacts.clear();
        agentState = "LoggedOut";
        acw = false;
        emit(List.of(MaxEvents.sessionEnd(type, message), MaxEvents.agentState("LoggedOut", "", false, 0, clock.instant())));
        notifyAll();
    }

    synchronized void logOn() {
        loggedIn = true;
        agentState = "Available";
        emit(List.of(MaxEvents.sessionStart("12214", "8013203420", "58070816"),
                MaxEvents.agentState(agentState, "", false, 0, clock.instant())));
        notifyAll();
    }

    synchronized boolean loggedIn() {
        return loggedIn;
    }

    /** Events MAX got from the platform: each subscriber receives those its subscription lets through. */
    synchronized void emit(List<Map<String, Object>> events) {
        for (Subscription s : subscribers.values()) {
            List<Map<String, Object>> mine = new ArrayList<>();
            for (Map<String, Object> e : events) if (passes(s, e)) mine.add(e);
            if (!mine.isEmpty()) deliver(s.window(), s.contactId(), mine);
        }
        notifyAll();
    }

    static boolean passes(Subscription s, Map<String, Object> e) {
        Set<String> t = s.types();
        if (t.contains("all")) return true;
        String cid = MaxEvents.contactIdOf(e);
        boolean sessionInfo = "SessionInfo".equals(e.get("messageType"));
        Object type = e.get("Type");
        if (t.contains("sessioninfo") && (sessionInfo || "AgentSessionEnd".equals(type) || "RemoteAgentSessionEnd".equals(type))) {
            return true;
        }
        if (sessionInfo) return false;
        if (t.contains("agent") && cid == null) return true;
        if (t.contains("contacts") && cid != null) return true;
        return s.contactId() != null && cid != null && cid.equals(String.valueOf(s.contactId()));
    }

    private void deliver(String window, Long contactId, List<Map<String, Object>> events) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("issuer", flavor.issuer);
        msg.put("contactId", contactId);
        msg.put("events", List.copyOf(events));
        deliveries.add(new Delivery(++seq, window, msg));
        if (deliveries.size() > 5_000) deliveries.remove(0);
    }

    private void record(String window, String origin, String type, Map<String, Object> data, boolean ok, String note) {
        received.add(new Received(++receivedSeq, window, origin, type,
                data == null ? Map.of() : new LinkedHashMap<>(data), ok, note, clock.instant()));
        if (received.size() > 10_000) received.remove(0);
    }
}
