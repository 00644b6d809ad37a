package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.BarState;
import dev.unibar.core.command.Guard;
import dev.unibar.core.state.Reducer;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.unibar.core.command.CommandKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardTest {

    static final String V = "ucs";
    static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    static final Set<CommandKind> CALL_KINDS = EnumSet.of(DIAL, ANSWER, REJECT, HANGUP, HOLD, RESUME, MUTE, UNMUTE,
            BLIND_TRANSFER, CONSULT, COMPLETE_TRANSFER, CONFERENCE, END_CONFERENCE, SET_STATE, SET_ACCOUNT_CODE,
            DOWNLOAD_RECORDING);

    static final Capabilities ALL_IN_READY = Capabilities.builder()
            .allow(LOGIN, SessionPhase.CREDENTIALS)
            .allow(CALL_KINDS, SessionPhase.READY)
            .build();

    static BarState ready(Event... events) {
        BarState s = Reducer.reduce(BarState.initial(V), new Event.SessionReady(V, null), T);
        return Reducer.reduceAll(s, java.util.List.of(events), T);
    }

    static Call in(String id) {
        return new Call(id, Direction.INBOUND, new Party("1", null), null, null, null, null, Map.of(), null);
    }

    static Call out(String id) {
        return new Call(id, Direction.OUTBOUND, null, new Party("2", null), null, null, null, Map.of(), null);
    }

    @Test
    void idle() {
        assertEquals(EnumSet.of(DIAL, SET_STATE), Guard.allowedNow(ALL_IN_READY, ready()));
    }

    @Test
    void ringingInbound() {
        assertEquals(EnumSet.of(ANSWER, REJECT, HANGUP, SET_STATE, SET_ACCOUNT_CODE),
                Guard.allowedNow(ALL_IN_READY, ready(new Event.CallRinging(V, null, "c", in("c")))));
    }

    @Test
    void outboundAlertingCannotBeAnswered() {
        Set<CommandKind> k = Guard.allowedNow(ALL_IN_READY, ready(new Event.CallRinging(V, null, "c", out("c"))));
        assertFalse(k.contains(ANSWER));
        assertTrue(k.contains(HANGUP));
    }

    @Test
    void talking() {
        assertEquals(EnumSet.of(HANGUP, HOLD, MUTE, BLIND_TRANSFER, CONSULT, CONFERENCE, SET_STATE, SET_ACCOUNT_CODE),
                Guard.allowedNow(ALL_IN_READY, ready(new Event.CallConnected(V, null, "c", in("c")))));
    }

    @Test
    void mutedOffersUnmuteOnly() {
        Set<CommandKind> k = Guard.allowedNow(ALL_IN_READY, ready(new Event.CallConnected(V, null, "c", in("c")),
                new Event.CallMuted(V, null, "c")));
        assertTrue(k.contains(UNMUTE));
        assertFalse(k.contains(MUTE));
    }

    @Test
    void held() {
        assertEquals(EnumSet.of(HANGUP, RESUME, SET_STATE, SET_ACCOUNT_CODE),
                Guard.allowedNow(ALL_IN_READY, ready(new Event.CallConnected(V, null, "c", in("c")),
                        new Event.CallHeld(V, null, "c"))));
    }

    @Test
    void consulting() {
        Set<CommandKind> k = Guard.allowedNow(ALL_IN_READY, ready(new Event.CallConnected(V, null, "c", in("c")),
                new Event.CallHeld(V, null, "c"), new Event.CallConnected(V, null, "d", out("d"))));
        assertTrue(k.contains(COMPLETE_TRANSFER));
        assertTrue(k.contains(CONFERENCE));
        assertFalse(k.contains(CONSULT), "one consultation at a time");
        assertFalse(k.contains(BLIND_TRANSFER));
        assertFalse(k.contains(RESUME), "resuming while talking to the consulted party would bridge nothing");
        assertFalse(k.contains(DIAL));
    }

    @Test
    void phaseGatesEverything() {
        BarState credentials = Reducer.reduce(BarState.initial(V), new Event.CredentialsRequired(V, null), T);
        assertEquals(EnumSet.of(LOGIN), Guard.allowedNow(ALL_IN_READY, credentials));
        assertEquals(EnumSet.noneOf(CommandKind.class), Guard.allowedNow(ALL_IN_READY, BarState.initial(V)));
    }

    @Test
    void missingCapabilityIsNeverAllowed() {
        Capabilities noHold = Capabilities.builder().allow(EnumSet.of(HANGUP), SessionPhase.READY).build();
        BarState talking = ready(new Event.CallConnected(V, null, "c", in("c")));
        assertFalse(Guard.allowed(noHold, talking, HOLD));
        assertTrue(Guard.allowed(noHold, talking, HANGUP));
        assertFalse(noHold.supports(HOLD));
    }

    @Test
    void recordingDownloadNeedsAnOffer() {
        assertFalse(Guard.allowed(ALL_IN_READY, ready(), DOWNLOAD_RECORDING));
        assertTrue(Guard.allowed(ALL_IN_READY, ready(new Event.CallRecording(V, null, "c", "http://x/1")),
                DOWNLOAD_RECORDING));
    }

    @Test
    void aRecordingIsOfferedOnlyOnceItsCallHasLeftTheLine() {
        // EPBX names the recording when the call is answered, and serves it only after the hang-up (HTTP 404 before).
        BarState live = ready(new Event.CallConnected(V, null, "c", in("c")), new Event.CallRecording(V, null, "c", "http://x/1"));
        assertFalse(Guard.allowed(ALL_IN_READY, live, DOWNLOAD_RECORDING), "not during the call");
        BarState after = ready(new Event.CallConnected(V, null, "c", in("c")), new Event.CallRecording(V, null, "c", "http://x/1"),
                new Event.CallEnded(V, null, "c", null));
        assertTrue(Guard.allowed(ALL_IN_READY, after, DOWNLOAD_RECORDING), "after the hang-up");
        assertEquals(java.util.Optional.of("c"), Guard.recordingAfterCall(after));
    }

    @Test
    void conferenceEndNeedsAConference() {
        assertTrue(Guard.allowed(ALL_IN_READY, ready(new Event.CallConnected(V, null, "c", in("c")),
                new Event.CallConferenced(V, null, "c")), END_CONFERENCE));
    }

    static final Capabilities IN_CALL_EXTRAS = Capabilities.builder()
            .allow(EnumSet.of(SEND_DTMF, SWAP, START_RECORDING, STOP_RECORDING, MASK, UNMASK, SET_CALL_DATA),
                    SessionPhase.READY)
            .build();

    @Test
    void recordingAndMaskingFollowWhatTheVendorReported() {
        BarState talking = ready(new Event.CallConnected(V, null, "c", in("c")));
        assertEquals(EnumSet.of(SEND_DTMF, START_RECORDING, MASK, SET_CALL_DATA), Guard.allowedNow(IN_CALL_EXTRAS, talking));
        BarState recordingMasked = Reducer.reduceAll(talking, java.util.List.of(
                new Event.CallRecordingStarted(V, null, "c"), new Event.CallMasked(V, null, "c")), T);
        assertEquals(EnumSet.of(SEND_DTMF, STOP_RECORDING, UNMASK, SET_CALL_DATA), Guard.allowedNow(IN_CALL_EXTRAS, recordingMasked));
        BarState back = Reducer.reduceAll(recordingMasked, java.util.List.of(
                new Event.CallRecordingStopped(V, null, "c"), new Event.CallUnmasked(V, null, "c")), T);
        assertEquals(EnumSet.of(SEND_DTMF, START_RECORDING, MASK, SET_CALL_DATA), Guard.allowedNow(IN_CALL_EXTRAS, back));
    }

    @Test
    void swapNeedsAHeldAndAnActiveCall() {
        BarState one = ready(new Event.CallConnected(V, null, "a", in("a")));
        assertFalse(Guard.allowed(IN_CALL_EXTRAS, one, SWAP));
        BarState two = Reducer.reduceAll(one, java.util.List.of(new Event.CallHeld(V, null, "a"),
                new Event.CallConnected(V, null, "b", out("b"))), T);
        assertTrue(Guard.allowed(IN_CALL_EXTRAS, two, SWAP));
        assertFalse(Guard.allowed(IN_CALL_EXTRAS, ready(), SEND_DTMF));
    }

    /** A disposition given at wrap-up reaches the contact, which lives until after-call work is done (issue 23). */
    @Test
    void callDataMayChangeDuringWrapUpAndNotAfter() {
        Capabilities caps = Capabilities.builder().allow(EnumSet.of(SET_CALL_DATA), SessionPhase.READY).build();
        BarState wrapping = ready(new Event.CallRinging(V, null, "c1", in("c1")), new Event.CallConnected(V, null, "c1", null),
                new Event.CallWrapUp(V, null, "c1"));
        assertTrue(Guard.allowed(caps, wrapping, SET_CALL_DATA), "during after-call work");
        BarState done = Reducer.reduce(wrapping, new Event.CallFinished(V, null, "c1"), T);
        assertFalse(Guard.allowed(caps, done, SET_CALL_DATA), "once the contact is finished");
        BarState ended = ready(new Event.CallRinging(V, null, "c2", in("c2")), new Event.CallEnded(V, null, "c2", null));
        assertFalse(Guard.allowed(caps, ended, SET_CALL_DATA), "a call that ended without after-call work");
    }
}
