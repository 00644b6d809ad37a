package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.model.QueueRef;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps UCS operator-bar callbacks (seed 002) to normalized events. A capture line is
 * {@code {"callback": "onCallRinging", "args": [ ... ]}}: the callback UCS invoked on window.ucsOperator and
 * the arguments it passed. Stateless, so the live bar and {@code translate} give the same output for the same
 * lines.
 */
public final class UcsMapper implements VendorMapper {

    public static final String VENDOR = "ucs";

    /** The seed's Call.cause enum, index = cause + 1; -1 means "not hung up yet" and yields no cause. */
    private static final String[] CAUSES = {
            null, "unknown", "busy", "invalid_number", "caller_hangup", "callee_hangup", "rejected",
            "unavailable", "pickup", "transfer"};
    private static final int CAUSE_TRANSFER = 8;

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public List<Event> map(JsonNode line) throws MalformedCaptureException {
        if (line == null || !line.isObject()) throw new MalformedCaptureException("not a JSON object");
        JsonNode cb = line.get("callback");
        if (cb == null || !cb.isTextual() || cb.asText().isBlank()) {
            throw new MalformedCaptureException("no \"callback\" string");
        }
        JsonNode args = line.get("args");
        // A callback with no arguments (onCredentials) may be captured without "args".
        if (args != null && !args.isNull() && !args.isArray()) {
            throw new MalformedCaptureException("\"args\" is not an array");
        }
        String name = cb.asText();
        List<Event> out = new ArrayList<>();
        switch (name) {
            case "onError" -> out.add(sessionError(arg(args, 0), null, "ucs.error"));
            case "onWarning" -> out.add(vendorText(NoticeLevel.WARNING, arg(args, 0), "ucs.warning"));
            case "onInfo" -> out.add(vendorText(NoticeLevel.INFO, arg(args, 0), "ucs.information"));
            // Debug chatter ("callback X called") is for the inspector, not the agent.
            case "onDebug" -> out.add(new Event.VendorUnmapped(VENDOR, null, name));
            case "onMessage" -> out.add(message(arg(args, 0)));
            case "onConnect" -> {
                String v = Payloads.scalar(arg(args, 0));
                out.add(v == null ? keyed(NoticeLevel.INFO, "ucs.connected") : keyed(NoticeLevel.INFO, "ucs.connectedVersion", v));
            }
            case "onCredentials" -> out.add(new Event.CredentialsRequired(VENDOR, null));
            case "onLoginError" -> {
                String code = Payloads.scalar(arg(args, 0));
                out.add(sessionError(arg(args, 1), code, "ucs.loginFailed"));
            }
            case "onUser" -> out.add(new Event.AgentLoggedIn(VENDOR, null, agent(object(args, 0, "user"))));
            case "onIdentify" -> out.add(new Event.DeviceSelectionRequired(VENDOR, null, devices(arg(args, 0))));
            case "onIdentifier" -> {
                // Not in the CONTRACT, but the agent should see which phone identifier UCS is pairing with:
                // it explains a pairing to the wrong phone. A notice keeps it visible, never silently dropped.
                String id = Payloads.scalar(arg(args, 0));
                out.add(id == null ? keyed(NoticeLevel.INFO, "ucs.identifierCleared") : keyed(NoticeLevel.INFO, "ucs.identifier", id));
            }
            case "onDevice" -> out.add(new Event.DevicePaired(VENDOR, null, device(object(args, 0, "device"), null)));
            case "onReady" -> ready(object(args, 0, "state"), out);
            case "onStateChange" -> out.add(stateChange(args));
            case "onCallNew" -> {
                JsonNode c = call(args);
                out.add(new Event.CallDialing(VENDOR, at(c), callId(c), snapshot(c)));
            }
            case "onCallRinging" -> {
                JsonNode c = call(args);
                out.add(new Event.CallRinging(VENDOR, at(c), callId(c), snapshot(c)));
            }
            case "onCallConnect" -> {
                JsonNode c = call(args);
                out.add(new Event.CallConnected(VENDOR, at(c), callId(c), snapshot(c)));
            }
            case "onCallHold" -> {
                JsonNode c = call(args);
                out.add(new Event.CallHeld(VENDOR, at(c), callId(c)));
            }
            case "onCallResume" -> {
                JsonNode c = call(args);
                out.add(new Event.CallResumed(VENDOR, at(c), callId(c)));
            }
            case "onCallMute" -> {
                JsonNode c = call(args);
                out.add(new Event.CallMuted(VENDOR, at(c), callId(c)));
            }
            case "onCallUnmute" -> {
                JsonNode c = call(args);
                out.add(new Event.CallUnmuted(VENDOR, at(c), callId(c)));
            }
            case "onCallHangup" -> hangup(call(args), out);
            // Suspending a queue changes which calls reach the agent (and a supervisor or the CRM can do it
            // too), so the agent is told, rather than the event hiding in the inspector as vendor.unmapped.
            case "onAgentSuspend" -> out.add(keyed(NoticeLevel.INFO, "ucs.queueSuspended", queueId(args)));
            case "onAgentResume" -> out.add(keyed(NoticeLevel.INFO, "ucs.queueResumed", queueId(args)));
            case "onWaitingCallersChange" -> out.add(new Event.QueueWaiting(VENDOR, null, count(arg(args, 0))));
            default -> out.add(new Event.VendorUnmapped(VENDOR, null, name));
        }
        return out;
    }

    // ---- session and agent -------------------------------------------------------------------------

    /**
     * onReady carries the whole start-up state. One odd part (an unknown status, a call without uniqueid)
     * becomes a warning notice instead of making the line malformed: that would also lose session.ready and
     * leave the bar waiting forever.
     */
    private static void ready(JsonNode state, List<Event> out) {
        Instant at = Payloads.time(state, "now");
        JsonNode user = state.get("user");
        if (user != null && user.isObject()) out.add(new Event.AgentLoggedIn(VENDOR, at, agent(user)));
        JsonNode device = state.get("device");
        if (device != null && device.isObject()) out.add(new Event.DevicePaired(VENDOR, at, device(device, null)));
        JsonNode aux = state.get("auxReasons");
        if (aux != null && (aux.isArray() || aux.isObject())) {
            out.add(new Event.PauseReasons(VENDOR, at, pauseReasons(aux)));
        }
        String status = Payloads.text(state, "status");
        if (status != null) {
            try {
                out.add(agentState(status, Payloads.text(state, "reason"), at));
            } catch (MalformedCaptureException e) {
                out.add(Event.Notice.keyed(VENDOR, at, NoticeLevel.WARNING, "ucs.readyStateIgnored", e.getMessage()));
            }
        }
        JsonNode waiting = state.get("waitingCallers");
        if (waiting != null && !waiting.isNull()) {
            try {
                out.add(new Event.QueueWaiting(VENDOR, at, count(waiting)));
            } catch (MalformedCaptureException e) {
                out.add(Event.Notice.keyed(VENDOR, at, NoticeLevel.WARNING, "ucs.readyStateIgnored", e.getMessage()));
            }
        }
        JsonNode call = state.get("call");
        if (call != null && !call.isNull()) {
            try {
                if (!call.isObject()) throw new MalformedCaptureException("state.call is not an object");
                Instant callNow = Payloads.timeChecked(call, "now");
                Instant callAt = callNow != null ? callNow : at;
                activeCall(call, callAt, out);
            } catch (MalformedCaptureException e) {
                out.add(Event.Notice.keyed(VENDOR, at, NoticeLevel.WARNING, "ucs.readyStateCallIgnored", e.getMessage()));
            }
        }
        out.add(new Event.SessionReady(VENDOR, at));
    }

    /** The call already in progress when the bar starts, told by its Call.state. */
    private static void activeCall(JsonNode c, Instant at, List<Event> out) throws MalformedCaptureException {
        String id = callId(c);
        Call snap = snapshot(c);
        Integer st = Payloads.integer(c, "state");
        // "call" is documented as the active call: without a (known) state it is taken as talking.
        int s = st == null ? 3 : st;
        switch (s) {
            case 0, 1 -> {
                if (snap.direction() == Direction.INBOUND) out.add(new Event.CallRinging(VENDOR, at, id, snap));
                else out.add(new Event.CallDialing(VENDOR, at, id, snap));
            }
            case 2 -> out.add(new Event.CallRinging(VENDOR, at, id, snap));
            case 5 -> {
                out.add(new Event.CallConnected(VENDOR, at, id, snap));
                out.add(new Event.CallHeld(VENDOR, at, id));
            }
            // 4 (hung up): the call is over and there is nothing to show.
            case 4 -> { }
            default -> out.add(new Event.CallConnected(VENDOR, at, id, snap));
        }
    }

    private static Event stateChange(JsonNode args) throws MalformedCaptureException {
        JsonNode a0 = arg(args, 0);
        String status;
        String reason;
        if (a0 != null && a0.isObject()) {
            status = Payloads.text(a0, "status");
            reason = Payloads.text(a0, "reason");
        } else {
            // Tolerate onStateChange(status, reason), the argument order of changeStatus.
            status = Payloads.scalar(a0);
            reason = Payloads.scalar(arg(args, 1));
        }
        if (status == null) throw new MalformedCaptureException("onStateChange without status");
        return agentState(status, reason, null);
    }

    private static Event agentState(String status, String reason, Instant at) throws MalformedCaptureException {
        AgentState s;
        switch (status.toUpperCase(Locale.ROOT)) {
            case "OFFLINE" -> s = AgentState.OFFLINE;
            case "READY" -> s = AgentState.READY;
            case "ACW" -> s = AgentState.WRAP_UP;
            case "AUX" -> s = AgentState.NOT_READY;
            default -> throw new MalformedCaptureException("unknown agent status \"" + status + "\"");
        }
        // Only AUX has a reason in UCS; a leftover reason on READY would show a stale pause label.
        return new Event.AgentStateChanged(VENDOR, at, s, s == AgentState.NOT_READY ? reason : null, null);
    }

    private static Agent agent(JsonNode u) {
        String name = Payloads.text(u, "displayname");
        if (name == null) {
            String first = Payloads.text(u, "firstname");
            String last = Payloads.text(u, "lastname");
            String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
            name = joined.isEmpty() ? null : joined;
        }
        String ext = Payloads.text(u, "primary_extension");
        if (ext == null) ext = Payloads.text(u, "number");
        return new Agent(Payloads.text(u, "id"), name, Payloads.text(u, "username"), ext, Payloads.text(u, "email"));
    }

    private static List<Device> devices(JsonNode list) throws MalformedCaptureException {
        if (list == null || list.isNull()) return null;
        List<Device> out = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode d : list) {
                if (d.isObject()) out.add(device(d, null));
                else if (Payloads.scalar(d) != null) out.add(new Device(Payloads.scalar(d), Payloads.scalar(d)));
            }
        } else if (list.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = list.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> en = it.next();
                JsonNode v = en.getValue();
                if (v.isObject()) out.add(device(v, en.getKey()));
                else out.add(new Device(en.getKey(), Payloads.scalar(v) != null ? Payloads.scalar(v) : en.getKey()));
            }
        } else {
            throw new MalformedCaptureException("identificators is neither an array nor an object");
        }
        return out;
    }

    /**
     * The device id is the identifier UCS pairs by (ucsOperator.selectIdentifier takes it), so
     * {@code identifier} wins over the database {@code id}.
     */
    private static Device device(JsonNode d, String key) {
        String id = first(d, "identifier", "identificator", "id");
        if (id == null) id = key;
        String name = first(d, "name", "description", "label", "title");
        if (name == null) name = first(d, "extension", "number");
        if (name == null) name = id;
        return new Device(id, name);
    }

    /**
     * AUX reasons keyed by their text: UCS takes the reason text back in changeStatus("AUX", "Oběd") and
     * reports it in onStateChange, so the text is the id that round-trips; map keys and database ids are only
     * the fallback when an entry has no text.
     */
    private static List<PauseReason> pauseReasons(JsonNode aux) {
        List<PauseReason> out = new ArrayList<>();
        if (aux.isArray()) {
            for (JsonNode r : aux) {
                PauseReason p = pauseReason(r, null);
                if (p != null) out.add(p);
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = aux.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> en = it.next();
                PauseReason p = pauseReason(en.getValue(), en.getKey());
                if (p != null) out.add(p);
            }
        }
        return out;
    }

    private static PauseReason pauseReason(JsonNode r, String key) {
        if (r.isObject()) {
            String text = first(r, "name", "reason", "label", "description", "title");
            String id = text != null ? text : first(r, "id");
            if (id == null) id = key;
            if (id == null) return null;
            return new PauseReason(id, text != null ? text : id, Payloads.bool(r, "productive"));
        }
        String text = Payloads.scalar(r);
        if (text == null) text = key;
        return text == null ? null : new PauseReason(text, text, null);
    }

    // ---- calls -------------------------------------------------------------------------------------

    private static void hangup(JsonNode c, List<Event> out) throws MalformedCaptureException {
        String id = callId(c);
        Instant at = at(c);
        // The seed's causes run -1..14; a wider range keeps unknown future causes readable as "unknown".
        Integer cause = Payloads.intIn(c, "cause", -1, 1000);
        String word = null;
        if (cause != null) {
            word = cause >= -1 && cause + 1 < CAUSES.length ? CAUSES[cause + 1] : "unknown";
            if (cause == CAUSE_TRANSFER) {
                String target = Payloads.text(c, "connected_number");
                out.add(new Event.CallTransferred(VENDOR, at, id, target));
            }
        }
        out.add(new Event.CallEnded(VENDOR, at, id, word));
    }

    private static JsonNode call(JsonNode args) throws MalformedCaptureException {
        JsonNode c = arg(args, 0);
        if (c == null || c.isNull()) throw new MalformedCaptureException("call callback without a call argument");
        if (!c.isObject()) throw new MalformedCaptureException("call argument is not an object");
        return c;
    }

    /** {@code uniqueid}, never {@code id}: the seed warns that id rotates through 1–65535. */
    private static String callId(JsonNode c) throws MalformedCaptureException {
        String id = Payloads.text(c, "uniqueid");
        if (id == null) throw new MalformedCaptureException("call without uniqueid (its id rotates and cannot identify a call)");
        return id;
    }

    private static Instant at(JsonNode c) throws MalformedCaptureException {
        return Payloads.timeChecked(c, "now");
    }

    static Call snapshot(JsonNode c) throws MalformedCaptureException {
        String dir = Payloads.text(c, "direction");
        Direction direction = null;
        if ("INCOMING".equalsIgnoreCase(dir)) direction = Direction.INBOUND;
        else if ("OUTGOING".equalsIgnoreCase(dir)) direction = Direction.OUTBOUND;

        Party from = Party.of(Payloads.text(c, "caller_number"), Payloads.text(c, "caller_name"));
        String toNumber = Payloads.text(c, "called_number");
        if (toNumber == null) toNumber = Payloads.text(c, "connected_number");
        String toName = Payloads.text(c, "called_name");
        if (toName == null) toName = Payloads.text(c, "connected_name");
        Party to = Party.of(toNumber, toName);

        Customer customer = Customer.of(Payloads.text(c, "name"), Payloads.text(c, "number"),
                Payloads.text(c, "external_id"));
        // outbound_id 0 is how a call outside any campaign looks in practice; it names no campaign.
        String outbound = Payloads.text(c, "outbound_id");
        Campaign campaign = outbound == null || outbound.equals("0") ? null : Campaign.of(outbound, null);

        return new Call(callId(c), direction, from, to, queue(c), campaign, customer,
                Payloads.stringMap(c.get("data")), null);
    }

    /**
     * The seed's Call has no queue field; a UCS server that adds one (queue_id / queue_name, or a queue
     * object) is read, and otherwise the snapshot has no queue rather than a guessed one.
     */
    private static QueueRef queue(JsonNode c) {
        JsonNode q = c.get("queue");
        if (q != null && q.isObject()) {
            return QueueRef.of(first(q, "queue_id", "id"), first(q, "name", "queue_name"), Payloads.text(q, "number"));
        }
        String id = Payloads.text(c, "queue_id");
        if (id == null) id = Payloads.scalar(q);
        return QueueRef.of(id, Payloads.text(c, "queue_name"), null);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Event notice(NoticeLevel level, String message) {
        return new Event.Notice(VENDOR, null, level, message);
    }

    private static Event keyed(NoticeLevel level, String key, Object... args) {
        return Event.Notice.keyed(VENDOR, null, level, key, args);
    }

    /** A session error: UCS's own text as it wrote it; only its absence is ours to say (keyed). */
    private static Event sessionError(JsonNode message, String code, String fallbackKey) {
        String text = messageOr(message, null);
        return text == null ? Event.SessionError.keyed(VENDOR, null, code, fallbackKey)
                : new Event.SessionError(VENDOR, null, text, code);
    }

    /** UCS's own text as it wrote it (in the operator's language); only its absence is ours to say. */
    private static Event vendorText(NoticeLevel level, JsonNode message, String fallbackKey) {
        String text = messageOr(message, null);
        return text == null || text.isEmpty() ? keyed(level, fallbackKey) : notice(level, text);
    }

    private static Event message(JsonNode m) throws MalformedCaptureException {
        if (m == null || m.isNull()) throw new MalformedCaptureException("onMessage without a message");
        if (!m.isObject()) return notice(NoticeLevel.INFO, messageOr(m, ""));
        String type = Payloads.text(m, "type");
        NoticeLevel level = NoticeLevel.INFO;
        if ("warning".equalsIgnoreCase(type)) level = NoticeLevel.WARNING;
        else if ("error".equalsIgnoreCase(type)) level = NoticeLevel.ERROR;
        String text = Payloads.text(m, "message");
        if (text == null) text = Payloads.text(m, "group") != null ? Payloads.text(m, "group") : "";
        return notice(level, fill(text, m.get("data")));
    }

    /**
     * UCS messages are templates ("Chybný identifikátor: {identificator}") whose values travel in
     * data.values (the shape of ucsOperator.notify's "other"), or directly in data.
     */
    private static String fill(String text, JsonNode data) {
        if (data == null || !data.isObject() || text.indexOf('{') < 0) return text;
        JsonNode values = data.get("values") != null && data.get("values").isObject() ? data.get("values") : data;
        String out = text;
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> en = it.next();
            String v = Payloads.scalar(en.getValue());
            if (v != null) out = out.replace("{" + en.getKey() + "}", v);
        }
        return out;
    }

    private static String messageOr(JsonNode v, String fallback) {
        if (v == null || v.isNull()) return fallback;
        if (v.isContainerNode()) {
            String m = Payloads.text(v, "message");
            return m != null ? m : v.toString();
        }
        String s = Payloads.scalar(v);
        return s != null ? s : fallback;
    }

    private static String queueId(JsonNode args) throws MalformedCaptureException {
        String q = Payloads.scalar(arg(args, 0));
        if (q == null) throw new MalformedCaptureException("queue callback without a queue id");
        return q;
    }

    /** More waiting callers than any queue holds is a corrupt value, not a count. */
    static final int MAX_WAITING = 1_000_000;

    private static int count(JsonNode v) throws MalformedCaptureException {
        Integer n = null;
        if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
            n = v.intValue();
        } else if (v != null && v.isTextual()) {
            try {
                n = Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (n == null || n < 0 || n > MAX_WAITING) {
            String shown = v == null ? "missing" : v.toString();
            throw new MalformedCaptureException("waiting callers " + (n == null ? "is not a number" : "out of range 0.." + MAX_WAITING)
                    + ": " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
        }
        return n;
    }

    private static JsonNode object(JsonNode args, int i, String what) throws MalformedCaptureException {
        JsonNode v = arg(args, i);
        if (v == null || !v.isObject()) throw new MalformedCaptureException(what + " argument is not an object");
        return v;
    }

    private static JsonNode arg(JsonNode args, int i) {
        if (args == null || !args.isArray() || i >= args.size()) return null;
        return args.get(i);
    }

    private static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            String v = Payloads.text(n, f);
            if (v != null) return v;
        }
        return null;
    }
}
