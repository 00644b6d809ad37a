package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps a flow begins with to sign in, pair the phone and get ready, held against the session as it is: a
 * supervisor rehearses in a bar that is already in use. A step the session has already gone through passes
 * ("already signed in"); one the session went through differently (another agent, another phone, a pause the
 * flow does not expect) is a conflict the runner reports with what to do, or resolves by signing out first.
 * Events are not replayed: the step's expectations are held against events made from the session's state.
 */
final class SessionSteps {

    enum Verdict { RUN, SATISFIED, CONFLICT }

    record Check(Verdict verdict, Reason reason) {
        static final Check RUN = new Check(Verdict.RUN, null);
    }

    private static final Set<String> AGENT = Set.of("login", "sso", "selectDevice", "provision", "ready");

    private SessionSteps() {
    }

    /**
     * How many steps from the start sign in, pair or get ready. Far-end steps that expect nothing (a simulator's
     * set-up, such as its delays) may sit among them; anything else ends the block.
     */
    static int leading(Flow flow) {
        int n = 0;
        for (Step s : flow.steps()) {
            boolean session = s.kind() == Step.Kind.AGENT && AGENT.contains(s.action());
            boolean setUp = s.kind() == Step.Kind.FAR && s.expect().isEmpty();
            if (!session && !setUp) break;
            n++;
        }
        return n;
    }

    /** Whether a leading step must run, was already done by the session, or conflicts with what it did. */
    static Check check(Step step, BarState s, Map<String, String> bindings) {
        if (step.kind() != Step.Kind.AGENT) return Check.RUN;
        SessionPhase p = s.phase();
        boolean signedIn = p == SessionPhase.DEVICE_SELECTION || p == SessionPhase.DEVICE_PAIRED || p == SessionPhase.READY;
        switch (step.action()) {
            case "login", "sso" -> {
                if (!signedIn) return Check.RUN;
                String who = s.agent() == null ? null : first(s.agent().login(), s.agent().name(), s.agent().id());
                String user = step.text("user");
                if (user != null && s.agent() != null && s.agent().login() != null && !user.equals(s.agent().login())) {
                    return conflict(Reason.of("run.other.agent", s.agent().login(), user));
                }
                String device = step.text("device");
                if (device != null && s.device() != null && !device.equals(s.device().id())) {
                    return conflict(Reason.of("run.other.device", s.device().id(), device));
                }
                return satisfied(step, s, bindings, who == null ? Reason.of("report.already.signedIn")
                        : Reason.of("report.already.signedInAs", who));
            }
            case "selectDevice", "provision" -> {
                if (p != SessionPhase.DEVICE_PAIRED && p != SessionPhase.READY) return Check.RUN;
                if (p == SessionPhase.DEVICE_PAIRED && step.action().equals("provision")) return Check.RUN;
                String device = step.text("device");
                String paired = s.device() == null ? null : s.device().id();
                if (device != null && paired != null && !device.equals(paired)) {
                    return conflict(Reason.of("run.other.device", paired, device));
                }
                return satisfied(step, s, bindings, paired == null ? Reason.of("report.already.paired")
                        : Reason.of("report.already.pairedWith", paired));
            }
            default -> {
                if (p != SessionPhase.READY || s.agentState() != AgentState.READY) return Check.RUN;
                return satisfied(step, s, bindings, Reason.of("report.already.ready"));
            }
        }
    }

    /**
     * What the agent can do when the bar does not allow a step's command: the agent's own state (signed in,
     * paused, a call on the line) must never fail a flow without saying so. Null when nothing of the agent's
     * state explains it (the flow's own order: no ringing call to answer).
     */
    static Reason hint(Capabilities caps, BarState s, CommandKind k, String vendor) {
        if (!caps.supports(k)) return Reason.of("run.hint.unsupported", vendor);
        if (!caps.allowedIn(k, s.phase())) {
            boolean signIn = k == CommandKind.LOGIN || k == CommandKind.SSO;
            return Reason.of(signIn && s.phase() != SessionPhase.CREDENTIALS ? "run.hint.signOut" : "run.hint.signIn");
        }
        if (caps.refusedWhilePaused(k) && s.agentState() == AgentState.NOT_READY) return Reason.of("run.hint.paused");
        boolean needsFreeLine = k == CommandKind.DIAL || k == CommandKind.PICKUP || k == CommandKind.TAKE_QUEUED_CALL;
        if (needsFreeLine && !s.calls().isEmpty()) return Reason.of("run.hint.endCall", s.calls().size());
        return null;
    }

    private static Check conflict(Reason why) {
        return new Check(Verdict.CONFLICT, why);
    }

    /** Passes when every expectation of the step holds for the session's state; else it is a conflict. */
    private static Check satisfied(Step step, BarState s, Map<String, String> bindings, Reason note) {
        List<JsonNode> now = snapshot(s);
        Map<String, String> tentative = new HashMap<>(bindings);
        for (EventPattern p : step.expect()) {
            EventPattern.Mismatch closest = null;
            boolean found = false;
            for (JsonNode e : now) {
                if (!p.type().equals(e.path("type").asText())) continue;
                EventPattern.Mismatch m = p.match(e, tentative);
                if (m == null) {
                    found = true;
                    break;
                }
                closest = m;
            }
            if (!found) {
                Reason why = closest != null ? Reason.of("run.cameClose", p.type(), closest.reason())
                        : Reason.of("run.stateShowsNo", p.type());
                return conflict(Reason.of("run.stateDiffers", p.line(), p.describe(), why));
            }
        }
        bindings.putAll(tentative);
        return new Check(Verdict.SATISFIED, note);
    }

    /** The events that would describe the session's state now, in the CONTRACT's JSON. */
    static List<JsonNode> snapshot(BarState s) {
        String v = s.vendor();
        List<Event> out = new ArrayList<>();
        if (s.phase() == SessionPhase.READY) out.add(new Event.SessionReady(v, null));
        if (!s.devices().isEmpty()) out.add(new Event.DeviceSelectionRequired(v, null, s.devices()));
        if (s.device() != null) out.add(new Event.DevicePaired(v, null, s.device()));
        if (s.agent() != null) out.add(new Event.AgentLoggedIn(v, null, s.agent()));
        if (s.agentState() != null) {
            out.add(new Event.AgentStateChanged(v, null, s.agentState(), s.stateReason(), s.stateProductive(),
                    s.stateMaxSeconds()));
        }
        if (!s.pauseReasons().isEmpty()) out.add(new Event.PauseReasons(v, null, s.pauseReasons()));
        return out.stream().map(e -> (JsonNode) EventJson.toNode(e)).toList();
    }

    private static String first(String... values) {
        for (String x : values) if (x != null && !x.isBlank()) return x;
        return null;
    }
}
