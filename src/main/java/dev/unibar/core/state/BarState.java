package dev.unibar.core.state;

import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Participant;
import dev.unibar.core.model.PauseReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the bar shows, as one immutable value. The reducer makes a new one for every event; the
 * UI binds to the latest. Calls keep the order in which they first appeared.
 */
public record BarState(
        String vendor,
        ConnectionStatus connection,
        SessionPhase phase,
        Agent agent,
        AgentState agentState,
        String stateReason,
        Boolean stateProductive,
        Instant stateSince,
        Integer stateMaxSeconds,
        List<PauseReason> pauseReasons,
        List<Device> devices,
        Device device,
        Map<String, CallView> calls,
        CallView lastEnded,
        Map<String, String> recordings,
        Integer waitingCallers,
        Event.Notice lastNotice,
        Event.SessionError lastError,
        List<String> recentlyEnded,
        long eventCount,
        Map<String, Call> queuedCalls,
        List<String> followMe,
        String lastEndCause,
        Map<String, List<Participant>> participants,
        List<String> wrapUpCalls) {

    public BarState {
        pauseReasons = List.copyOf(pauseReasons);
        devices = List.copyOf(devices);
        calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
        recordings = Collections.unmodifiableMap(new LinkedHashMap<>(recordings));
        recentlyEnded = List.copyOf(recentlyEnded);
        queuedCalls = Collections.unmodifiableMap(new LinkedHashMap<>(queuedCalls));
        followMe = followMe == null ? null : List.copyOf(followMe);
        participants = participants == null ? Map.of() : copyParticipants(participants);
        wrapUpCalls = wrapUpCalls == null ? List.of() : List.copyOf(wrapUpCalls);
    }

    private static Map<String, List<Participant>> copyParticipants(Map<String, List<Participant>> in) {
        Map<String, List<Participant>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** In after-call work: while any call is in it (the vendor's word for the agent's state aside). */
    public boolean wrapUp() {
        return !wrapUpCalls.isEmpty();
    }

    /** The conference legs the vendor reported for a call (dialing or connected; those that left are gone). */
    public List<Participant> participantsOf(String callId) {
        return participants.getOrDefault(callId, List.of());
    }

    public static BarState initial(String vendor) {
        return new BarState(vendor, ConnectionStatus.CONNECTING, SessionPhase.CONNECTING, null, null, null, null,
                null, null, List.of(), List.of(), null, Map.of(), null, Map.of(), null, null, null, List.of(), 0,
                Map.of(), null, null, Map.of(), List.of());
    }

    /**
     * Whether the agent state is the vendor's now: signed in and the connector says it knows
     * ({@link ConnectionStatus#CONNECTED}). While false the state held is only the last one known: the bar
     * must not show it as current (no state counting its time, no controls that act on it).
     */
    public boolean agentStateKnown() {
        return connection == ConnectionStatus.CONNECTED && phase == SessionPhase.READY && agentState != null;
    }

    /**
     * The call the agent is working on: the newest one that is not on hold, else the newest. A conference the
     * vendor reports as several calls (MAX: one contact per party) is its first call, the one the agent was on
     * before the others joined, as a vendor that keeps a conference as one call shows it.
     */
    public Optional<CallView> activeCall() {
        CallView last = null;
        CallView lastNotHeld = null;
        for (CallView c : calls.values()) {
            last = c;
            if (c.status() != CallStatus.HELD) lastNotHeld = c;
        }
        CallView pick = lastNotHeld != null ? lastNotHeld : last;
        if (pick != null && pick.conference()) {
            for (CallView c : calls.values()) {
                if (c.conference() && c.status() == pick.status()) return Optional.of(c);
            }
        }
        return Optional.ofNullable(pick);
    }

    public Optional<CallView> heldCall() {
        return calls.values().stream().filter(c -> c.status() == CallStatus.HELD).findFirst();
    }

    public Optional<CallView> ringingInbound() {
        return calls.values().stream().filter(CallView::inboundRinging).findFirst();
    }

    public List<CallView> callList() {
        return new ArrayList<>(calls.values());
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy used only inside the reducer while one event is folded in. */
    static final class Builder {
        String vendor;
        ConnectionStatus connection;
        SessionPhase phase;
        Agent agent;
        AgentState agentState;
        String stateReason;
        Boolean stateProductive;
        Instant stateSince;
        Integer stateMaxSeconds;
        List<PauseReason> pauseReasons;
        List<Device> devices;
        Device device;
        LinkedHashMap<String, CallView> calls;
        CallView lastEnded;
        LinkedHashMap<String, String> recordings;
        Integer waitingCallers;
        Event.Notice lastNotice;
        Event.SessionError lastError;
        List<String> recentlyEnded;
        long eventCount;
        LinkedHashMap<String, Call> queuedCalls;
        List<String> followMe;
        String lastEndCause;
        LinkedHashMap<String, List<Participant>> participants;
        /** The calls in after-call work ("" for one the vendor named no id for): wrap-up lasts while any is. */
        List<String> wrapUpCalls;

        Builder(BarState s) {
            vendor = s.vendor;
            connection = s.connection;
            phase = s.phase;
            agent = s.agent;
            agentState = s.agentState;
            stateReason = s.stateReason;
            stateProductive = s.stateProductive;
            stateSince = s.stateSince;
            stateMaxSeconds = s.stateMaxSeconds;
            pauseReasons = s.pauseReasons;
            devices = s.devices;
            device = s.device;
            calls = new LinkedHashMap<>(s.calls);
            lastEnded = s.lastEnded;
            recordings = new LinkedHashMap<>(s.recordings);
            waitingCallers = s.waitingCallers;
            lastNotice = s.lastNotice;
            lastError = s.lastError;
            recentlyEnded = new ArrayList<>(s.recentlyEnded);
            eventCount = s.eventCount;
            queuedCalls = new LinkedHashMap<>(s.queuedCalls);
            followMe = s.followMe;
            lastEndCause = s.lastEndCause;
            participants = new LinkedHashMap<>(s.participants);
            wrapUpCalls = new ArrayList<>(s.wrapUpCalls);
        }

        BarState build() {
            return new BarState(vendor, connection, phase, agent, agentState, stateReason, stateProductive,
                    stateSince, stateMaxSeconds, pauseReasons, devices, device, calls, lastEnded, recordings,
                    waitingCallers, lastNotice, lastError, recentlyEnded, eventCount, queuedCalls,
                    followMe, lastEndCause, participants, wrapUpCalls);
        }
    }
}
