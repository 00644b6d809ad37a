package dev.unibar.connectors.agentdesktop.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator's record of SDK calls keeps the latest ones only, so an all-day rehearsal stays small. */
class AdSimRecordTest {

    @Test
    void theRecordKeepsTheLatestCalls() {
        AdSimState s = new AdSimState(m -> { }, a -> { });
        int n = AdSimState.MAX_RECORDED + 150;
        for (int i = 0; i < n; i++) s.invoke("CONTACT", "SetCallData", List.of("c" + i, "K=" + i));
        List<Recorded> r = s.recorded();
        assertEquals(AdSimState.MAX_RECORDED, r.size());
        assertEquals(List.of("c" + (n - 1), "K=" + (n - 1)), r.get(r.size() - 1).args());
        assertEquals(List.of("c150", "K=150"), r.get(0).args());
    }
}
