package dev.unibar.journal;

import dev.unibar.core.Session;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallJournalTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
    static final java.time.ZoneId PRAGUE = java.time.ZoneId.of("Europe/Prague");
    static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    static Call dialerCall() {
        return new Call("SIP/1000-1", Direction.INBOUND, new Party("11987654321", null), new Party("1000", null),
                null, new Campaign("42", null), new Customer("João da Silva", "11987654321", "C-778"),
                Map.of("InfoAdicional1", "Plano Ouro"), null);
    }

    static List<Event> lifecycle() {
        String id = "SIP/1000-1";
        return List.of(new Event.CallRinging("epbx", T0, id, dialerCall()),
                new Event.CallConnected("epbx", T0.plusSeconds(3), id, null),
                new Event.CallHeld("epbx", T0.plusSeconds(10), id),
                new Event.CallResumed("epbx", T0.plusSeconds(25), id),
                new Event.CallHeld("epbx", T0.plusSeconds(30), id),
                new Event.CallTransferred("epbx", T0.plusSeconds(40), id, "2001"),
                new Event.CallEnded("epbx", T0.plusSeconds(40), id, "transfer"),
                new Event.CallRecording("epbx", null, id, "http://127.0.0.1:9/Service/api/Ligacao/Download/7?access_token=SECRET-TOKEN"),
                new Event.AgentStateChanged("epbx", T0.plusSeconds(41), AgentState.WRAP_UP, "Pós-atendimento", true),
                new Event.AgentStateChanged("epbx", T0.plusSeconds(60), AgentState.READY, null, null));
    }

    @Test
    void aCallIsOneRowWithItsPartiesTimesHoldsEndAndWrapUp() throws Exception {
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            for (Event e : lifecycle()) j.record(List.of(e));
            List<CallRecord> calls = j.all();
            assertEquals(1, calls.size());
            CallRecord c = calls.get(0);
            assertEquals("epbx", c.vendor());
            assertEquals("inbound", c.direction());
            assertEquals("11987654321", c.fromNumber());
            assertEquals("11987654321", c.remoteNumber());
            assertEquals("42", c.campaignId());
            assertEquals("João da Silva", c.customerName());
            assertEquals("C-778", c.customerId());
            assertEquals(Map.of("InfoAdicional1", "Plano Ouro"), c.data());
            assertEquals(T0, c.ringingAt());
            assertEquals(T0.plusSeconds(3), c.answeredAt());
            assertEquals(2, c.holdCount());
            assertEquals(Duration.ofSeconds(25), c.held(), "15 s, then 10 s until the call ended on hold");
            assertEquals(T0.plusSeconds(40), c.endedAt());
            assertEquals("transfer", c.endCause());
            assertEquals("2001", c.transferTarget());
            assertEquals(T0.plusSeconds(41), c.wrapUpAt(), "the wrap-up state belongs to the call that just ended");
            assertTrue(c.recorded());
            assertEquals(List.of("WRAP_UP", "READY"), j.agentStates().stream().map(AgentStateRecord::state).toList());
            assertEquals(Boolean.TRUE, j.agentStates().get(0).productive());
        }
    }

    @Test
    void aReplayedOrLateCallNeverMakesASecondRowNorMovesItsTimes() throws Exception {
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            j.record(lifecycle());
            j.record(lifecycle().subList(0, 7));
            j.record(List.of(new Event.CallRinging("epbx", T0.plusSeconds(500), "SIP/1000-1", dialerCall())));
            CallRecord c = j.all().get(0);
            assertEquals(1, j.all().size());
            assertEquals(T0, c.ringingAt());
            assertEquals(2, c.holdCount());
            assertEquals(T0.plusSeconds(40), c.endedAt());
        }
        // Reopened (as after a restart): the same single row.
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            assertEquals(1, j.all().size());
        }
    }

    /** Found by the kill test: killed while a call was on hold, the restarted bar replays the call from its start. */
    @Test
    void aCallReplayedFromItsStartAfterAKillMidHoldCountsTheHoldOnce() throws Exception {
        List<Event> call = ScriptedConnector.call("c20", T0);
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            j.record(call.subList(0, 3));
        }
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            for (Event e : call) j.record(List.of(e));
            CallRecord c = j.all().get(0);
            assertEquals(1, c.holdCount());
            assertEquals(Duration.ofSeconds(5), c.held());
            assertEquals(T0.plusSeconds(30), c.endedAt());
        }
    }

    @Test
    void neitherTheRecordingAddressNorItsTokenReachTheFile() throws Exception {
        Path file = dir.resolve("j.db");
        try (CallJournal j = CallJournal.open(file, null, CLOCK)) {
            j.record(lifecycle());
        }
        for (Path p : List.of(file, dir.resolve("j.db-wal"))) {
            if (!Files.exists(p)) continue;
            String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("SECRET-TOKEN"), p + " holds the token");
            assertFalse(bytes.contains("Ligacao/Download"), p + " holds the recording address");
            assertTrue(p.equals(file) ? bytes.contains("SQLite format 3") : true);
        }
        if (!System.getProperty("os.name").toLowerCase().startsWith("windows")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (CallJournal j = CallJournal.open(file, null, CLOCK)) {
            assertTrue(j.all().get(0).recorded());
        }
    }

    @Test
    void retentionDeletesWhatIsOlder() throws Exception {
        Path file = dir.resolve("j.db");
        try (CallJournal j = CallJournal.open(file, null, Clock.fixed(T0, ZoneOffset.UTC))) {
            j.record(lifecycle());
        }
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(31)), ZoneOffset.UTC);
        try (CallJournal j = CallJournal.open(file, Duration.ofDays(90), later)) {
            assertEquals(1, j.all().size(), "a month old, kept for 90 days");
        }
        try (CallJournal j = CallJournal.open(file, Duration.ofDays(30), later)) {
            assertEquals(0, j.all().size(), "older than 30 days: deleted when the journal opens");
            assertEquals(0, j.agentStates().size());
        }
    }

    @Test
    void aSessionFeedsItAndListenersGetTheRecentCalls() throws Exception {
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            ScriptedConnector connector = new ScriptedConnector();
            Session session = new Session(connector, CLOCK);
            List<List<CallRecord>> seen = new ArrayList<>();
            j.subscribe(seen::add);
            try (AutoCloseable h = j.attach(session)) {
                session.start();
                for (Event e : ScriptedConnector.call("c1", T0)) connector.emit(e);
                connector.emit(ScriptedConnector.call("c2", T0.plusSeconds(100)).get(0));
            }
            connector.emit(ScriptedConnector.call("c3", T0.plusSeconds(200)).get(0));
            assertEquals(List.of("c2", "c1"), j.recent(10).stream().map(CallRecord::callId).toList(),
                    "newest first; nothing after the handle closed");
            assertEquals(6, seen.size());
            assertEquals("c2", seen.get(5).get(0).callId());
        }
    }

    @Test
    void exportsCsvAndJson() throws Exception {
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            j.record(lifecycle());
            j.record(List.of(new Event.CallRinging("ucs", T0.plusSeconds(100), "u1", new Call("u1", Direction.INBOUND,
                    new Party("+420 603 123 456", "=HYPERLINK(\"http://x\")"), null, QueueRef.of("1", "Podpora, 1. linie", null),
                    null, null, null, null))));
            StringWriter csv = new StringWriter();
            JournalExport.csv(j.all(), csv, PRAGUE);
            String[] lines = csv.toString().split("\r\n");
            assertEquals(3, lines.length);
            assertEquals(String.join(",", JournalExport.CSV_COLUMNS), lines[0]);
            // The agent's time zone with its offset, to the second; the end in the common vocabulary, the vendor's word beside.
            assertTrue(lines[1].startsWith("epbx,SIP/1000-1,inbound,11987654321,,1000,,,,42,,João da Silva,11987654321,C-778,"
                    + "2026-12-01T10:00:00+01:00,2026-12-01T10:00:03+01:00,2,25.0,2026-12-01T10:00:40+01:00,transferred,transfer,"
                    + "2026-12-01T10:00:41+01:00,,2001,false,true,"), lines[1]);
            assertTrue(lines[2].contains(",in_progress,"), "a call not ended yet says so: " + lines[2]);
            assertTrue(lines[2].startsWith("ucs,u1,inbound,+420 603 123 456,\"'=HYPERLINK(\"\"http://x\"\")\",,,1,\"Podpora, 1. linie\","),
                    "a formula is defused, a phone number kept: " + lines[2]);

            StringWriter json = new StringWriter();
            JournalExport.json(j.all(), j.agentStates(), json, PRAGUE);
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
            assertEquals("C-778", root.at("/calls/0/customer/externalId").asText());
            assertEquals("Plano Ouro", root.at("/calls/0/data/InfoAdicional1").asText());
            assertEquals(25.0, root.at("/calls/0/heldSeconds").asDouble());
            assertTrue(root.at("/calls/1/endedAt").isMissingNode(), "absent values are left out");
            assertEquals("in_progress", root.at("/calls/1/endCause").asText());
            assertEquals("transferred", root.at("/calls/0/endCause").asText());
            assertEquals("transfer", root.at("/calls/0/vendorEndCause").asText());
            assertEquals("2026-12-01T10:00:40+01:00", root.at("/calls/0/endedAt").asText());
            assertEquals("2026-12-01T10:00:41+01:00", root.at("/agentStates/0/at").asText());
            assertEquals("WRAP_UP", root.at("/agentStates/0/state").asText());
            assertFalse(json.toString().contains("Download"));
        }
    }

    /** Each vendor's end causes through its table (the app hands the journal Vendors.endCauses()). */
    static final Map<String, Map<String, dev.unibar.core.model.CallEnd>> TABLES = Map.of("ucs", Map.of(
            "busy", dev.unibar.core.model.CallEnd.FAILED_BUSY, "caller_hangup", dev.unibar.core.model.CallEnd.ABANDONED));

    @Test
    void everyEndedCallHasAWordOfTheCommonVocabulary() throws Exception {
        try (CallJournal j = CallJournal.open(dir.resolve("j.db"), null, CLOCK)) {
            j.endCauses(TABLES);
            Call in = new Call("a", Direction.INBOUND, new Party("111", null), null, null, null, null, null, null);
            // answered, then a plain hang-up with no cause at all (EPBX onDesliga, AgentDesktop's empty reason)
            j.record(List.of(new Event.CallRinging("epbx", T0, "a", in), new Event.CallConnected("epbx", T0.plusSeconds(2), "a", null),
                    new Event.CallEnded("epbx", T0.plusSeconds(9), "a", null)));
            // rang, nobody answered, no cause: missed
            j.record(List.of(new Event.CallRinging("epbx", T0, "b", new Call("b", Direction.INBOUND, new Party("111", null), null, null, null, null, null, null)),
                    new Event.CallEnded("epbx", T0.plusSeconds(20), "b", null)));
            // the caller gave up (UCS cause 3): abandoned; the same word on an answered call is a plain end
            j.record(List.of(new Event.CallRinging("ucs", T0, "c", in), new Event.CallEnded("ucs", T0.plusSeconds(5), "c", "caller_hangup")));
            j.record(List.of(new Event.CallRinging("ucs", T0, "d", in), new Event.CallConnected("ucs", T0.plusSeconds(1), "d", null),
                    new Event.CallEnded("ucs", T0.plusSeconds(5), "d", "caller_hangup")));
            // the agent's outbound call was busy (UCS cause 1)
            j.record(List.of(new Event.CallDialing("ucs", T0, "e", new Call("e", Direction.OUTBOUND, null, new Party("222", null),
                    null, null, null, null, null)), new Event.CallEnded("ucs", T0.plusSeconds(3), "e", "busy")));
            // the bar's own reconciliation ends a call it lost with "lost", whatever the vendor (no table names it)
            j.record(List.of(new Event.CallRinging("agentdesktop", T0, "f", in), new Event.CallConnected("agentdesktop", T0, "f", null),
                    new Event.CallEnded("agentdesktop", T0.plusSeconds(3), "f", "lost")));
            Map<String, String> ends = new java.util.TreeMap<>();
            for (CallRecord c : j.all()) ends.put(c.vendor() + "/" + c.callId(), c.end().word());
            assertEquals(Map.of("epbx/a", "answered", "epbx/b", "missed", "ucs/c", "abandoned", "ucs/d", "answered",
                    "ucs/e", "failed_busy", "agentdesktop/f", "lost"), ends);

            StringWriter csv = new StringWriter();
            JournalExport.csv(j.all(), csv, java.time.ZoneOffset.UTC);
            for (String line : csv.toString().split("\r\n")) {
                assertFalse(line.contains(",,,,,,,,,,,,,,,,,,,,,,,,,"), line);
                assertFalse(line.matches(".*\\d{2}:\\d{2}:\\d{2}\\.\\d.*"), "to the second: " + line);
            }
            assertTrue(csv.toString().contains("2026-12-01T09:00:09+00:00,answered,,"),
                    "a normally ended call has its end, and no vendor word: " + csv);
        }
    }
}
