package dev.unibar.connectors.max;

import dev.unibar.core.model.Event;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The call state Unibar has seen from MAX. MAX's hold, mute and mask are toggles: a toggle is sent only
 * when this state says it will do what the agent asked, never on a guess.
 */
final class MaxObserved {

    private final Set<String> ringing = new HashSet<>();
    private final Set<String> live = new HashSet<>();
    private final Set<String> held = new HashSet<>();
    private final Set<String> masked = new HashSet<>();
    private final Set<String> recording = new HashSet<>();
    private boolean muted;

    synchronized void apply(List<Event> events) {
        for (Event e : events) {
            if (e instanceof Event.CallRinging r) ringing.add(r.callId());
            else if (e instanceof Event.CallDialing d) live.add(d.callId());
            else if (e instanceof Event.CallConnected c) {
                ringing.remove(c.callId());
                live.add(c.callId());
            } else if (e instanceof Event.CallHeld h) held.add(h.callId());
            else if (e instanceof Event.CallResumed r) held.remove(r.callId());
            else if (e instanceof Event.CallMasked m) masked.add(m.callId());
            else if (e instanceof Event.CallUnmasked m) masked.remove(m.callId());
            else if (e instanceof Event.CallRecordingStarted r) recording.add(r.callId());
            else if (e instanceof Event.CallMuted) muted = true;
            else if (e instanceof Event.CallUnmuted) muted = false;
            else if (e instanceof Event.CallEnded x) {
                ringing.remove(x.callId());
                live.remove(x.callId());
                held.remove(x.callId());
                masked.remove(x.callId());
                recording.remove(x.callId());
                if (live.isEmpty()) muted = false;
            } else if (e instanceof Event.AgentLoggedOut) {
                ringing.clear();
                live.clear();
                held.clear();
                masked.clear();
                recording.clear();
                muted = false;
            }
        }
    }

    synchronized boolean isRinging(String callId) {
        return callId == null ? !ringing.isEmpty() : ringing.contains(callId);
    }

    synchronized boolean isLive(String callId) {
        return callId == null ? !live.isEmpty() : live.contains(callId);
    }

    synchronized boolean isHeld(String callId) {
        return held.contains(callId);
    }

    synchronized boolean isMasked(String callId) {
        return callId == null ? !masked.isEmpty() : masked.contains(callId);
    }

    synchronized boolean isRecording(String callId) {
        return callId == null ? !recording.isEmpty() : recording.contains(callId);
    }

    /** Ringing or on the line: a call MAX still has a contact for. */
    synchronized boolean isKnown(String callId) {
        return callId != null && (ringing.contains(callId) || live.contains(callId));
    }

    synchronized boolean isMuted() {
        return muted;
    }
}
