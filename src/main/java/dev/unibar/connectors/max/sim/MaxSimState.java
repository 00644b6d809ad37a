package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.CommandLog;
import dev.unibar.simkit.Scheduler;
import dev.unibar.simkit.SimTimer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake MAX's agent session: the agent state and after-call work, the voice contacts, what the children
 * send ({@link MaxCommands}) and who is subscribed to what ({@link MaxSubscribers}), and the record of
 * everything received. Windows are known by the id the fake MAX page gives each child window. Thread-safe
 * (one lock).
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

    private final Clock clock;
    private final String sessionToken;
    /** The far end's timing; null: a timer of our own, made when first needed and closed with the page. */
    private final Scheduler scheduler;
    private SimTimer ownTimer;
    private final MaxSubscribers subscribers = new MaxSubscribers();
    private final MaxCommands commands = new MaxCommands(this);
    private final CommandLog<Received> received = new CommandLog<>(10_000);
    private final Map<String, SimContact> contacts = new LinkedHashMap<>();
    private Flavor flavor = Flavor.MAX;
    private long receivedSeq;
    private long nextContactId = 584_920_101L;
    private String agentState = "Available";
    private String outReason = "";
    private boolean acw;
    private boolean muted;
    private boolean loggedIn = true;

    public MaxSimState(Clock clock, String sessionToken) {
        this(clock, sessionToken, null);
    }

    /** @param scheduler where the far end's timed actions go (a caller who gives up while it rings); null: a timer of its own */
    public MaxSimState(Clock clock, String sessionToken, Scheduler scheduler) {
        this.clock = clock;
        this.sessionToken = sessionToken;
        this.scheduler = scheduler;
    }

    // ------------------------------------------------------------------ settings and views

    public synchronized void flavor(Flavor f) {
        this.flavor = f;
    }

    public synchronized Flavor flavor() {
        return flavor;
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
        return subscribers.has(window);
    }

    public synchronized int subscriberCount() {
        return subscribers.count();
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

    public List<Received> received() {
        return received.all();
    }

    /** Deliveries after {@code after} (a sequence number); see {@link #lastSeq()}. */
    public List<Delivery> deliveriesAfter(long after) {
        try {
            return subscribers.after(after, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    public long lastSeq() {
        return subscribers.lastSeq();
    }

    /** Waits up to {@code millis} for a delivery after {@code after}. */
    public List<Delivery> awaitDeliveries(long after, long millis) throws InterruptedException {
        return subscribers.after(after, Duration.ofMillis(millis));
    }

    /** The agent, contacts, subscribers and flavor, as {@code GET /control/state} shows them. */
    public synchronized Map<String, Object> snapshot() {
        return Map.of("agentState", agentState, "acw", acw, "contacts", contactIds(), "subscribers", subscribers.count(),
                "flavor", flavor.name());
    }

    void close() {
        subscribers.close();
        synchronized (this) {
            if (ownTimer != null) ownTimer.close();
            ownTimer = null;
        }
    }

    void open() {
        subscribers.open();
    }

    // ------------------------------------------------------------------ what the children send

    /** A message a child window posted to MAX. Anything not for MAX is recorded and ignored, as MAX does. */
    public synchronized void onClientMessage(String window, String origin, Map<String, Object> data) {
        subscribers.forgetGonePages(window);
        Object mt = data == null ? null : data.get("messageType");
        String type = mt instanceof String s ? s : "";
        switch (type) {
            case "RegisterForClientEvents" -> register(window, origin, data);
            case "UnregisterFromClientEvents" -> {
                boolean had = subscribers.drop(window);
                record(window, origin, type, data, had, had ? "unsubscribed" : "was not subscribed");
            }
            case "ContactCardData" -> {
                String note = commands.contactCard(data);
                record(window, origin, type, data, note != null, note != null ? note : "no contact");
            }
            default -> {
                if (MaxCommands.NAMES.contains(type)) {
                    String note = commands.run(type);
                    record(window, origin, type, data, note != null, note == null ? "not valid now: ignored" : note);
                } else {
                    record(window, origin, type, data, false, "not a MAX message type");
                }
            }
        }
        notifyAll();
    }

    private void register(String window, String origin, Map<String, Object> data) {
        if (subscribers.has(window)) {
            // MAX only prints a console warning: no acknowledgement, no second subscription.
            record(window, origin, "RegisterForClientEvents", data, false, "already subscribed: no answer");
            return;
        }
        MaxSubscribers.Verdict v = subscribers.register(window, data, flavor);
        Map<String, Object> ack = MaxEvents.ack(v.contactId(), v.error() == null, v.error() == null ? "Success" : v.error());
        List<Map<String, Object>> batch = new ArrayList<>();
        if (v.subscription() != null) batch.addAll(snapshot(v.subscription()));
        if (flavor.ackFirst) batch.add(0, ack);
        else batch.add(ack);
        subscribers.deliver(window, v.contactId(), batch, flavor);
        record(window, origin, "RegisterForClientEvents", data, v.error() == null,
                v.error() == null ? "subscribed " + v.types() : v.error());
    }

    private List<Map<String, Object>> snapshot(MaxSubscribers.Subscription s) {
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        boolean all = s.types().contains("all");
        if (all || s.types().contains("agent")) out.add(MaxEvents.agentState(agentState, outReason, acw, 120, now));
        for (SimContact c : contacts.values()) {
            boolean followed = s.contactId() != null && c.contactId.equals(String.valueOf(s.contactId()));
            if (all || s.types().contains("contacts") || followed) out.add(MaxEvents.callContact(c, now));
        }
        if (all || s.types().contains("sessioninfo")) out.add(MaxEvents.sessionInfo(sessionToken));
        return out;
    }

    private void record(String window, String origin, String type, Map<String, Object> data, boolean ok, String note) {
        received.add(new Received(++receivedSeq, window, origin, type,
                data == null ? Map.of() : new LinkedHashMap<>(data), ok, note, clock.instant()));
    }

    // ------------------------------------------------------------------ used by commands and scenarios

    Instant now() {
        return clock.instant();
    }

    synchronized SimContact newContact(boolean inbound, String ani, String dnis, String skill, String status,
                                       String masterId, String callType) {
        String id = String.valueOf(nextContactId++);
        SimContact c = new SimContact(id, masterId == null ? id : masterId, inbound, ani, dnis, skill, status, clock.instant());
        if (callType != null) c.callType = callType;
        contacts.put(id, c);
        emit(List.of(MaxEvents.callContact(c, clock.instant())));
        return c;
    }

    /** The contact on the line: what hold, mute, mask, record and hang-up act on. */
    synchronized SimContact live() {
        return find("Active", "Holding", "Masking", "Joined", "Dialing");
    }

    synchronized SimContact findById(String id) {
        return contacts.get(id);
    }

    /** The newest contact in one of these statuses. */
    synchronized SimContact find(String... statuses) {
        SimContact found = null;
        for (SimContact c : contacts.values()) {
            for (String s : statuses) if (c.status.equals(s)) found = c;
        }
        return found;
    }

    /** Every contact in this status, oldest first. */
    synchronized List<SimContact> all(String status) {
        return contacts.values().stream().filter(c -> c.status.equals(status)).toList();
    }

    synchronized void forget(SimContact c) {
        contacts.remove(c.contactId);
    }

    synchronized boolean toggleMute() {
        muted = !muted;
        return muted;
    }

    synchronized void setStatus(SimContact c, String status) {
        c.status = status;
        emit(List.of(MaxEvents.callContact(c, clock.instant())));
    }

    synchronized void setScreenPop(SimContact c, String url) {
        c.screenPopUrl = url;
    }

    synchronized void setAgent(String state, String reason, boolean isAcw) {
        agentState = state;
        outReason = reason == null ? "" : reason;
        acw = isAcw;
        emit(List.of(MaxEvents.agentState(agentState, outReason, acw, 120, clock.instant())));
    }

    /**
     * The voice path of these contacts ends together (FinalState False). After-call work starts once the agent is on
     * no contact any more; while one is still on the line (the held caller after a consultation, the party left in
     * a conference) the agent is back on that one.
     */
    synchronized void endVoice(List<SimContact> ended, String disconnectCode) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (SimContact c : ended) {
            c.status = "Disconnected";
            c.finalState = false;
            c.disconnectCode = disconnectCode == null ? "" : disconnectCode;
            batch.add(MaxEvents.callContact(c, clock.instant()));
        }
        SimContact left = live();
        if (left != null) {
            agentState = left.inbound ? "InboundContact" : "OutboundContact";
            acw = false;
        } else {
            agentState = "Unavailable";
            acw = true;
            muted = false;
        }
        outReason = "";
        batch.add(MaxEvents.agentState(agentState, outReason, acw, 120, clock.instant()));
        emit(batch);
    }

    /**
     * The caller gives up while the contact is offered: Disconnected with FinalState True at once (the agent never
     * handled it, so no after-call work) and MAX forgets the contact; the agent's state does not change.
     * Returns whether the contact was still ringing.
     */
    synchronized boolean abandon(SimContact c, String disconnectCode) {
        if (!"Incoming".equals(c.status) || contacts.get(c.contactId) != c) return false;
        c.finalState = true;
        c.disconnectCode = disconnectCode == null ? "" : disconnectCode;
        setStatus(c, "Disconnected");
        forget(c);
        return true;
    }

    /** Runs {@code r} under this lock after {@code ms} (the far end's timing). */
    synchronized Scheduler.Task later(long ms, Runnable r) {
        Scheduler s = scheduler;
        if (s == null) {
            if (ownTimer == null) ownTimer = new SimTimer("max-sim-timer");
            s = ownTimer;
        }
        return s.schedule(() -> {
            synchronized (this) {
                r.run();
            }
        }, ms);
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
    }

    synchronized void logOff(String type, String message) {
        loggedIn = false;
        contacts.clear();
        agentState = "LoggedOut";
        acw = false;
        emit(List.of(MaxEvents.sessionEnd(type, message), MaxEvents.agentState("LoggedOut", "", false, 0, clock.instant())));
    }

    synchronized void logOn() {
        loggedIn = true;
        agentState = "Available";
        emit(List.of(MaxEvents.sessionStart("12214", "8013203420", "58070816"),
                MaxEvents.agentState(agentState, "", false, 0, clock.instant())));
    }

    synchronized boolean loggedIn() {
        return loggedIn;
    }

    /** Events MAX got from the platform: each subscriber receives those its subscription lets through. */
    synchronized void emit(List<Map<String, Object>> events) {
        subscribers.emit(events, flavor);
        notifyAll();
    }
}
