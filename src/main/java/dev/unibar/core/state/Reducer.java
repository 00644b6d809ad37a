package dev.unibar.core.state;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Folds normalized events into {@link BarState}. Pure: the same state, event and clock reading always
 * give the same result. Vendors deliver events late, twice or for calls the bar never saw; the rules
 * here make those harmless rather than trusting the order.
 */
public final class Reducer {

    /** How many ended call ids are remembered so that a late event cannot bring a call back. */
    static final int ENDED_MEMORY = 64;
    static final int RECORDING_MEMORY = 20;

    private Reducer() {
    }

    public static BarState reduce(BarState state, Event event, Instant now) {
        Objects.requireNonNull(event, "event");
        BarState.Builder b = state.toBuilder();
        b.eventCount++;
        Instant at = event.at() != null ? event.at() : now;
        if (event instanceof Event.CredentialsRequired e) {
            b.phase = SessionPhase.CREDENTIALS;
            b.agent = null;
            b.device = null;
            b.calls.clear();
            b.wrapUpCalls.clear();
        } else if (event instanceof Event.SessionReady e) {
            b.phase = SessionPhase.READY;
            b.lastError = null;
        } else if (event instanceof Event.SessionError e) {
            b.lastError = e;
        } else if (event instanceof Event.DeviceSelectionRequired e) {
            b.phase = SessionPhase.DEVICE_SELECTION;
            b.device = null;
            if (e.devices() != null) b.devices = e.devices();
        } else if (event instanceof Event.DevicePaired e) {
            b.device = e.device();
            if (b.phase != SessionPhase.READY) b.phase = SessionPhase.DEVICE_PAIRED;
        } else if (event instanceof Event.AgentLoggedIn e) {
            b.agent = e.agent();
        } else if (event instanceof Event.AgentLoggedOut e) {
            b.agent = null;
            b.device = null;
            b.calls.clear();
            b.queuedCalls.clear();
            b.followMe = null;
            b.wrapUpCalls.clear();
            b.phase = SessionPhase.CREDENTIALS;
            setAgentState(b, AgentState.OFFLINE, null, null, at);
            b.stateMaxSeconds = null;
        } else if (event instanceof Event.AgentStateChanged e) {
            setAgentState(b, e.state(), e.reason(), e.productive(), at);
            b.stateMaxSeconds = e.maxDurationSeconds();
            if (e.state() != AgentState.WRAP_UP) b.wrapUpCalls.clear();
        } else if (event instanceof Event.PauseReasons e) {
            b.pauseReasons = e.reasons();
        } else if (event instanceof Event.CallRinging e) {
            offer(b, e.callId(), e.call(), CallStatus.RINGING, now);
        } else if (event instanceof Event.CallDialing e) {
            offer(b, e.callId(), e.call(), CallStatus.DIALING, now);
        } else if (event instanceof Event.CallConnected e) {
            if (!b.recentlyEnded.contains(e.callId())) {
                CallView v = upsert(b, e.callId(), e.call(), CallStatus.CONNECTED, now);
                b.calls.put(e.callId(), v.withStatus(CallStatus.CONNECTED, now));
            }
        } else if (event instanceof Event.CallUpdated e) {
            // Only a call the bar shows: an update is no offer, and an ended call stays ended.
            if (e.call() != null) update(b, e.callId(), v -> v.withCall(e.call()));
        } else if (event instanceof Event.CallHeld e) {
            update(b, e.callId(), v -> v.withStatus(CallStatus.HELD, now));
        } else if (event instanceof Event.CallResumed e) {
            update(b, e.callId(),
                v -> v.status() == CallStatus.HELD ? v.withStatus(CallStatus.CONNECTED, now) : v);
        } else if (event instanceof Event.CallMuted e) {
            update(b, e.callId(), v -> v.withMuted(true));
        } else if (event instanceof Event.CallUnmuted e) {
            update(b, e.callId(), v -> v.withMuted(false));
        } else if (event instanceof Event.CallMasked e) {
            update(b, e.callId(), v -> v.withMasked(true));
        } else if (event instanceof Event.CallUnmasked e) {
            update(b, e.callId(), v -> v.withMasked(false));
        } else if (event instanceof Event.CallRecordingStarted e) {
            update(b, e.callId(), v -> v.withRecording(true));
        } else if (event instanceof Event.CallRecordingStopped e) {
            update(b, e.callId(), v -> v.withRecording(false));
        } else if (event instanceof Event.CallTransferred e) {
            // The line itself is released by the call.ended that follows.
        } else if (event instanceof Event.CallConferenced e) {
            update(b, e.callId(), CallView::asConference);
        } else if (event instanceof Event.CallEnded e) {
            CallView gone = b.calls.remove(e.callId());
            b.participants.remove(e.callId());
            if (gone != null) {
                b.lastEnded = gone;
                b.lastEndCause = e.cause();
            }
            remember(b.recentlyEnded, e.callId());
        } else if (event instanceof Event.CallWrapUp e) {
            CallView gone = b.calls.remove(e.callId());
            b.participants.remove(e.callId());
            if (gone != null) b.lastEnded = gone;
            remember(b.recentlyEnded, e.callId());
            String id = e.callId() == null ? "" : e.callId();
            if (!b.wrapUpCalls.contains(id)) b.wrapUpCalls.add(id);
        } else if (event instanceof Event.CallFinished e) {
            // Only this call's after-call work is over: another call's may go on (AgentDesktop keeps each
            // contact's own); a finish that names no call ends them all.
            if (e.callId() == null) b.wrapUpCalls.clear();
            else if (!b.wrapUpCalls.remove(e.callId())) b.wrapUpCalls.remove("");
            b.calls.remove(e.callId());
            b.participants.remove(e.callId());
            remember(b.recentlyEnded, e.callId());
        } else if (event instanceof Event.CallRecording e) {
            b.recordings.remove(e.callId());
            b.recordings.put(e.callId(), e.url());
            while (b.recordings.size() > RECORDING_MEMORY) {
                b.recordings.remove(b.recordings.keySet().iterator().next());
            }
        } else if (event instanceof Event.QueueWaiting e) {
            b.waitingCallers = e.count();
        } else if (event instanceof Event.QueueCallWaiting e) {
            if (e.callId() != null && e.call() != null) b.queuedCalls.put(e.callId(), e.call());
        } else if (event instanceof Event.QueueCallLeft e) {
            b.queuedCalls.remove(e.callId());
        } else if (event instanceof Event.AgentFollowMe e) {
            b.followMe = e.active() ? e.numbers() : null;
        } else if (event instanceof Event.CallParticipant e) {
            participant(b, e);
        } else if (event instanceof Event.Notice e) {
            b.lastNotice = e;
        } else if (event instanceof Event.VendorUnmapped e) {
            // Shown in the inspector only.
        }
        return b.build();
    }

    public static BarState reduceAll(BarState state, List<? extends Event> events, Instant now) {
        BarState s = state;
        for (Event e : events) s = reduce(s, e, now);
        return s;
    }

    public static BarState withConnection(BarState state, ConnectionStatus status) {
        BarState.Builder b = state.toBuilder();
        b.connection = status;
        return b.build();
    }

    private static void setAgentState(BarState.Builder b, AgentState s, String reason, Boolean productive,
                                      Instant at) {
        boolean changed = b.agentState != s || !Objects.equals(b.stateReason, reason);
        b.agentState = s;
        b.stateReason = reason;
        b.stateProductive = productive;
        // A repeated report of the same state must not restart the agent's time-in-state clock.
        if (changed || b.stateSince == null) b.stateSince = at;
    }

    /** A leg that left or failed to join is no longer in the conference; any other state replaces the leg's last. */
    private static void participant(BarState.Builder b, Event.CallParticipant e) {
        dev.unibar.core.model.Participant p = e.participant();
        if (e.callId() == null || p == null) return;
        String key = p.id() != null ? p.id() : p.number();
        java.util.List<dev.unibar.core.model.Participant> legs = new java.util.ArrayList<>(
                b.participants.getOrDefault(e.callId(), java.util.List.of()));
        legs.removeIf(x -> key != null && (key.equals(x.id()) || key.equals(x.number())));
        boolean gone = "left".equals(p.state()) || "failed".equals(p.state());
        if (!gone && key != null) legs.add(p);
        if (legs.isEmpty()) b.participants.remove(e.callId());
        else b.participants.put(e.callId(), legs);
    }

    private static void offer(BarState.Builder b, String id, Call call, CallStatus status, Instant now) {
        if (b.recentlyEnded.contains(id)) return;
        b.queuedCalls.remove(id);
        b.lastEndCause = null;
        CallView v = upsert(b, id, call, status, now);
        // A second ringing or dialing report never steps a call back from talking or hold.
        if (v.status() == CallStatus.CONNECTED || v.status() == CallStatus.HELD) {
            b.calls.put(id, v);
        } else {
            b.calls.put(id, v.withStatus(status, now));
        }
    }

    private static CallView upsert(BarState.Builder b, String id, Call call, CallStatus initial, Instant now) {
        CallView v = b.calls.get(id);
        Call snapshot = call != null ? call : Call.of(id);
        if (v == null) {
            return new CallView(snapshot, initial, false, false, now, initial == CallStatus.CONNECTED ? now : null);
        }
        return call != null ? v.withCall(call) : v;
    }

    private static void update(BarState.Builder b, String id, java.util.function.UnaryOperator<CallView> f) {
        CallView v = b.calls.get(id);
        if (v != null) b.calls.put(id, f.apply(v));
    }

    private static void remember(List<String> ids, String id) {
        // An event that names no call has nothing to remember (a null here broke the next state's copy).
        if (id == null) return;
        ids.remove(id);
        ids.add(id);
        while (ids.size() > ENDED_MEMORY) ids.remove(0);
    }
}
