package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static dev.unibar.core.GuardTest.T;
import static dev.unibar.core.GuardTest.V;
import static dev.unibar.core.GuardTest.in;
import static dev.unibar.core.GuardTest.out;
import static dev.unibar.core.GuardTest.ready;
import static dev.unibar.core.command.CommandKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard for the commands EPBX and the in-call extras brought (queues, pick-up, follow-me, voicemail,
 * conference legs, call data), and for a vendor that refuses some commands while the agent is paused.
 */
class GuardQueuesAndConferencesTest {

    static final Capabilities EXTRAS = Capabilities.builder()
            .allow(EnumSet.of(DIAL, CANCEL_CONSULT, TAKE_QUEUED_CALL, PICKUP, FOLLOW_ME, CANCEL_FOLLOW_ME, TO_VOICEMAIL,
                    LEAVE_CONFERENCE, CANCEL_CONFERENCE, REMOVE_PARTICIPANT, SEND_DTMF, SET_CALL_DATA, CONTACT_CARD,
                    LOGOUT), SessionPhase.READY)
            .notWhilePaused(DIAL, PICKUP)
            .build();

    private static BarState then(BarState s, Event... events) {
        return dev.unibar.core.state.Reducer.reduceAll(s, List.of(events), T);
    }

    @Test
    void idleOffersWhatNeedsNoCall() {
        assertEquals(EnumSet.of(DIAL, PICKUP, FOLLOW_ME, LOGOUT), Guard.allowedNow(EXTRAS, ready()));
    }

    @Test
    void aPausedAgentCannotDoWhatTheVendorRefusesWhilePaused() {
        BarState paused = ready(new Event.AgentStateChanged(V, null, AgentState.NOT_READY, "lunch", null));
        assertFalse(Guard.allowed(EXTRAS, paused, DIAL));
        assertFalse(Guard.allowed(EXTRAS, paused, PICKUP));
        assertTrue(Guard.allowed(EXTRAS, paused, FOLLOW_ME), "only the listed commands");
        BarState back = then(paused, new Event.AgentStateChanged(V, null, AgentState.READY, null, null));
        assertTrue(Guard.allowed(EXTRAS, back, DIAL));
    }

    @Test
    void aWaitingCallCanBeTakenOnlyWithNoCallOnTheLine() {
        BarState waiting = ready(new Event.QueueCallWaiting(V, null, "q1", in("q1")));
        assertTrue(Guard.allowed(EXTRAS, waiting, TAKE_QUEUED_CALL));
        BarState busy = then(waiting, new Event.CallConnected(V, null, "c", in("c")));
        assertFalse(Guard.allowed(EXTRAS, busy, TAKE_QUEUED_CALL));
        assertFalse(Guard.allowed(EXTRAS, busy, PICKUP), "no pick-up over a call either");
        BarState gone = then(waiting, new Event.QueueCallLeft(V, null, "q1"));
        assertFalse(Guard.allowed(EXTRAS, gone, TAKE_QUEUED_CALL));
    }

    @Test
    void followMeCanBeCancelledOnlyWhileItIsOn() {
        assertFalse(Guard.allowed(EXTRAS, ready(), CANCEL_FOLLOW_ME));
        BarState on = ready(new Event.AgentFollowMe(V, null, true, List.of("1002")));
        assertTrue(Guard.allowed(EXTRAS, on, CANCEL_FOLLOW_ME));
        assertFalse(Guard.allowed(EXTRAS, then(on, new Event.AgentFollowMe(V, null, false, List.of())), CANCEL_FOLLOW_ME));
    }

    @Test
    void aRingingCallCanGoToVoicemailAndCarryDataButTakesNoTones() {
        BarState ringing = ready(new Event.CallRinging(V, null, "c", in("c")));
        assertTrue(Guard.allowed(EXTRAS, ringing, TO_VOICEMAIL));
        assertTrue(Guard.allowed(EXTRAS, ringing, SET_CALL_DATA));
        assertTrue(Guard.allowed(EXTRAS, ringing, CONTACT_CARD));
        assertFalse(Guard.allowed(EXTRAS, ringing, SEND_DTMF), "tones need a connected call");
        assertFalse(Guard.allowed(EXTRAS, ringing, CANCEL_CONSULT));
        assertFalse(Guard.allowed(EXTRAS, ready(), TO_VOICEMAIL));
        assertFalse(Guard.allowed(EXTRAS, ready(), CONTACT_CARD));
    }

    @Test
    void aConsultationCanBeCancelledWithTheCallerHeld() {
        BarState consulting = ready(new Event.CallConnected(V, null, "a", in("a")), new Event.CallHeld(V, null, "a"),
                new Event.CallConnected(V, null, "b", out("b")));
        assertTrue(Guard.allowed(EXTRAS, consulting, CANCEL_CONSULT));
        BarState heldOnly = ready(new Event.CallConnected(V, null, "a", in("a")), new Event.CallHeld(V, null, "a"));
        assertFalse(Guard.allowed(EXTRAS, heldOnly, CANCEL_CONSULT), "no consultation to cancel");
        BarState twoActive = ready(new Event.CallConnected(V, null, "a", in("a")), new Event.CallConnected(V, null, "b", out("b")));
        assertFalse(Guard.allowed(EXTRAS, twoActive, CANCEL_CONSULT), "nobody held to go back to");
    }

    @Test
    void conferenceLegsAreManagedOnlyInAConference() {
        BarState talking = ready(new Event.CallConnected(V, null, "c", in("c")));
        for (CommandKind k : List.of(LEAVE_CONFERENCE, CANCEL_CONFERENCE, REMOVE_PARTICIPANT)) {
            assertFalse(Guard.allowed(EXTRAS, talking, k), k + " without a conference");
            assertTrue(Guard.allowed(EXTRAS, then(talking, new Event.CallConferenced(V, null, "c")), k), k + " in one");
        }
    }

    @Test
    void aVendorThatRefusesHoldInAConferenceGetsNoHoldThere() {
        Capabilities noHoldInConference = Capabilities.builder().allow(EnumSet.of(HOLD, HANGUP), SessionPhase.READY)
                .notInConference(HOLD).build();
        BarState talking = ready(new Event.CallRinging(V, null, "c1", in("c1")), new Event.CallConnected(V, null, "c1", null));
        assertTrue(Guard.allowed(noHoldInConference, talking, HOLD));
        BarState conference = then(talking, new Event.CallConferenced(V, null, "c1"));
        assertFalse(Guard.allowed(noHoldInConference, conference, HOLD));
        assertTrue(Guard.allowed(noHoldInConference, conference, HANGUP), "only the listed commands");
        assertTrue(Guard.allowed(Capabilities.builder().allow(HOLD, SessionPhase.READY).build(), conference, HOLD),
                "a vendor that holds conferences keeps Hold");
    }
}
