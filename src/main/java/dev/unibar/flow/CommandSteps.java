package dev.unibar.flow;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command the bar sent, as the agent step that sends it again ({@link AgentCommands} the other way round). A
 * step names its call ({@code call: $var}) only where the runner would pick another one. A password is never
 * written: the step reads it from {@value #PASSWORD_VARIABLE} when it runs.
 */
final class CommandSteps {

    static final String PASSWORD_VARIABLE = "UNIBAR_PASSWORD";

    /** An agent step: its action and keys; null action for what a flow cannot replay. */
    record AgentStep(String action, Map<String, Object> args) {
    }

    private CommandSteps() {
    }

    /** @param var the variable bound to a call id, or null when no expectation named it */
    static AgentStep of(Command command, BarState before, Function<String, String> var) {
        Map<String, Object> a = new LinkedHashMap<>();
        String action = session(command, a);
        if (action == null) action = call(command, before, a, var);
        if (action == null) action = more(command, before, a, var);
        return new AgentStep(action, a);
    }

    /** Signing in and out, the phone, the agent's state and queues. */
    private static String session(Command command, Map<String, Object> a) {
        if (command instanceof Command.Login c) {
            a.put("user", c.username());
            a.put("password", "${env:" + PASSWORD_VARIABLE + "}");
            put(a, "device", c.device());
            put(a, "deviceType", c.deviceType());
            if (c.remember()) a.put("remember", true);
            return "login";
        }
        if (command instanceof Command.Sso c) {
            put(a, "user", c.username());
            return "sso";
        }
        if (command instanceof Command.Logout) return "logout";
        if (command instanceof Command.SelectDevice c) {
            a.put("device", c.deviceId());
            return "selectDevice";
        }
        if (command instanceof Command.Provision) return "provision";
        if (command instanceof Command.Identify) return "identify";
        if (command instanceof Command.SetState c) return state(c, a);
        if (command instanceof Command.SuspendQueue c) {
            a.put("queue", c.queueId());
            return "suspendQueue";
        }
        if (command instanceof Command.ResumeQueue c) {
            a.put("queue", c.queueId());
            return "resumeQueue";
        }
        if (command instanceof Command.Dial c) {
            a.put("number", c.number());
            put(a, "queue", c.queueId());
            if (c.internal()) a.put("internal", true);
            return "dial";
        }
        return null;
    }

    /** The call controls of the bar's first row and transfer pop-over. */
    private static String call(Command command, BarState b, Map<String, Object> a, Function<String, String> var) {
        Optional<CallView> heldElseActive = b.heldCall().or(b::activeCall);
        if (command instanceof Command.Answer c) return call("answer", c.callId(), b.ringingInbound(), a, var);
        if (command instanceof Command.Reject c) return call("reject", c.callId(), b.ringingInbound(), a, var);
        if (command instanceof Command.Hangup c) return call("hangup", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Hold c) return call("hold", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Resume c) return call("resume", c.callId(), heldElseActive, a, var);
        if (command instanceof Command.Mute c) return call("mute", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Unmute c) return call("unmute", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Consult c) return transfer("consult", c.callId(), c.target(), c.internal(), b, a, var);
        if (command instanceof Command.BlindTransfer c) {
            return transfer("blindTransfer", c.callId(), c.target(), c.internal(), b, a, var);
        }
        if (command instanceof Command.CompleteTransfer c) return call("complete", c.callId(), heldElseActive, a, var);
        if (command instanceof Command.Conference c) {
            put(a, "with", c.participant());
            if (c.internal()) a.put("internal", true);
            return call("conference", c.callId(), heldElseActive, a, var);
        }
        if (command instanceof Command.EndConference c) return call("endConference", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.SetAccountCode c) {
            a.put("code", c.accountCode());
            put(a, "subCode", c.subAccountCode());
            if (c.override()) a.put("override", true);
            return call("accountCode", c.callId(), b.activeCall().or(() -> Optional.ofNullable(b.lastEnded())), a, var);
        }
        return null;
    }

    /** The bar's other controls; null for what is no step of a call (a recording downloaded to the agent's disk). */
    private static String more(Command command, BarState b, Map<String, Object> a, Function<String, String> var) {
        if (command instanceof Command.CancelConsult c) return call("cancelConsult", c.callId(), b.heldCall(), a, var);
        if (command instanceof Command.TakeQueuedCall c) {
            String first = b.queuedCalls().keySet().stream().findFirst().orElse(null);
            return call("takeQueued", c.callId(), Optional.empty(), a, var, c.callId().equals(first));
        }
        if (command instanceof Command.Pickup c) {
            put(a, "extension", c.extension());
            return "pickup";
        }
        if (command instanceof Command.FollowMe c) {
            a.put("numbers", c.numbers());
            if (c.internal()) a.put("internal", true);
            return "followMe";
        }
        if (command instanceof Command.CancelFollowMe) return "cancelFollowMe";
        if (command instanceof Command.ToVoicemail c) return call("voicemail", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.LeaveConference c) return call("leaveConference", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.CancelConference c) return call("cancelConference", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.RemoveParticipant c) {
            a.put("number", c.number());
            return call("removeParticipant", c.callId(), b.activeCall(), a, var);
        }
        if (command instanceof Command.SendDtmf c) {
            a.put("digits", c.digits());
            return call("dtmf", c.callId(), b.activeCall(), a, var);
        }
        if (command instanceof Command.Swap c) return call("swap", c.callId(), b.heldCall(), a, var);
        if (command instanceof Command.SetCallData c) {
            a.put("data", new LinkedHashMap<>(c.data()));
            return call("callData", c.callId(), b.activeCall(), a, var);
        }
        if (command instanceof Command.StartRecording c) return call("startRecording", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.StopRecording c) return call("stopRecording", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Mask c) return call("mask", c.callId(), b.activeCall(), a, var);
        if (command instanceof Command.Unmask c) return call("unmask", c.callId(), b.activeCall(), a, var);
        return null;
    }

    private static String state(Command.SetState c, Map<String, Object> a) {
        if (c.state() == AgentState.NOT_READY) {
            put(a, "reason", c.reasonId());
            return "pause";
        }
        return switch (c.state()) {
            case READY -> "ready";
            case WRAP_UP -> "wrapUp";
            default -> "offline";
        };
    }

    private static String transfer(String action, String callId, String to, boolean internal, BarState before,
                                   Map<String, Object> a, Function<String, String> var) {
        a.put("to", to);
        if (internal) a.put("internal", true);
        return call(action, callId, before.activeCall(), a, var);
    }

    private static String call(String action, String callId, Optional<CallView> picked, Map<String, Object> a,
                               Function<String, String> var) {
        return call(action, callId, picked, a, var, picked.map(CallView::id).filter(callId::equals).isPresent());
    }

    /** Names the call only when the runner would pick another one, and only by a variable an expectation bound. */
    private static String call(String action, String callId, Optional<CallView> picked, Map<String, Object> a,
                               Function<String, String> var, boolean pickedIsIt) {
        if (!pickedIsIt && callId != null) {
            String v = var.apply(callId);
            if (v != null) a.put("call", "$" + v);
        }
        return action;
    }

    private static void put(Map<String, Object> a, String key, Object value) {
        if (value != null) a.put(key, value);
    }
}
