package dev.unibar.localapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bar's state as the API shows it (docs/local-api.md): the snapshot a client gets on connect, the agent state
 * derived from the vendor's state and the calls on the line, and which API commands the bar would accept now
 * (the guard's answer, so a CRM can enable exactly the buttons the bar enables).
 */
final class ApiState {

    /** API command name → the command kind the guard judges. setDisposition and snapshot are not the vendor's. */
    static final Map<String, CommandKind> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("dial", CommandKind.DIAL);
        COMMANDS.put("answer", CommandKind.ANSWER);
        COMMANDS.put("reject", CommandKind.REJECT);
        COMMANDS.put("hangup", CommandKind.HANGUP);
        COMMANDS.put("hold", CommandKind.HOLD);
        COMMANDS.put("resume", CommandKind.RESUME);
        COMMANDS.put("mute", CommandKind.MUTE);
        COMMANDS.put("unmute", CommandKind.UNMUTE);
        COMMANDS.put("transfer", CommandKind.BLIND_TRANSFER);
        COMMANDS.put("consult", CommandKind.CONSULT);
        COMMANDS.put("completeTransfer", CommandKind.COMPLETE_TRANSFER);
        COMMANDS.put("setState", CommandKind.SET_STATE);
        COMMANDS.put("setCallData", CommandKind.SET_CALL_DATA);
    }

    private ApiState() {
    }

    /**
     * One word for what the agent is doing: {@code offline} (not signed in or ready to work), {@code ringing},
     * {@code dialing}, {@code talking}, {@code held}, {@code wrapUp}, {@code notReady}, {@code ready}; the
     * calls on the line win over the vendor's agent state.
     */
    static String derived(BarState s) {
        if (s.phase() != SessionPhase.READY) return "offline";
        if (s.ringingInbound().isPresent()) return "ringing";
        CallView active = s.activeCall().orElse(null);
        if (active != null) {
            return switch (active.status()) {
                case DIALING, RINGING -> "dialing";
                case HELD -> "held";
                default -> "talking";
            };
        }
        if (s.wrapUp() || s.agentState() == AgentState.WRAP_UP) return "wrapUp";
        if (s.agentState() == null) return "ready";
        return switch (s.agentState()) {
            case NOT_READY -> "notReady";
            case OFFLINE -> "offline";
            default -> "ready";
        };
    }

    static ArrayNode allowed(Capabilities caps, BarState s) {
        Set<CommandKind> now = Guard.allowedNow(caps, s);
        ArrayNode a = EventJson.MAPPER.createArrayNode();
        COMMANDS.forEach((name, kind) -> {
            if (now.contains(kind)) a.add(name);
        });
        return a;
    }

    static ArrayNode supported(Capabilities caps) {
        ArrayNode a = EventJson.MAPPER.createArrayNode();
        COMMANDS.forEach((name, kind) -> {
            if (caps.supports(kind)) a.add(name);
        });
        a.add("setDisposition");
        return a;
    }

    static ObjectNode snapshot(BarState s, Capabilities caps, java.util.List<String> codes) {
        ObjectNode o = EventJson.MAPPER.createObjectNode();
        o.put("vendor", s.vendor());
        o.put("connection", s.connection().name());
        o.put("phase", s.phase().name());
        if (s.agent() != null) {
            ObjectNode a = o.putObject("agent");
            put(a, "id", s.agent().id());
            put(a, "name", s.agent().name());
            put(a, "login", s.agent().login());
            put(a, "extension", s.agent().extension());
        }
        ObjectNode st = o.putObject("agentState");
        if (s.agentState() != null) st.put("state", s.agentState().name());
        put(st, "reason", s.stateReason());
        if (s.stateProductive() != null) st.put("productive", s.stateProductive());
        if (s.stateSince() != null) st.put("since", EventJson.time(s.stateSince()));
        o.put("derivedState", derived(s));
        ArrayNode calls = o.putArray("calls");
        for (CallView c : s.calls().values()) {
            ObjectNode v = calls.addObject();
            v.set("call", EventJson.call(c.call()));
            v.put("status", status(c.status()));
            v.put("muted", c.muted());
            v.put("conference", c.conference());
            if (c.since() != null) v.put("since", EventJson.time(c.since()));
            if (c.connectedAt() != null) v.put("connectedAt", EventJson.time(c.connectedAt()));
        }
        o.set("supported", supported(caps));
        o.set("allowed", allowed(caps, s));
        ArrayNode d = o.putArray("dispositions");
        codes.forEach(d::add);
        return o;
    }

    static String status(CallStatus s) {
        return switch (s) {
            case RINGING -> "ringing";
            case DIALING -> "dialing";
            case HELD -> "held";
            default -> "connected";
        };
    }

    private static void put(ObjectNode o, String k, String v) {
        if (v != null) o.put(k, v);
    }
}
