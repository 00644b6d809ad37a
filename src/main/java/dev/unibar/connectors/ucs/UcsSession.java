package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.PauseReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.unibar.connectors.ucs.UcsArgs.arg;
import static dev.unibar.connectors.ucs.UcsArgs.count;
import static dev.unibar.connectors.ucs.UcsArgs.first;
import static dev.unibar.connectors.ucs.UcsCalls.activeCall;
import static dev.unibar.connectors.ucs.UcsMapper.VENDOR;

/** The agent's side of UCS: the user, the phone identifiers and the device, the status with its AUX reasons, onReady. */
final class UcsSession {

    private UcsSession() {
    }

    /**
     * onReady carries the whole start-up state. One odd part (an unknown status, a call without uniqueid)
     * becomes a warning notice instead of making the line malformed: that would also lose session.ready and
     * leave the bar waiting forever.
     */
    static void ready(JsonNode state, List<Event> out) {
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

    static Event stateChange(JsonNode args) throws MalformedCaptureException {
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

    static Agent agent(JsonNode u) {
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

    static List<Device> devices(JsonNode list) throws MalformedCaptureException {
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
    static Device device(JsonNode d, String key) {
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
}
