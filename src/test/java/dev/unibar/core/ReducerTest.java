package dev.unibar.core;

import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.Reducer;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReducerTest {

    static final String V = "ucs";
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    static Call inbound(String id, String number) {
        return new Call(id, Direction.INBOUND, new Party(number, "Caller " + number), new Party("200", null),
                null, null, null, Map.of(), null);
    }

    static Call outbound(String id, String number) {
        return new Call(id, Direction.OUTBOUND, new Party("200", null), new Party(number, null), null, null, null,
                Map.of(), true);
    }

    static BarState run(Event... events) {
        BarState s = BarState.initial(V);
        Instant t = T0;
        for (Event e : events) {
            s = Reducer.reduce(s, e, t);
            t = t.plusSeconds(1);
        }
        return s;
    }

    @Test
    void loginWalksThePhases() {
        BarState s = run(new Event.CredentialsRequired(V, null));
        assertEquals(SessionPhase.CREDENTIALS, s.phase());
        Agent a = new Agent("7", "Jana Nováková", "jana", "201", "jana@example.cz");
        s = Reducer.reduce(s, new Event.AgentLoggedIn(V, null, a), T0);
        assertEquals(a, s.agent());
        List<Device> devices = List.of(new Device("SEP001", "Desk 1"), new Device("SEP002", "Desk 2"));
        s = Reducer.reduce(s, new Event.DeviceSelectionRequired(V, null, devices), T0);
        assertEquals(SessionPhase.DEVICE_SELECTION, s.phase());
        assertEquals(devices, s.devices());
        s = Reducer.reduce(s, new Event.DevicePaired(V, null, devices.get(1)), T0);
        assertEquals(SessionPhase.DEVICE_PAIRED, s.phase());
        assertEquals(devices.get(1), s.device());
        s = Reducer.reduce(s, new Event.SessionReady(V, null), T0);
        assertEquals(SessionPhase.READY, s.phase());
        // A device report after ready (re-pairing) does not step the session back.
        s = Reducer.reduce(s, new Event.DevicePaired(V, null, devices.get(0)), T0);
        assertEquals(SessionPhase.READY, s.phase());
        assertEquals(devices.get(0), s.device());
    }

    @Test
    void selectionWithoutListKeepsTheKnownDevices() {
        List<Device> devices = List.of(new Device("a", "A"));
        BarState s = run(new Event.DeviceSelectionRequired(V, null, devices),
                new Event.DeviceSelectionRequired(V, null, null));
        assertEquals(devices, s.devices());
    }

    @Test
    void errorIsKeptUntilReady() {
        BarState s = run(new Event.CredentialsRequired(V, null), new Event.SessionError(V, null, "Invalid", "401"));
        assertEquals("Invalid", s.lastError().message());
        assertEquals(SessionPhase.CREDENTIALS, s.phase());
        s = Reducer.reduce(s, new Event.SessionReady(V, null), T0);
        assertNull(s.lastError());
    }

    @Test
    void agentStateClockOnlyRestartsOnARealChange() {
        BarState s = run(new Event.AgentStateChanged(V, null, AgentState.READY, null, null));
        Instant since = s.stateSince();
        assertEquals(T0, since);
        s = Reducer.reduce(s, new Event.AgentStateChanged(V, null, AgentState.READY, null, null), T0.plusSeconds(30));
        assertEquals(since, s.stateSince(), "a duplicate READY must not reset time in state");
        s = Reducer.reduce(s, new Event.AgentStateChanged(V, null, AgentState.NOT_READY, "Lunch", false),
                T0.plusSeconds(40));
        assertEquals(T0.plusSeconds(40), s.stateSince());
        assertEquals("Lunch", s.stateReason());
        assertEquals(Boolean.FALSE, s.stateProductive());
        s = Reducer.reduce(s, new Event.AgentStateChanged(V, null, AgentState.NOT_READY, "Training", true),
                T0.plusSeconds(50));
        assertEquals(T0.plusSeconds(50), s.stateSince(), "another reason is another state");
    }

    @Test
    void vendorTimeWinsOverReceiveTime() {
        Instant vendorTime = Instant.parse("2026-11-21T09:59:00Z");
        BarState s = run(new Event.AgentStateChanged(V, vendorTime, AgentState.READY, null, null));
        assertEquals(vendorTime, s.stateSince());
    }

    @Test
    void pauseReasonsReplaceThePreviousList() {
        List<PauseReason> r1 = List.of(new PauseReason("1", "Lunch", false));
        List<PauseReason> r2 = List.of(new PauseReason("2", "Training", true), new PauseReason("3", "Break", null));
        BarState s = run(new Event.PauseReasons(V, null, r1), new Event.PauseReasons(V, null, r2));
        assertEquals(r2, s.pauseReasons());
    }

    @Test
    void inboundCallLifecycle() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "777")));
        CallView v = s.calls().get("c1");
        assertEquals(CallStatus.RINGING, v.status());
        assertTrue(s.ringingInbound().isPresent());
        assertNull(v.connectedAt());

        s = Reducer.reduce(s, new Event.CallConnected(V, null, "c1", null), T0.plusSeconds(5));
        v = s.calls().get("c1");
        assertEquals(CallStatus.CONNECTED, v.status());
        assertEquals(T0.plusSeconds(5), v.connectedAt());
        assertEquals("777", v.call().remoteNumber(), "a connect without snapshot keeps the ringing one");
        assertFalse(s.ringingInbound().isPresent());

        s = Reducer.reduce(s, new Event.CallHeld(V, null, "c1"), T0.plusSeconds(6));
        assertEquals(CallStatus.HELD, s.calls().get("c1").status());
        s = Reducer.reduce(s, new Event.CallResumed(V, null, "c1"), T0.plusSeconds(7));
        assertEquals(CallStatus.CONNECTED, s.calls().get("c1").status());
        assertEquals(T0.plusSeconds(5), s.calls().get("c1").connectedAt(), "talk time counts from the first connect");
        s = Reducer.reduce(s, new Event.CallMuted(V, null, "c1"), T0);
        assertTrue(s.calls().get("c1").muted());
        s = Reducer.reduce(s, new Event.CallUnmuted(V, null, "c1"), T0);
        assertFalse(s.calls().get("c1").muted());

        s = Reducer.reduce(s, new Event.CallEnded(V, null, "c1", "caller_hangup"), T0.plusSeconds(60));
        assertTrue(s.calls().isEmpty());
        assertEquals("c1", s.lastEnded().id());
    }

    @Test
    void twoRingingEventsForOneCallMakeOneCallAndMergeTheSnapshot() {
        Call first = new Call("c1", Direction.INBOUND, new Party("777", null), null, null, null, null,
                Map.of("cpf", "123"), null);
        Call second = new Call("c1", null, new Party("777", "Maria"), null, null, new Campaign("42", null), null,
                Map.of("ivr", "2"), null);
        BarState s = run(new Event.CallRinging(V, null, "c1", first), new Event.CallRinging(V, null, "c1", second));
        assertEquals(1, s.calls().size());
        Call c = s.calls().get("c1").call();
        assertEquals(Direction.INBOUND, c.direction(), "a field the later snapshot lacks is kept");
        assertEquals("Maria", c.from().name());
        assertEquals("42", c.campaign().id());
        assertEquals(Map.of("cpf", "123", "ivr", "2"), c.data());
        assertEquals(T0, s.calls().get("c1").since(), "a duplicate ring does not restart the ring timer");
    }

    @Test
    void lateRingingDoesNotStepBackATalkingCall() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "1")),
                new Event.CallConnected(V, null, "c1", null),
                new Event.CallRinging(V, null, "c1", inbound("c1", "1")));
        assertEquals(CallStatus.CONNECTED, s.calls().get("c1").status());
        s = Reducer.reduce(s, new Event.CallHeld(V, null, "c1"), T0);
        s = Reducer.reduce(s, new Event.CallDialing(V, null, "c1", null), T0);
        assertEquals(CallStatus.HELD, s.calls().get("c1").status());
    }

    @Test
    void connectedWithoutRingingCreatesTheCall() {
        BarState s = run(new Event.CallConnected(V, null, "c9", outbound("c9", "555")));
        assertEquals(CallStatus.CONNECTED, s.calls().get("c9").status());
        assertEquals("555", s.calls().get("c9").call().remoteNumber());
    }

    @Test
    void hangupForUnknownCallChangesNoCall() {
        BarState before = run(new Event.CallRinging(V, null, "c1", inbound("c1", "1")));
        BarState after = Reducer.reduce(before, new Event.CallEnded(V, null, "nope", "busy"), T0);
        assertEquals(before.calls(), after.calls());
        assertNull(after.lastEnded());
        assertEquals(before.eventCount() + 1, after.eventCount());
    }

    @Test
    void eventsForAnEndedCallDoNotBringItBack() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "1")),
                new Event.CallEnded(V, null, "c1", "rejected"),
                new Event.CallRinging(V, null, "c1", inbound("c1", "1")),
                new Event.CallConnected(V, null, "c1", null),
                new Event.CallHeld(V, null, "c1"));
        assertTrue(s.calls().isEmpty());
    }

    @Test
    void endBeforeRingIsRememberedSoTheLateRingIsIgnored() {
        BarState s = run(new Event.CallEnded(V, null, "c1", null), new Event.CallRinging(V, null, "c1", inbound("c1", "1")));
        assertTrue(s.calls().isEmpty());
    }

    @Test
    void endedMemoryIsBoundedAndOldIdsMayReturn() {
        BarState s = BarState.initial(V);
        for (int i = 0; i < 200; i++) s = Reducer.reduce(s, new Event.CallEnded(V, null, "x" + i, null), T0);
        assertEquals(64, s.recentlyEnded().size());
        s = Reducer.reduce(s, new Event.CallRinging(V, null, "x0", inbound("x0", "1")), T0);
        assertEquals(1, s.calls().size(), "an id long forgotten (UCS ids rotate) is a new call");
    }

    @Test
    void heldCallBesideConsultation() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "111")),
                new Event.CallConnected(V, null, "c1", null),
                new Event.CallHeld(V, null, "c1"),
                new Event.CallDialing(V, null, "c2", outbound("c2", "2002")),
                new Event.CallConnected(V, null, "c2", null));
        assertEquals(2, s.calls().size());
        assertEquals("c2", s.activeCall().orElseThrow().id());
        assertEquals("c1", s.heldCall().orElseThrow().id());
        assertEquals(List.of("c1", "c2"), s.callList().stream().map(CallView::id).toList());
        s = Reducer.reduce(s, new Event.CallTransferred(V, null, "c1", "2002"), T0);
        assertEquals(2, s.calls().size(), "transferred alone does not release the line");
        s = Reducer.reduce(s, new Event.CallEnded(V, null, "c1", "transfer"), T0);
        s = Reducer.reduce(s, new Event.CallEnded(V, null, "c2", "transfer"), T0);
        assertTrue(s.calls().isEmpty());
    }

    @Test
    void activeCallPrefersTheNewestNotHeld() {
        BarState s = run(new Event.CallConnected(V, null, "a", inbound("a", "1")),
                new Event.CallConnected(V, null, "b", inbound("b", "2")),
                new Event.CallHeld(V, null, "b"));
        assertEquals("a", s.activeCall().orElseThrow().id());
        s = Reducer.reduce(s, new Event.CallHeld(V, null, "a"), T0);
        assertEquals("b", s.activeCall().orElseThrow().id(), "all held: the newest");
    }

    @Test
    void conferenceMarksTheCall() {
        BarState s = run(new Event.CallConnected(V, null, "a", inbound("a", "1")), new Event.CallConferenced(V, null, "a"));
        assertTrue(s.calls().get("a").conference());
    }

    @Test
    void wrapUpAndFinish() {
        BarState s = run(new Event.CallConnected(V, null, "a", inbound("a", "1")),
                new Event.CallEnded(V, null, "a", "callee_hangup"),
                new Event.CallWrapUp(V, null, "a"),
                new Event.AgentStateChanged(V, null, AgentState.WRAP_UP, null, null));
        assertTrue(s.wrapUp());
        assertEquals("a", s.lastEnded().id());
        s = Reducer.reduce(s, new Event.CallFinished(V, null, "a"), T0);
        assertFalse(s.wrapUp());
        // Leaving wrap-up through a state change ends it too.
        s = Reducer.reduce(s, new Event.CallWrapUp(V, null, "a"), T0);
        s = Reducer.reduce(s, new Event.AgentStateChanged(V, null, AgentState.READY, null, null), T0);
        assertFalse(s.wrapUp());
    }

    /** A missed call finishing while an earlier call is still in after-call work does not end that work. */
    @Test
    void wrapUpLastsWhileAnyCallIsInIt() {
        BarState s = run(new Event.CallConnected(V, null, "a", inbound("a", "1")),
                new Event.CallEnded(V, null, "a", "callee_hangup"),
                new Event.CallWrapUp(V, null, "a"),
                new Event.CallRinging(V, null, "b", inbound("b", "2")),
                new Event.CallEnded(V, null, "b", null),
                new Event.CallFinished(V, null, "b"));
        assertTrue(s.wrapUp(), "a is still in after-call work");
        assertEquals(List.of("a"), s.wrapUpCalls());
        s = Reducer.reduce(s, new Event.CallFinished(V, null, "a"), T0);
        assertFalse(s.wrapUp());
        // A finish that names no call ends every call's after-call work.
        s = Reducer.reduce(Reducer.reduce(s, new Event.CallWrapUp(V, null, "c"), T0), new Event.CallFinished(V, null, null), T0);
        assertFalse(s.wrapUp());
    }

    @Test
    void wrapUpWithoutEndReleasesTheLine() {
        BarState s = run(new Event.CallConnected(V, null, "a", inbound("a", "1")), new Event.CallWrapUp(V, null, "a"));
        assertTrue(s.calls().isEmpty());
        assertTrue(s.wrapUp());
    }

    @Test
    void recordingsAreKeptPerCallAndBounded() {
        BarState s = BarState.initial(V);
        for (int i = 0; i < 30; i++) s = Reducer.reduce(s, new Event.CallRecording(V, null, "c" + i, "u" + i), T0);
        assertEquals(20, s.recordings().size());
        assertEquals("u29", s.recordings().get("c29"));
        assertFalse(s.recordings().containsKey("c0"));
    }

    @Test
    void queueNoticeAndUnmapped() {
        BarState s = run(new Event.QueueWaiting(V, null, 4),
                new Event.Notice(V, null, NoticeLevel.WARNING, "Queue full"),
                new Event.VendorUnmapped(V, null, "onDebug"));
        assertEquals(4, s.waitingCallers());
        assertEquals("Queue full", s.lastNotice().message());
        assertEquals(3, s.eventCount());
    }

    @Test
    void logoutClearsTheSession() {
        BarState s = run(new Event.AgentLoggedIn(V, null, new Agent("1", "A", "a", "1", null)),
                new Event.SessionReady(V, null),
                new Event.CallConnected(V, null, "a", inbound("a", "1")),
                new Event.AgentLoggedOut(V, null, null));
        assertNull(s.agent());
        assertTrue(s.calls().isEmpty());
        assertEquals(SessionPhase.CREDENTIALS, s.phase());
        assertEquals(AgentState.OFFLINE, s.agentState());
    }

    @Test
    void connectionStatusIsSeparateFromThePhase() {
        BarState s = run(new Event.SessionReady(V, null));
        s = Reducer.withConnection(s, ConnectionStatus.RECONNECTING);
        assertEquals(ConnectionStatus.RECONNECTING, s.connection());
        assertEquals(SessionPhase.READY, s.phase());
    }

    @Test
    void reducerNeverMutatesItsInput() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "1")));
        BarState copy = s;
        BarState next = Reducer.reduce(s, new Event.CallEnded(V, null, "c1", null), T0);
        assertSame(copy, s);
        assertEquals(1, s.calls().size());
        assertTrue(next.calls().isEmpty());
    }

    @Test
    void shuffledDuplicatesConvergeToTheSameCalls() {
        // Every event of a two-call session delivered twice, duplicates adjacent: same outcome as once.
        List<Event> once = List.of(
                new Event.CallRinging(V, null, "c1", inbound("c1", "1")),
                new Event.CallConnected(V, null, "c1", null),
                new Event.CallHeld(V, null, "c1"),
                new Event.CallDialing(V, null, "c2", outbound("c2", "2")),
                new Event.CallConnected(V, null, "c2", null),
                new Event.CallEnded(V, null, "c2", null),
                new Event.CallResumed(V, null, "c1"));
        List<Event> twice = new ArrayList<>();
        for (Event e : once) {
            twice.add(e);
            twice.add(e);
        }
        BarState a = Reducer.reduceAll(BarState.initial(V), once, T0);
        BarState b = Reducer.reduceAll(BarState.initial(V), twice, T0);
        assertEquals(a.calls(), b.calls());
        assertEquals(CallStatus.CONNECTED, b.calls().get("c1").status());
    }
}
