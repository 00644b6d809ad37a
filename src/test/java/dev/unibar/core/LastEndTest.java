package dev.unibar.core;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.Presenter;
import dev.unibar.core.state.Reducer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How the last call ended, in the one vocabulary (decision 0055), from what any vendor reports: its cause through
 * its own table, completed with what the bar saw; and when that says the agent's call was not placed.
 */
class LastEndTest {

    private static final String V = "any";
    private static final Map<String, CallEnd> TABLE = Map.of("busy", CallEnd.FAILED_BUSY, "caller_gave_up",
            CallEnd.ABANDONED, "transfer", CallEnd.TRANSFERRED);

    private static Call call(String id, Direction d) {
        return new Call(id, d, Party.of("2001", "Ana"), Party.of("603555000", null), null, null, null, Map.of(), null);
    }

    private static BarState play(Event... events) {
        BarState s = Reducer.withConnection(BarState.initial(V), ConnectionStatus.CONNECTED);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        for (Event e : events) {
            at = at.plusSeconds(1);
            s = Reducer.reduce(s, e, at);
        }
        return s;
    }

    private static Event dialing(String id) {
        return new Event.CallDialing(V, null, id, call(id, Direction.OUTBOUND));
    }

    private static Event ended(String id, String cause) {
        return new Event.CallEnded(V, null, id, cause);
    }

    @Test
    void theVendorsCauseThroughItsTableCompletedWithWhatTheBarSaw() {
        record Row(String name, List<Event> events, CallEnd last, CallEnd notPlaced) {
        }
        Event inbound = new Event.CallRinging(V, null, "in", call("in", Direction.INBOUND));
        for (Row r : List.of(
                new Row("busy dial", List.of(dialing("d"), ended("d", "Busy")), CallEnd.FAILED_BUSY, CallEnd.FAILED_BUSY),
                new Row("the agent hangs up a dial still ringing", List.of(dialing("d"), ended("d", null)),
                        CallEnd.FAILED_NO_ANSWER, null),
                new Row("an answered dial, whatever the cause", List.of(dialing("d"),
                        new Event.CallConnected(V, null, "d", call("d", Direction.OUTBOUND)), ended("d", "busy")),
                        CallEnd.ANSWERED, null),
                new Row("a caller who gives up", List.of(inbound, ended("in", "caller_gave_up")), CallEnd.ABANDONED, null),
                new Row("an inbound call that ends ringing", List.of(inbound, ended("in", "")), CallEnd.MISSED, null),
                new Row("a word of the vocabulary itself", List.of(dialing("d"), ended("d", "failed_congestion")),
                        CallEnd.FAILED_CONGESTION, CallEnd.FAILED_CONGESTION),
                new Row("a busy inbound is no call the agent placed", List.of(inbound, ended("in", "busy")),
                        CallEnd.FAILED_BUSY, null))) {
            BarState s = play(r.events().toArray(Event[]::new));
            assertEquals(r.last(), Presenter.lastEnd(s, TABLE), r.name());
            assertEquals(r.notPlaced(), Presenter.notPlaced(s, TABLE), r.name());
        }
    }

    @Test
    void whileACallIsUpTheCardHasNoLastEndButAFailedConsultationIsStillSaid() {
        Event held = new Event.CallConnected(V, null, "c", call("c", Direction.INBOUND));
        BarState s = play(held, new Event.CallHeld(V, null, "c"), dialing("k"), ended("k", "busy"));
        assertNull(Presenter.lastEnd(s, TABLE), "the held caller is on the card");
        assertEquals(CallEnd.FAILED_BUSY, Presenter.notPlaced(s, TABLE));
        assertNull(Presenter.lastEnd(play(), TABLE), "no call ended yet");
    }
}
