package dev.unibar.journal;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The journal keeps the data call.updated (AgentDesktop DATACHANGED) changes, and an update alone makes no row. */
class CallUpdatedJournalTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateMakesNoRowAndTheCallIsStillJournalled() throws Exception {
        Call data = new Call("a1", null, null, null, null, null, null, Map.of("CUSTOMERID", "12345"), null);
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CallJournalTest.CLOCK)) {
            j.record(List.of(new Event.CallUpdated("agentdesktop", null, "unknown", data)));
            assertEquals(List.of(), j.all(), "an update is no call");
            List<Event> call = List.of(new Event.CallRinging("agentdesktop", CallJournalTest.T0, "a1", Call.of("a1")),
                    new Event.CallUpdated("agentdesktop", null, "a1", data),
                    new Event.CallEnded("agentdesktop", CallJournalTest.T0.plusSeconds(5), "a1", null));
            j.record(call);
            assertEquals(1, j.all().size());
            assertEquals(CallJournalTest.T0.plusSeconds(5), j.all().get(0).endedAt());
            assertEquals("12345", j.all().get(0).data().get("CUSTOMERID"), "the changed data is journalled");
        }
    }
}
