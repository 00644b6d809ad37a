package dev.unibar.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.testkit.ApiSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a call is finished for the CRM, what the outbox holds then, and journals made before the outbox existed. */
class CallLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();

    private CallJournal open() throws Exception {
        CallJournal j = CallJournal.open(dir.resolve("journal.db"), null, clock);
        j.logging().logTo(List.of("crm", "bi"), Duration.ofSeconds(120));
        return j;
    }

    private static List<Event> call(String id, Instant t0) {
        return ScriptedConnector.call(id, t0);
    }

    @Test
    void aCallEndedOutsideAfterCallWorkWaitsForItsDispositionThenIsLoggedWithIt() throws Exception {
        try (CallJournal j = open()) {
            List<CallLogging.LoggedCall> logged = new ArrayList<>();
            j.logging().onLogged(logged::addAll);
            for (Event e : call("c1", clock.now)) j.record(List.of(e));
            assertTrue(j.logging().logDue(), "ended, waiting for its disposition");
            assertTrue(logged.isEmpty());
            assertEquals(CallLogging.DispositionResult.LOGGED, j.logging().setDisposition("epbx", "c1", "Sale", "blue one"));
            assertEquals(1, logged.size());
            List<Outbox.Item> out = j.outbox().all();
            assertEquals(2, out.size(), "one row per receiver");
            assertEquals(out.get(0).key(), out.get(1).key(), "one key per record, whoever receives it");
            JsonNode body = JSON.readTree(out.get(0).payload());
            ApiSchemas.check("call-record", body);
            assertEquals(out.get(0).key(), body.path("id").asText());
            assertEquals("Sale", body.path("disposition").asText());
            assertEquals("blue one", body.path("notes").asText());
            assertEquals("caller_hangup", body.path("outcome").asText());
            assertEquals(1, body.path("holdCount").asInt());
            assertEquals(5, body.path("heldSeconds").asInt());
            assertEquals(28, body.path("talkSeconds").asInt());
            assertEquals(CallLogging.DispositionResult.ALREADY_LOGGED, j.logging().setDisposition("epbx", "c1", "No sale", null));
            assertEquals("Sale", j.call("epbx", "c1").disposition(), "what went out stays");
            assertEquals(CallLogging.DispositionResult.UNKNOWN_CALL, j.logging().setDisposition("epbx", "nope", "Sale", null));
        }
    }

    @Test
    void withoutADispositionTheCallIsLoggedWhenTheWaitIsOver() throws Exception {
        try (CallJournal j = open()) {
            for (Event e : call("c2", clock.now)) j.record(List.of(e));
            // The call ended at 09:00:30 by the vendor's clock; the wait is 120 s.
            clock.now = clock.now.plusSeconds(149);
            j.logging().logDue();
            assertTrue(j.outbox().all().isEmpty(), "still waiting");
            clock.now = clock.now.plusSeconds(2);
            assertTrue(!j.logging().logDue(), "nothing waits any more");
            assertEquals(2, j.outbox().all().size());
            assertNull(JSON.readTree(j.outbox().all().get(0).payload()).get("disposition"));
        }
    }

    @Test
    void afterCallWorkHoldsTheRecordUntilTheAgentLeavesIt() throws Exception {
        try (CallJournal j = open()) {
            for (Event e : call("c3", clock.now)) j.record(List.of(e));
            j.record(List.of(new Event.AgentStateChanged("epbx", null, AgentState.WRAP_UP, null, null)));
            assertEquals(CallLogging.DispositionResult.SAVED, j.logging().setDisposition("epbx", "c3", "Call back", null));
            clock.now = clock.now.plusSeconds(600);
            j.logging().logDue();
            assertTrue(j.outbox().all().isEmpty(), "in after-call work however long");
            j.record(List.of(new Event.AgentStateChanged("epbx", null, AgentState.READY, null, null)));
            List<Outbox.Item> out = j.outbox().all();
            assertEquals(2, out.size());
            JsonNode body = JSON.readTree(out.get(0).payload());
            assertEquals("Call back", body.path("disposition").asText());
            assertNotNull(body.get("wrapUpAt"));
        }
    }

    @Test
    void theVendorsCallFinishedLogsAtOnceAndRecordsKeepTheOrderTheyWereFinishedIn() throws Exception {
        try (CallJournal j = open()) {
            for (int i = 0; i < 5; i++) {
                String id = "m" + i;
                for (Event e : call(id, clock.now.plusSeconds(60L * i))) j.record(List.of(e));
                j.record(List.of(new Event.CallFinished("epbx", null, id)));
            }
            List<String> order = new ArrayList<>();
            for (Outbox.Item it : j.outbox().all()) if (it.destination().equals("crm")) order.add(it.callId());
            assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), order);
            assertEquals("m0", j.outbox().head("crm").orElseThrow().callId());
        }
    }

    @Test
    void aJournalFromBeforeTheOutboxKeepsItsCallsAndGainsTheNewColumns() throws Exception {
        Path file = dir.resolve("journal.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // The schema as decision 0015 shipped it.
            s.execute(Schema.CALLS.replace(", disposition TEXT", ""));
            s.execute(Schema.STATES);
            s.execute("INSERT INTO calls(vendor, call_id, first_seen, ended_at, end_cause) VALUES "
                    + "('ucs', 'old1', '2026-11-30T10:00:00Z', '2026-11-30T10:05:00Z', 'agent_hangup')");
        }
        try (CallJournal j = CallJournal.open(file, null, clock)) {
            CallRecord old = j.call("ucs", "old1");
            assertEquals("agent_hangup", old.endCause());
            assertNull(old.disposition());
            j.logging().logTo(List.of("crm"), Duration.ofSeconds(120));
            j.logging().logDue();
            assertEquals(1, j.outbox().all().size(), "an ended call the old bar never finished is logged now");
        }
        try (CallJournal again = CallJournal.open(file, null, clock)) {
            assertEquals(1, again.outbox().all().size(), "opening twice migrates once");
        }
    }
}
