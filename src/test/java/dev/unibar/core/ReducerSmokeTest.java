package dev.unibar.core;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.Reducer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReducerSmokeTest {
    @Test
    void ringThenConnect() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        Call c = new Call("u1", Direction.INBOUND, new Party("123", null), null, null, null, null, Map.of(), null);
        BarState s = Reducer.reduce(BarState.initial("ucs"), new Event.CallRinging("ucs", null, "u1", c), t);
        s = Reducer.reduce(s, new Event.CallConnected("ucs", null, "u1", null), t.plusSeconds(3));
        assertEquals(CallStatus.CONNECTED, s.calls().get("u1").status());
        assertEquals("123", s.calls().get("u1").call().remoteNumber());
        assertEquals(t.plusSeconds(3), s.calls().get("u1").connectedAt());
    }
}
