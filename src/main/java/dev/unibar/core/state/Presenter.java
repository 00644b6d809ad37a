package dev.unibar.core.state;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.PauseReason;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the agent's {@link Presentation} from the bar's state, whatever the vendor. Pure: the same state gives
 * the same presentation. The rules, in order:
 * <ol>
 *     <li>The vendor asks for a sign-in: {@link Situation#OFFLINE} (the agent is signed out, that much is known).</li>
 *     <li>The connection is not up, or the session is still connecting: {@link Situation#NOT_KNOWN}.</li>
 *     <li>Signing in (choosing a phone): {@link Situation#OFFLINE}.</li>
 *     <li>A call rings for the agent: {@link Situation#RINGING}; any other call (talking, held, dialing):
 *     {@link Situation#ON_CALL}, whatever agent state the vendor keeps meanwhile (many keep "ready").</li>
 *     <li>After-call work: {@link Situation#WRAP_UP}; then the agent state; none reported yet:
 *     {@link Situation#NOT_KNOWN}.</li>
 * </ol>
 */
public final class Presenter {

    private Presenter() {
    }

    public static Presentation present(BarState s) {
        Presentation.Said said = new Presentation.Said(s.vendor(), s.connection(), s.phase(), s.agentState(),
                s.stateReason());
        boolean up = s.connection() == ConnectionStatus.CONNECTED;
        if (s.phase() == SessionPhase.CREDENTIALS) {
            return plain(Situation.OFFLINE, s.agentState() == AgentState.OFFLINE ? s : null, false, said);
        }
        if (!up || s.phase() == SessionPhase.CONNECTING) return plain(Situation.NOT_KNOWN, null, !up, said);
        if (s.phase() != SessionPhase.READY) return plain(Situation.OFFLINE, null, false, said);

        Optional<CallView> ringing = s.ringingInbound();
        if (ringing.isPresent()) {
            return new Presentation(Situation.RINGING, null, null, ringing.get().since(), null,
                    Presentation.Badges.NONE, false, false, said);
        }
        Optional<CallView> active = s.activeCall();
        if (active.isPresent()) {
            CallView a = active.get();
            boolean consulting = s.heldCall().filter(h -> !h.id().equals(a.id())).isPresent();
            int legs = s.participantsOf(a.id()).size();
            Presentation.Badges badges = new Presentation.Badges(a.status() == CallStatus.HELD, a.muted(),
                    a.conference() || legs > 0, legs, a.recording(), a.masked());
            return new Presentation(Situation.ON_CALL, null, null,
                    a.connectedAt() != null ? a.connectedAt() : a.since(), null, badges, consulting, false, said);
        }
        if (s.agentState() == AgentState.WRAP_UP || s.wrapUp()) {
            boolean timed = s.agentState() == AgentState.WRAP_UP;
            return new Presentation(Situation.WRAP_UP, null, null, timed ? s.stateSince() : null,
                    timed ? s.stateMaxSeconds() : null, Presentation.Badges.NONE, false, false, said);
        }
        if (!s.agentStateKnown()) return plain(Situation.NOT_KNOWN, null, false, said);
        return switch (s.agentState()) {
            case READY -> plain(Situation.READY, s, false, said);
            case OFFLINE -> plain(Situation.OFFLINE, s, false, said);
            default -> new Presentation(Situation.NOT_READY, reasonLabel(s), s.stateProductive(), s.stateSince(),
                    s.stateMaxSeconds(), Presentation.Badges.NONE, false, false, said);
        };
    }

    /** A situation with no reason, limit or badges; timed from the agent state's start when {@code timed} is given. */
    private static Presentation plain(Situation situation, BarState timed, boolean stale, Presentation.Said said) {
        return new Presentation(situation, null, null, timed == null ? null : timed.stateSince(), null,
                Presentation.Badges.NONE, false, stale, said);
    }

    /** The reason as the agent picked it: the label of the vendor's pause reason with that id, else as sent. */
    public static String reasonLabel(BarState s) {
        String r = s.stateReason();
        if (r == null || r.isBlank()) return null;
        for (PauseReason p : s.pauseReasons()) {
            if (r.equals(p.id()) || r.equals(p.label())) return p.label() != null ? p.label() : r;
        }
        return r;
    }

    /** The ends that say the agent's own call did not go through. */
    private static final Set<CallEnd> NOT_PLACED = Set.of(CallEnd.FAILED_BUSY, CallEnd.FAILED_NO_ANSWER,
            CallEnd.FAILED_CONGESTION, CallEnd.FAILED);

    /**
     * How the last call ended, in the one vocabulary (decision 0055), while no call is up; null while one is, or
     * before any ended. The vendor's cause goes through its table ({@code endCauses}) and is completed with what
     * the bar saw, as the journal does: the call card's last line says it in the same words for every vendor.
     */
    public static CallEnd lastEnd(BarState s, Map<String, CallEnd> endCauses) {
        return s.calls().isEmpty() ? end(s, endCauses) : null;
    }

    /** How the call that ended last ended (another may be up meanwhile), or null before any ended. */
    private static CallEnd end(BarState s, Map<String, CallEnd> endCauses) {
        CallView c = s.lastEnded();
        if (c == null) return null;
        return CallEnd.of(true, CallEnd.fromCause(endCauses, s.lastEndCause()),
                c.call().direction() == Direction.INBOUND, c.connectedAt() != null, false);
    }

    /**
     * The vendor said the call the agent placed did not go through (busy, no answer, congestion, another failure):
     * that end, else null; a consultation's too, while the held caller waits. Only the vendor's own cause counts:
     * an agent who hangs up a call still ringing knows why it ended.
     */
    public static CallEnd notPlaced(BarState s, Map<String, CallEnd> endCauses) {
        CallEnd end = end(s, endCauses);
        if (end == null || !NOT_PLACED.contains(end) || s.lastEnded().call().direction() == Direction.INBOUND
                || CallEnd.fromCause(endCauses, s.lastEndCause()) != end) return null;
        return end;
    }
}
