package dev.unibar.core.command;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which commands make sense right now: the vendor must offer the command, its API must accept it in
 * the current session phase, and the calls on the line must fit it (no answer without a ringing
 * call, no resume without a held one). The UI enables a control exactly when this says yes.
 */
public final class Guard {

    private Guard() {
    }

    public static boolean allowed(Capabilities caps, BarState s, CommandKind k) {
        if (!caps.allowedIn(k, s.phase())) return false;
        if (caps.refusedWhilePaused(k) && s.agentState() == AgentState.NOT_READY) return false;
        Optional<CallView> active = s.activeCall();
        if (caps.refusedInConference(k) && active.map(CallView::conference).orElse(false)) return false;
        boolean anyCall = !s.calls().isEmpty();
        boolean talking = active.map(c -> c.status() == CallStatus.CONNECTED).orElse(false);
        return switch (k) {
            case ANSWER, REJECT -> s.ringingInbound().isPresent();
            case HANGUP -> anyCall;
            case HOLD -> talking;
            case RESUME -> s.heldCall().isPresent() && !talking;
            case MUTE -> talking && !active.get().muted();
            case UNMUTE -> active.map(CallView::muted).orElse(false);
            case BLIND_TRANSFER, CONSULT -> talking && s.calls().size() == 1;
            case COMPLETE_TRANSFER -> s.heldCall().isPresent() && s.calls().size() >= 2;
            case CONFERENCE -> talking;
            case END_CONFERENCE -> s.calls().values().stream().anyMatch(CallView::conference);
            case DIAL -> s.calls().isEmpty();
            case SET_ACCOUNT_CODE -> anyCall || s.lastEnded() != null;
            case SET_STATE -> true;
            case DOWNLOAD_RECORDING -> recordingAfterCall(s).isPresent();
            case CANCEL_CONSULT -> s.heldCall().isPresent() && s.calls().size() >= 2;
            case TAKE_QUEUED_CALL -> !s.queuedCalls().isEmpty() && s.calls().isEmpty();
            case PICKUP -> s.calls().isEmpty();
            case CANCEL_FOLLOW_ME -> s.followMe() != null;
            case TO_VOICEMAIL -> anyCall;
            case LEAVE_CONFERENCE, REMOVE_PARTICIPANT, CANCEL_CONFERENCE ->
                    s.calls().values().stream().anyMatch(CallView::conference);
            case SEND_DTMF -> talking;
            case SWAP -> s.heldCall().isPresent() && talking;
            // A contact lives on through after-call work (AgentDesktop's until JOBFINISHED): its data may still change.
            case SET_CALL_DATA -> anyCall || (s.wrapUp() && s.lastEnded() != null);
            case CONTACT_CARD -> anyCall;
            case START_RECORDING -> talking && !active.get().recording();
            case STOP_RECORDING -> active.map(CallView::recording).orElse(false);
            case MASK -> talking && !active.get().masked();
            case UNMASK -> active.map(CallView::masked).orElse(false);
            default -> true;
        };
    }

    /**
     * The newest recording whose call has left the line: a recording is whole, and EPBX serves it (HTTP 404 before),
     * only once the call ended; during the call the bar does not offer it.
     */
    public static Optional<String> recordingAfterCall(BarState s) {
        String found = null;
        for (String id : s.recordings().keySet()) if (!s.calls().containsKey(id)) found = id;
        return Optional.ofNullable(found);
    }

    public static Set<CommandKind> allowedNow(Capabilities caps, BarState s) {
        Set<CommandKind> out = EnumSet.noneOf(CommandKind.class);
        for (CommandKind k : CommandKind.values()) if (allowed(caps, s, k)) out.add(k);
        return out;
    }
}
