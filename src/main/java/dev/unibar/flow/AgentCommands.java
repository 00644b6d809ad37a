package dev.unibar.flow;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.Map;
import java.util.Optional;

/**
 * Turns an agent step into the command the bar would send for the same click, with the call the bar would
 * pick (the ringing call for answer, the held one for resume and complete, else the active one); a step may
 * name the call itself with {@code call: $variable}.
 */
final class AgentCommands {

    private AgentCommands() {
    }

    /** @throws IllegalStateException when the step needs a call and the bar has none */
    static Command of(Step s, BarState state, Map<String, String> bindings) {
        switch (s.action()) {
            case "login":
                return new Command.Login(s.text("user"), password(s.text("password")), s.flag("remember"), s.text("device"),
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
                throw new IllegalArgumentException("unknown agent action " + s.action());
        }
    }

    /** {@code ${env:NAME}} keeps a live vendor's password out of the flow file, as in config.yml. */
    static String password(String p) {
        java.util.regex.Matcher m = ENV_REF.matcher(p == null ? "" : p.trim());
        if (!m.matches()) return p;
        String v = System.getenv(m.group(1));
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
