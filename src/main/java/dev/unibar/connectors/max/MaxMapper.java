package dev.unibar.connectors.max;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps what MAX posts to its child windows, {@code {issuer, contactId, events: [...]}}, to normalized
 * events (docs/vendors/max.md has the table and the sources).
 *
 * <p>Stateful, because MAX reports a contact's whole status each time: "Active" means connected the
 * first time and resumed after "Holding", and {@code Mute} names no contact. The live bar and
 * {@code translate} each run one instance over the lines in order, so both give the same events.
 * Envelopes whose issuer is not MAX's (our own registration echoed back to the page, MAX's internal
 * traffic) are not for Unibar and yield nothing.
 */
public final class MaxMapper implements VendorMapper {

    public static final String VENDOR = "max";

    /**
     * CallContactEvent's {@code DisconnectCode} in the common vocabulary (decision 0055): only "Transferred" is seen
     * in NICE's own captures; "None" and every other code are a plain end.
     */
    static final java.util.Map<String, dev.unibar.core.model.CallEnd> END_CAUSES = java.util.Map.of(
            "transferred", dev.unibar.core.model.CallEnd.TRANSFERRED);
    public static final Set<String> ISSUERS = Set.of("MAX", "CXA", "CXoneAgent");
    private static final Set<String> WORKING = Set.of("InboundContact", "OutboundContact", "InboundConsult",
            "OutboundConsult", "Dialer", "DialerPending");
    private static final Set<String> ON_LINE = Set.of("Active", "Holding", "Masking", "Joined");

    private final Map<String, String> lastStatus = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private final Set<String> conferenced = new HashSet<>();
    private final Set<String> recording = new HashSet<>();
    private String currentCall;
    /** The contacts of the conference the agent leaves with the message being mapped (empty otherwise). */
    private Set<String> leaving = Set.of();

    @Override
    public String vendor() {
        return VENDOR;
    }

    /**
     * A new MAX page: its registration's snapshot repeats each contact's current status, which is then news again
     * (the bar re-learns its calls from it); what is known of ended, conferenced and recorded contacts stays.
     */
    public synchronized void newPage() {
        lastStatus.keySet().removeIf(id -> !ended.contains(id));
    }

    /** Whether a capture line is a MAX reply at all (and not our own echo or MAX's internal traffic). */
    public static boolean isFromMax(JsonNode line) {
        JsonNode issuer = line == null ? null : line.get("issuer");
        return issuer != null && issuer.isTextual() && ISSUERS.contains(issuer.asText());
    }

    @Override
    public synchronized List<Event> map(JsonNode line) throws MalformedCaptureException {
        if (line == null || !line.isObject()) throw new MalformedCaptureException("not a JSON object");
        if (!isFromMax(line)) return List.of();
        JsonNode events = line.get("events");
        if (events == null || !events.isArray()) throw new MalformedCaptureException("MAX message without an \"events\" array");
        for (JsonNode e : events) {
            if (!e.isObject()) throw new MalformedCaptureException("an entry of \"events\" is not an object");
        }
        List<Event> out = new ArrayList<>();
        leaving = leftConference(events);
        try {
            for (JsonNode e : events) mapEvent(e, out);
        } finally {
            leaving = Set.of();
        }
        return out;
    }

    /**
     * The conference the agent leaves with this message: MAX ends the agent's part in every joined contact at once
     * (docs/vendors/max.md, "Leaving a conference"), while a party who hangs up ends alone and the conference goes
     * on. So: two or more contacts still joined, and this message disconnects every one of them.
     */
    private Set<String> leftConference(JsonNode events) {
        Set<String> joined = new HashSet<>(conferenced);
        joined.removeAll(ended);
        if (joined.size() < 2) return Set.of();
        Set<String> disconnecting = new HashSet<>();
        for (JsonNode e : events) {
            boolean camel = !e.has("Type") && e.has("contactId");
            if ("Disconnected".equals(Payloads.text(e, camel ? "status" : "Status"))) {
                disconnecting.add(Payloads.text(e, camel ? "contactId" : "ContactID"));
            }
        }
        return disconnecting.containsAll(joined) ? joined : Set.of();
    }

    private void mapEvent(JsonNode e, List<Event> out) throws MalformedCaptureException {
        String type = Payloads.text(e, "Type");
        if (type == null) type = Payloads.text(e, "type");
        if (type == null && !e.has("messageType") && e.has("contactId") && e.has("status")) {
            // NICE's agent client clears a stuck contact with a CallContactEvent of its own making: camelCase, no Type.
            callContact(pascalCase(e), out);
            return;
        }
        if (type == null) {
            String mt = Payloads.text(e, "messageType");
            if ("ClientEventSubscriptionAcknowledge".equals(mt)) {
                ack(e, out);
            } else if (!"SessionInfo".equals(mt)) {
                // SessionInfo carries the agent's session token: it stays with the connector, never an event.
                if (mt == null) throw new MalformedCaptureException("an event without \"Type\" or \"messageType\"");
                out.add(new Event.VendorUnmapped(VENDOR, null, mt));
            }
            return;
        }
        switch (type) {
            case "AgentState" -> agentState(e, out);
            case "CallContactEvent" -> callContact(e, out);
            case "AgentSessionStart" -> out.add(new Event.AgentLoggedIn(VENDOR, null,
                    new Agent(Payloads.text(e, "AgentId"), null, null, Payloads.text(e, "StationPhoneNumber"), null)));
            case "AgentSessionEnd" -> sessionEnd(e, out, false);
            case "RemoteAgentSessionEnd" -> sessionEnd(e, out, true);
            case "AgentLeg" -> agentLeg(e, out);
            case "Mute" -> mute(e, out);
            case "PopURL" -> {
                String url = Payloads.text(e, "URL");
                if (url == null) out.add(new Event.VendorUnmapped(VENDOR, null, type));
                else out.add(Event.Notice.keyed(VENDOR, null, NoticeLevel.INFO, "max.screenPop", url));
            }
            default -> out.add(new Event.VendorUnmapped(VENDOR, null, type));
        }
    }

    private static void ack(JsonNode e, List<Event> out) {
        if ("OK".equalsIgnoreCase(Payloads.text(e, "status"))) {
            out.add(new Event.SessionReady(VENDOR, null));
        } else {
            String reason = Payloads.text(e, "reason");
            // MAX's own reason as it wrote it; only its absence is ours to say.
            out.add(reason == null ? Event.SessionError.keyed(VENDOR, null, "subscription", "max.subscriptionRefused")
                    : new Event.SessionError(VENDOR, null, reason, "subscription"));
        }
    }

    private static void agentState(JsonNode e, List<Event> out) throws MalformedCaptureException {
        String state = Payloads.text(e, "CurrentState");
        if (state == null) throw new MalformedCaptureException("AgentState without CurrentState");
        Instant at = Payloads.time(e, "StartTimeUTC");
        String reason = Payloads.text(e, "CurrentOutReason");
        if (state.equals("Available") || WORKING.contains(state)) {
            out.add(new Event.AgentStateChanged(VENDOR, at, AgentState.READY, null, null));
        } else if (state.equals("Unavailable")) {
            boolean acw = Boolean.TRUE.equals(Payloads.bool(e, "IsAcw"));
            // AcwTimeout: seconds of after-call work MAX allows (assumed seconds; 0 or unreadable = no limit).
            Integer limit = acw ? Payloads.integer(e, "AcwTimeout") : null;
            out.add(new Event.AgentStateChanged(VENDOR, at, acw ? AgentState.WRAP_UP : AgentState.NOT_READY,
                    acw ? null : reason, null, limit != null && limit > 0 ? limit : null));
        } else if (state.equals("LoggedIn")) {
            out.add(new Event.AgentStateChanged(VENDOR, at, AgentState.NOT_READY, null, null));
        } else if (state.equals("LoggedOut")) {
            out.add(new Event.AgentStateChanged(VENDOR, at, AgentState.OFFLINE, null, null));
        } else {
            out.add(new Event.VendorUnmapped(VENDOR, at, "AgentState:" + state));
        }
    }

    private void callContact(JsonNode e, List<Event> out) throws MalformedCaptureException {
        String id = Payloads.text(e, "ContactID");
        String status = Payloads.text(e, "Status");
        if (id == null || status == null) throw new MalformedCaptureException("CallContactEvent without ContactID or Status");
        Instant at = Payloads.time(e, "LastStateChangeTimeUTC");
        // Disconnected comes twice: FinalState tells the end of the voice path from the end of the contact.
        String key = status.equals("Disconnected") ? status + "/" + Payloads.bool(e, "FinalState") : status;
        String seen = lastStatus.put(id, key);
        if (!key.equals(seen)) statusChanged(e, id, status, seen, at, out);
        // RecordEvent repeats the status with IsLogging True; recording cannot be stopped from a child.
        if (Boolean.TRUE.equals(Payloads.bool(e, "IsLogging")) && !ended.contains(id) && lastStatus.containsKey(id)
                && recording.add(id)) {
            out.add(new Event.CallRecordingStarted(VENDOR, at, id));
        }
    }

    /**
     * The fields of NICE's camelCase {@code CallContactEvent} ({@code mapToCallContactEvent} in [X6]'s
     * contact-manager.js) under the names MAX's own events give them; its {@code callType} is the client's contact
     * type, not MAX's CallType, so it is left out.
     */
    private static final Map<String, String> CAMEL = Map.ofEntries(Map.entry("contactId", "ContactID"),
            Map.entry("masterId", "MasterID"), Map.entry("status", "Status"), Map.entry("finalState", "FinalState"),
            Map.entry("disconnectCode", "DisconnectCode"), Map.entry("lastStateChangeTimeUtc", "LastStateChangeTimeUTC"),
            Map.entry("isInbound", "IsInbound"), Map.entry("ani", "ANI"), Map.entry("dnis", "DNIS"),
            Map.entry("skill", "Skill"), Map.entry("screenPopUrl", "ScreenPopUrl"), Map.entry("isLogging", "IsLogging"));

    private static JsonNode pascalCase(JsonNode e) {
        com.fasterxml.jackson.databind.node.ObjectNode out = Payloads.JSON.createObjectNode();
        CAMEL.forEach((camel, pascal) -> {
            if (e.has(camel)) out.set(pascal, e.get(camel));
        });
        return out;
    }

    private void statusChanged(JsonNode e, String id, String status, String seen, Instant at, List<Event> out) {
        String before = seen == null ? null : seen.replaceFirst("/.*", "");
        if (ON_LINE.contains(status)) currentCall = id;
        switch (status) {
            case "Incoming" -> out.add(new Event.CallRinging(VENDOR, at, id, call(e, id)));
            case "Dialing", "NaturalCallDialing", "NaturalCallRinging" -> {
                currentCall = id;
                out.add(new Event.CallDialing(VENDOR, at, id, call(e, id)));
            }
            case "Active" -> {
                if ("Holding".equals(before)) out.add(new Event.CallResumed(VENDOR, at, id));
                else if ("Masking".equals(before)) out.add(new Event.CallUnmasked(VENDOR, at, id));
                else if (before == null || !ON_LINE.contains(before)) out.add(new Event.CallConnected(VENDOR, at, id, call(e, id)));
            }
            case "Masking" -> {
                if (before == null || !ON_LINE.contains(before)) out.add(new Event.CallConnected(VENDOR, at, id, call(e, id)));
                out.add(new Event.CallMasked(VENDOR, at, id));
            }
            case "Holding" -> {
                if (before == null || !ON_LINE.contains(before)) out.add(new Event.CallConnected(VENDOR, at, id, call(e, id)));
                if ("Masking".equals(before)) out.add(new Event.CallUnmasked(VENDOR, at, id)); // assumed: holding ends it
                out.add(new Event.CallHeld(VENDOR, at, id));
            }
            case "Joined" -> {
                if (before == null || !ON_LINE.contains(before)) out.add(new Event.CallConnected(VENDOR, at, id, call(e, id)));
                // The held caller joins the conference: talking again ([X6] tells Joined from Holding).
                if ("Holding".equals(before)) out.add(new Event.CallResumed(VENDOR, at, id));
                if (conferenced.add(id)) out.add(new Event.CallConferenced(VENDOR, at, id));
            }
            case "Disconnected" -> disconnected(e, id, at, out);
            case "CallBackDisconnected" -> ended(e, id, at, out);
            default -> out.add(new Event.VendorUnmapped(VENDOR, at, "CallContactEvent:" + status));
        }
    }

    private void disconnected(JsonNode e, String id, Instant at, List<Event> out) {
        boolean fin = Boolean.TRUE.equals(Payloads.bool(e, "FinalState"));
        ended(e, id, at, out);
        if (!fin) {
            out.add(new Event.CallWrapUp(VENDOR, at, id));
            return;
        }
        out.add(new Event.CallFinished(VENDOR, at, id));
        lastStatus.remove(id);
        ended.remove(id);
        conferenced.remove(id);
        recording.remove(id);
    }

    private void ended(JsonNode e, String id, Instant at, List<Event> out) {
        if (id.equals(currentCall)) currentCall = null;
        if (ended.add(id)) out.add(new Event.CallEnded(VENDOR, at, id, cause(e, id)));
    }

    /**
     * MAX's {@code DisconnectCode}; for the contacts of a conference the agent left, where MAX's code says no more
     * than a plain end, the common vocabulary's {@code conferenced_away} (the other parties talk on without the agent).
     */
    private String cause(JsonNode e, String id) {
        String code = Payloads.text(e, "DisconnectCode");
        if (!leaving.contains(id)) return code;
        boolean says = code != null && dev.unibar.core.model.CallEnd.fromCause(END_CAUSES, code) != null;
        return says ? code : dev.unibar.core.model.CallEnd.CONFERENCED_AWAY.word();
    }

    private static Call call(JsonNode e, String id) {
        Boolean inbound = Payloads.bool(e, "IsInbound");
        Map<String, String> data = new LinkedHashMap<>();
        String callType = Payloads.text(e, "CallType");
        if (callType != null) data.put("callType", callType);
        String master = Payloads.text(e, "MasterID");
        if (master != null && !master.equals(id)) data.put("masterId", master);
        String pop = Payloads.text(e, "ScreenPopUrl");
        if (pop != null) data.put("screenPopUrl", pop);
        return new Call(id, inbound == null ? null : inbound ? Direction.INBOUND : Direction.OUTBOUND,
                Party.of(Payloads.text(e, "ANI"), null), Party.of(Payloads.text(e, "DNIS"), null),
                QueueRef.of(null, Payloads.text(e, "Skill"), null), null, null, data, null);
    }

    private static void sessionEnd(JsonNode e, List<Event> out, boolean remote) {
        out.add(new Event.AgentLoggedOut(VENDOR, null, null));
        String msg = Payloads.text(e, "Message");
        if (remote) {
            out.add(msg == null ? Event.Notice.keyed(VENDOR, null, NoticeLevel.WARNING, "max.remoteEnd")
                    : Event.Notice.keyed(VENDOR, null, NoticeLevel.WARNING, "max.remoteEndBecause", msg));
        } else if (msg != null) {
            out.add(Event.Notice.keyed(VENDOR, null, NoticeLevel.INFO, "max.sessionEnded", msg));
        }
    }

    private static void agentLeg(JsonNode e, List<Event> out) {
        String status = Payloads.text(e, "Status");
        String leg = Payloads.text(e, "AgentLegId");
        if ("Active".equals(status) && leg != null) {
            out.add(new Event.DevicePaired(VENDOR, null, new Device(leg, null)));
        } else if ("Disconnected".equals(status)) {
            out.add(Event.Notice.keyed(VENDOR, null, NoticeLevel.WARNING, "max.legDisconnected"));
        } else {
            out.add(new Event.VendorUnmapped(VENDOR, null, "AgentLeg:" + status));
        }
    }

    private void mute(JsonNode e, List<Event> out) {
        Boolean muted = Payloads.bool(e, "AgentMuted");
        if (muted == null || currentCall == null) {
            out.add(new Event.VendorUnmapped(VENDOR, null, "Mute"));
            return;
        }
        out.add(muted ? new Event.CallMuted(VENDOR, null, currentCall) : new Event.CallUnmuted(VENDOR, null, currentCall));
    }
}
