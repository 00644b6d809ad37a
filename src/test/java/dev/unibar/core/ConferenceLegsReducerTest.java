package dev.unibar.core;

import dev.unibar.core.model.Event;
import dev.unibar.core.model.Participant;
import dev.unibar.core.state.BarState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.unibar.core.ReducerTest.V;
import static dev.unibar.core.ReducerTest.inbound;
import static dev.unibar.core.ReducerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** call.participant events: the legs of a conference, as the call card and the conference pop-over show them. */
class ConferenceLegsReducerTest {

    private static Event leg(String call, String id, String number, String state) {
        return new Event.CallParticipant(V, null, call, new Participant(id, number, state));
    }

    @Test
    void aLegIsKeptByItsIdAndReplacedByItsNewerState() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "555")),
                new Event.CallConnected(V, null, "c1", null),
                leg("c1", "p1", "2002", "dialing"), leg("c1", "p2", "2003", "dialing"),
                leg("c1", "p1", "2002", "connected"));
        assertEquals(List.of(new Participant("p2", "2003", "dialing"), new Participant("p1", "2002", "connected")),
                s.participantsOf("c1"));
    }

    @Test
    void aLegThatLeftOrFailedIsGoneAndTheCallsEndTakesTheRest() {
        BarState s = run(new Event.CallRinging(V, null, "c1", inbound("c1", "555")),
                new Event.CallConnected(V, null, "c1", null),
                leg("c1", "p1", "2002", "connected"), leg("c1", "p2", "2003", "dialing"),
                leg("c1", "p2", "2003", "failed"));
        assertEquals(List.of(new Participant("p1", "2002", "connected")), s.participantsOf("c1"));
        BarState left = run(new Event.CallRinging(V, null, "c1", inbound("c1", "555")),
                leg("c1", null, "2002", "connected"), leg("c1", null, "2002", "left"));
        assertEquals(List.of(), left.participantsOf("c1"));
        BarState ended = run(new Event.CallRinging(V, null, "c1", inbound("c1", "555")),
                leg("c1", "p1", "2002", "connected"), new Event.CallEnded(V, null, "c1", "remote"));
        assertEquals(java.util.Map.of(), ended.participants());
    }

    @Test
    void aConferenceReportedAsSeveralCallsIsItsFirstCall() {
        // MAX's shape: the caller held, a consultation, then both contacts joined.
        List<Event> consult = List.of(new Event.CallRinging(V, null, "c1", inbound("c1", "603111222")),
                new Event.CallConnected(V, null, "c1", null), new Event.CallHeld(V, null, "c1"),
                new Event.CallRinging(V, null, "c2", inbound("c2", "4021")),
                new Event.CallConnected(V, null, "c2", null));
        BarState consulting = run(consult.toArray(Event[]::new));
        assertEquals("c2", consulting.activeCall().orElseThrow().id(), "before the conference: the consultation");
        List<Event> conference = new java.util.ArrayList<>(consult);
        conference.addAll(List.of(new Event.CallResumed(V, null, "c1"),
                new Event.CallConferenced(V, null, "c1"), new Event.CallConferenced(V, null, "c2")));
        BarState joined = run(conference.toArray(Event[]::new));
        assertTrue(joined.activeCall().orElseThrow().conference());
        assertEquals("c1", joined.activeCall().orElseThrow().id(), "in the conference: the caller, the first call");
    }
}
