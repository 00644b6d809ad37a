package dev.unibar.connectors.ucs;

import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, finding 6: numbers that do not fit are malformed lines, never wrapped into other values. */
class UcsMapperRangesTest {

    private final UcsMapper mapper = new UcsMapper();

    private String reason(String line) {
        return assertThrows(MalformedCaptureException.class, () -> mapper.mapLine(line)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "-1", "1e3", "2147483648", "\"4294967297\""})
    void waitingCallersOutOfRangeAreMalformed(String count) {
        String why = reason("{\"callback\":\"onWaitingCallersChange\",\"args\":[" + count + "]}");
        assertTrue(why.startsWith("waiting callers"), why);
    }

    @Test
    void aCauseThatWrapsToTheTransferCauseInventsNoTransfer() {
        String why = reason("{\"callback\":\"onCallHangup\",\"args\":[{\"uniqueid\":\"1.1\",\"state\":4,"
                + "\"cause\":4294967304,\"now\":1795251900}]}");
        assertTrue(why.contains("cause"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "-5", "99999999999999999999", "\"year 3000\""})
    void anImpossibleTimeIsMalformed(String now) {
        String why = reason("{\"callback\":\"onCallHangup\",\"args\":[{\"uniqueid\":\"1.1\",\"state\":4,"
                + "\"cause\":3,\"now\":" + now + "}]}");
        assertTrue(why.contains("now"), why);
    }

    @Test
    void ordinaryValuesStillMap() throws Exception {
        List<Event> e = mapper.mapLine("{\"callback\":\"onCallHangup\",\"args\":[{\"uniqueid\":\"1.1\",\"state\":4,"
                + "\"cause\":8,\"connected_number\":\"202\",\"now\":1795251900}]}");
        assertEquals(2, e.size(), e.toString());
        assertTrue(e.get(0) instanceof Event.CallTransferred);
        assertEquals(Instant.ofEpochSecond(1795251900), ((Event.CallEnded) e.get(1)).at());
        Event.QueueWaiting q = (Event.QueueWaiting) mapper.mapLine("{\"callback\":\"onWaitingCallersChange\",\"args\":[\"7\"]}").get(0);
        assertEquals(7, q.count());
    }
}
