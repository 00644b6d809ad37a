package dev.unibar.core;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.Reducer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** call.updated merges its snapshot into the known call and never changes what the call is doing. */
class CallUpdatedTest {

    static final String V = "agentdesktop";
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static Call ringing() {
        return new Call("c1", Direction.INBOUND, new Party("3393669393", null), new Party("225727273", null),
                null, null, null, Map.of("ECID", "E-1"), false);
    }

    static Call dataOnly(Map<String, String> data) {
        return new Call("c1", null, null, null, null, null, null, data, null);
    }

    static BarState run(Event... events) {
        return Reducer.reduceAll(BarState.initial(V), List.of(events), T0);
    }

    @Test
    void newCallDataReachesTheCallCardAndTheStatusStays() {
        BarState s = run(new Event.CallRinging(V, null, "c1", ringing()),
                new Event.CallConnected(V, null, "c1", null),
                new Event.CallHeld(V, null, "c1"),
                new Event.CallUpdated(V, null, "c1", dataOnly(Map.of("CUSTOMERID", "12345", "ECID", "E-2"))));
        CallView c = s.calls().get("c1");
        assertEquals(CallStatus.HELD, c.status(), "an update is not a resume");
        assertEquals(Map.of("ECID", "E-2", "CUSTOMERID", "12345"), c.call().data());
        assertEquals("3393669393", c.call().from().number(), "fields the update does not carry are kept");
        assertEquals(Direction.INBOUND, c.call().direction());
    }

    @Test
    void whileRingingItStaysRinging() {
        BarState s = run(new Event.CallRinging(V, null, "c1", ringing()),
                new Event.CallUpdated(V, null, "c1", dataOnly(Map.of("CUSTOMERID", "12345"))));
        assertEquals(CallStatus.RINGING, s.calls().get("c1").status());
        assertEquals("12345", s.calls().get("c1").call().data().get("CUSTOMERID"));
    }

    @Test
    void anUpdateNeverOffersACallNorBringsAnEndedOneBack() {
        BarState unknown = run(new Event.CallUpdated(V, null, "zz", dataOnly(Map.of("A", "1"))));
        assertTrue(unknown.calls().isEmpty());
        BarState ended = run(new Event.CallRinging(V, null, "c1", ringing()),
                new Event.CallEnded(V, null, "c1", null),
                new Event.CallUpdated(V, null, "c1", dataOnly(Map.of("A", "1"))));
        assertTrue(ended.calls().isEmpty());
        BarState noSnapshot = run(new Event.CallRinging(V, null, "c1", ringing()),
                new Event.CallUpdated(V, null, "c1", null));
        assertEquals(Map.of("ECID", "E-1"), noSnapshot.calls().get("c1").call().data());
    }
}
