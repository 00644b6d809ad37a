package dev.unibar.flow;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an agent step into the command the bar would send for the same click, with the call the bar would
 * pick (the ringing call for answer, the held one for resume and complete, else the active one); a step may
 * name the call itself with {@code call: $variable}.
 */
final class AgentCommands {

    private AgentCommands() {
    }

    /** @throws IllegalStateException when the step needs a call and the bar has none */
    static Command of(Step s, BarState state, Map<String, String> bindings, Function<String, String> env) {
        switch (s.action()) {
            case "login":
                return new Command.Login(s.text("user"), password(s.text("password"), env), s.flag("remember"), s.text("device"),
                        s.text("deviceType"));
            case "sso": return new Command.Sso(s.text("user"));
            case "logout": return new Command.Logout();
            case "selectDevice": return new Command.SelectDevice(s.text("device"));
            case "provision": return new Command.Provision();
            case "identify": return new Command.Identify();
            case "ready": return new Command.SetState(AgentState.READY, null);
            case "pause": return new Command.SetState(AgentState.NOT_READY, s.text("reason"));
            case "wrapUp": return new Command.SetState(AgentState.WRAP_UP, null);
            case "offline": return new Command.SetState(AgentState.OFFLINE, null);
            case "suspendQueue": return new Command.SuspendQueue(s.text("queue"));
            case "resumeQueue": return new Command.ResumeQueue(s.text("queue"));
            case "dial": return new Command.Dial(s.text("number"), s.text("queue"), s.flag("internal"));
            case "answer": return new Command.Answer(call(s, state, bindings, state.ringingInbound(), "a ringing call to answer"));
            case "reject": return new Command.Reject(call(s, state, bindings, state.ringingInbound(), "a ringing call to reject"));
            case "hangup": return new Command.Hangup(active(s, state, bindings, "a call to hang up"));
            case "hold": return new Command.Hold(active(s, state, bindings, "a call to hold"));
            case "resume": return new Command.Resume(call(s, state, bindings, state.heldCall().or(state::activeCall), "a held call"));
            case "mute": return new Command.Mute(active(s, state, bindings, "a call to mute"));
            case "unmute": return new Command.Unmute(active(s, state, bindings, "a call to unmute"));
            case "consult": return new Command.Consult(active(s, state, bindings, "a call to consult from"), s.text("to"), s.flag("internal"));
            case "blindTransfer":
                return new Command.BlindTransfer(active(s, state, bindings, "a call to transfer"), s.text("to"), s.flag("internal"));
            case "complete":
                return new Command.CompleteTransfer(call(s, state, bindings, state.heldCall().or(state::activeCall), "a call to transfer"));
            case "conference":
                return new Command.Conference(call(s, state, bindings, state.heldCall().or(state::activeCall), "a call to conference"),
                        s.text("with"), s.flag("internal"));
            case "endConference": return new Command.EndConference(active(s, state, bindings, "a conference to end"));
            case "accountCode": {
                Optional<CallView> c = state.activeCall().or(() -> Optional.ofNullable(state.lastEnded()));
                return new Command.SetAccountCode(call(s, state, bindings, c, "a call for the account code"), s.text("code"),
                        s.text("subCode"), s.flag("override"));
            }
            default:
                return more(s, state, bindings);
        }
    }

    /** The bar's other controls: a consultation given up, queue, follow-me, conference, tones, recording. */
    private static Command more(Step s, BarState state, Map<String, String> bindings) {
        switch (s.action()) {
            case "cancelConsult": return new Command.CancelConsult(call(s, state, bindings, state.heldCall(), "a held call"));
            case "takeQueued": {
                Optional<String> first = state.queuedCalls().keySet().stream().findFirst();
                String named = s.text("call");
                return new Command.TakeQueuedCall(named != null ? call(s, state, bindings, Optional.empty(), "a waiting call")
                        : first.orElseThrow(() -> new IllegalStateException("the bar has no waiting call to take")));
            }
            case "pickup": return new Command.Pickup(s.text("extension"));
            case "followMe": return new Command.FollowMe(s.list("numbers"), s.flag("internal"));
            case "cancelFollowMe": return new Command.CancelFollowMe();
            case "voicemail": return new Command.ToVoicemail(active(s, state, bindings, "a call to send to voicemail"));
            case "leaveConference": return new Command.LeaveConference(active(s, state, bindings, "a conference to leave"));
            case "cancelConference": return new Command.CancelConference(active(s, state, bindings, "a conference"));
            case "removeParticipant":
                return new Command.RemoveParticipant(active(s, state, bindings, "a conference"), s.text("number"));
            case "dtmf": return new Command.SendDtmf(active(s, state, bindings, "a call for the tones"), s.text("digits"));
            case "swap": return new Command.Swap(call(s, state, bindings, state.heldCall(), "a held call to swap to"));
            case "callData": {
                Map<String, String> data = new java.util.LinkedHashMap<>();
                s.map("data").forEach((k, v) -> data.put(k, v == null ? "" : String.valueOf(v)));
                return new Command.SetCallData(active(s, state, bindings, "a call for the data"), data);
            }
            case "startRecording": return new Command.StartRecording(active(s, state, bindings, "a call to record"));
            case "stopRecording": return new Command.StopRecording(active(s, state, bindings, "a recorded call"));
            case "mask": return new Command.Mask(active(s, state, bindings, "a call to mask"));
            case "unmask": return new Command.Unmask(active(s, state, bindings, "a masked call"));
            default:
                throw new IllegalArgumentException("unknown agent action " + s.action());
        }
    }

    /** {@code ${env:NAME}} keeps a live vendor's password out of the flow file, as in config.yml. */
    static String password(String p, Function<String, String> env) {
        java.util.regex.Matcher m = ENV_REF.matcher(p == null ? "" : p.trim());
        if (!m.matches()) return p;
        String v = env.apply(m.group(1));
        if (v == null || v.isEmpty()) throw new IllegalStateException("environment variable " + m.group(1) + " is not set");
        return v;
    }

    private static final java.util.regex.Pattern ENV_REF = java.util.regex.Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private static String active(Step s, BarState state, Map<String, String> b, String what) {
        return call(s, state, b, state.activeCall(), what);
    }

    private static String call(Step s, BarState state, Map<String, String> bindings, Optional<CallView> pick, String what) {
        String named = s.text("call");
        if (named != null) {
            if (!EventPattern.isVariable(named)) return named;
            String v = bindings.get(named.substring(1));
            if (v == null) throw new IllegalStateException(named + " is not bound by an earlier expectation");
            return v;
        }
        return pick.map(CallView::id).orElseThrow(() -> new IllegalStateException("the bar has no " + what));
    }
}
