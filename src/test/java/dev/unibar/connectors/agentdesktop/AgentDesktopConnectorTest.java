package dev.unibar.connectors.agentdesktop;

import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.agentdesktop.sim.HeadlessWidget;
import dev.unibar.connectors.agentdesktop.sim.Recorded;
import dev.unibar.core.Failures;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The connector against the simulator through its widget server, with a headless stand-in for the widget
 * page: chat contacts, call data and recording, asserted on the SDK calls the simulator recorded.
 */
class AgentDesktopConnectorTest {

    private final RecordingSink sink = new RecordingSink();
    private final List<Event> events = sink.events;
    private AgentDesktopSimulator sim;
    private AgentDesktopConnector connector;
    private HeadlessWidget widget;

    @BeforeEach
    void start() throws Exception {
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        AgentDesktopConfig cfg = new AgentDesktopConfig(sim.pageUrl(), 0, AgentDesktopConfig.methods(Map.of()), null, null,
                null, List.of(), List.of());
        connector = new AgentDesktopConnector(cfg, null, new AgentDesktopMapper(), uri -> { });
        connector.start(sink);
        widget = new HeadlessWidget(sim, connector.widgetUri(), connector.widgetToken());
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), sink.malformed);
        widget.close();
        connector.stop();
        sim.close();
    }

    @Test
    void capabilitiesOfferCallDataAndRecording() {
        assertTrue(connector.capabilities().supported().containsAll(
                List.of(CommandKind.SET_CALL_DATA, CommandKind.START_RECORDING, CommandKind.STOP_RECORDING)));
    }

    @Test
    void aChatContactCarriesItsMediumAndRefusesPhoneControls() throws Exception {
        String chat = sim.chat("mario.rossi@example.it");
        widget.pump();
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallConnected c && c.callId().equals(chat)));
        Event.CallRinging ringing = (Event.CallRinging) events.stream().filter(e -> e instanceof Event.CallRinging).findFirst().orElseThrow();
        assertEquals("chat", ringing.call().media());

        for (Command c : List.of(new Command.Answer(chat), new Command.Hold(chat), new Command.Resume(chat), new Command.Hangup(chat),
                new Command.Consult(chat, "2001", false), new Command.StartRecording(chat), new Command.StopRecording(chat))) {
            Notices.Refusal r = refusal(connector.send(c));
            assertEquals("agentdesktop.notVoice", r.key(), c.toString());
            assertEquals(List.of("chat"), r.args());
        }
        // Call data is not a phone control: it reaches the chat contact.
        done(connector.send(new Command.SetCallData(chat, Map.of("TICKET", "42"))));
        assertEquals(List.of("WIDGET.bindContactCallback[]", "CONTACT.SetCallData[" + chat + ", TICKET=42]"), calls());
    }

    @Test
    void callDataAndRecordingReachTheSdkWithTheContactId() throws Exception {
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        widget.pump();
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallRinging r && r.callId().equals(call)));
        done(connector.send(new Command.Answer(call)));
        done(connector.send(new Command.SetCallData(call, Map.of("ECID", "ECID-1", "CUSTOMERID", "12345"))));
        done(connector.send(new Command.StartRecording(call)));
        assertTrue(events.contains(new Event.CallRecordingStarted("agentdesktop", null, call)), "recording started on the call's success");
        done(connector.send(new Command.StopRecording(call)));
        assertTrue(events.contains(new Event.CallRecordingStopped("agentdesktop", null, call)));

        assertEquals(List.of("CONTACT.Answer[" + call + "]", "CONTACT.SetCallData[" + call + ", CUSTOMERID=12345;ECID=ECID-1]",
                "CONTACT.StartRecording[" + call + "]", "CONTACT.StopRecording[" + call + "]"), contactCalls());
        for (Recorded r : sim.recorded()) assertTrue(r.accepted(), r + " accepted");
        // The simulator changed the contact's data, as AgentDesktop reports it (DATACHANGED).
        assertTrue(sim.sentEvents().stream().anyMatch(s -> s.contains("DATACHANGED") && s.contains("ECID-1")));
        // ... and the bar hears it as an update of the call's data.
        widget.pump();
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallUpdated u && u.callId().equals(call)
                && "ECID-1".equals(u.call().data().get("ECID")) && "12345".equals(u.call().data().get("CUSTOMERID"))));
    }

    @Test
    void callDataTheSdkStringCannotCarryIsRefusedBeforeReachingIt() throws Exception {
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        widget.pump();
        Notices.Refusal r = refusal(connector.send(new Command.SetCallData(call, Map.of("A;B", "1"))));
        assertEquals("agentdesktop.callDataChars", r.key());
        assertEquals(List.of(), contactCalls());
    }

    @Test
    void aCommandTheSdkDoesNotOfferIsAKeyedRefusal() throws Exception {
        Notices.Refusal r = refusal(connector.send(new Command.SendDtmf("x", "1")));
        assertEquals("agentdesktop.notOffered", r.key());
        assertEquals("AgentDesktop's Widget SDK does not offer SEND_DTMF", r.getMessage());
        assertEquals("agentdesktop.noConsultation", refusal(connector.send(new Command.CompleteTransfer(null))).key());
    }

    /**
     * Issue 20: Conference with a number during a plain call. AgentDesktop conferences only from a consultation, so
     * the bar consults the number and, once that leg answers, completes it as a conference: two SDK calls, then the
     * vendor's conference (the leg cleared with reason conference) and the command done.
     */
    @Test
    void aConferenceWithANumberConsultsItThenCompletesAsAConference() throws Exception {
        String call = answered("3393669393");
        done(connector.send(new Command.Conference(call, "2003", false)));
        assertEquals(List.of("CONTACT.Answer[" + call + "]", "CONTACT.Transfer_Consultation[" + call + ", 2003]",
                "CONTACT.Transfer_Complete_Conference[" + call + "]"), contactCalls());
        until(() -> events.contains(new Event.CallConferenced("agentdesktop", null, call)));
        for (Recorded r : sim.recorded()) assertTrue(r.accepted(), r + " accepted");
    }

    /** The consulted party's leg ends before it answers: no conference, and the agent is told so. */
    @Test
    void aConferenceWhoseConsultedPartyNeverAnswersIsAKeyedRefusal() throws Exception {
        sim.answerDelayMs(60_000);
        String call = answered("3393669393");
        CompletionStage<Void> conference = connector.send(new Command.Conference(call, "2003", false));
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallDialing d && !d.callId().equals(call)));
        String leg = ((Event.CallDialing) events.stream().filter(e -> e instanceof Event.CallDialing).findFirst().orElseThrow()).callId();
        assertTrue(sim.remoteHangup(leg));
        widget.pump();
        Notices.Refusal r = refusal(conference);
        assertEquals("agentdesktop.conferenceNotJoined", r.key());
        assertEquals(List.of("2003"), r.args());
        assertTrue(contactCalls().stream().noneMatch(c -> c.startsWith("CONTACT.Transfer_Complete")), contactCalls().toString());
    }

    /** Issue 20: AgentDesktop refuses a manual call: a keyed sentence with the number, AgentDesktop's reason as detail. */
    @Test
    void aDialAgentDesktopRefusesIsAKeyedNoticeWithItsReason() throws Exception {
        sim.play("dial-refused", Map.of("reason", "rejected"));
        done(connector.send(new Command.Dial("603555000")));
        until(() -> events.stream().anyMatch(e -> e instanceof Event.Notice));
        Event.Notice n = (Event.Notice) events.stream().filter(e -> e instanceof Event.Notice).findFirst().orElseThrow();
        assertEquals("agentdesktop.dialRefused", n.key());
        assertEquals(List.of("603555000"), n.args());
        assertEquals("rejected", n.message(), "AgentDesktop's words are the detail");
        assertTrue(events.stream().anyMatch(e -> e instanceof Event.CallEnded x && "rejected".equals(x.cause())));
    }

    /** Issue 20: two calls are two contacts, hence two journal rows (the simulator reused one id). */
    @Test
    void twoCallsAreTwoJournalRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (CallJournal journal = CallJournal.open(dir.resolve("j.db"), null, java.time.Clock.systemUTC())) {
            for (int i = 0; i < 2; i++) {
                sim.play("inbound-call");
                widget.pump();
                final int n = i + 1;
                until(() -> events.stream().filter(e -> e instanceof Event.CallRinging).map(e -> ((Event.CallRinging) e).callId())
                        .distinct().count() == n);
            }
            journal.record(List.copyOf(events));
            List<CallRecord> rows = journal.all();
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.stream().allMatch(r -> "3393669393".equals(r.remoteNumber())), rows.toString());
            assertNotEquals(rows.get(0).callId(), rows.get(1).callId());
        }
    }

    /** Issue 20: the caller who gives up while it rings is a missed call; the call AgentDesktop refused, a failed one. */
    @Test
    void theJournalEndsAnAbandonedCallAsMissedAndARefusedOneAsFailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String missed = sim.inbound("731000111", "225727273", "QUEUE25", 50);
        dev.unibar.testkit.Wait.until("the caller gave up", java.time.Duration.ofSeconds(10),
                () -> sim.sentEvents().stream().anyMatch(e -> e.contains("JOBFINISHED") && e.contains(missed)));
        widget.pump();
        sim.play("dial-refused");
        done(connector.send(new Command.Dial("603555000")));
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallFinished f && f.callId().equals(missed))
                && events.stream().anyMatch(e -> e instanceof Event.Notice));
        try (CallJournal journal = CallJournal.open(dir.resolve("j.db"), null, java.time.Clock.systemUTC())) {
            journal.endCauses(Map.of("agentdesktop", AgentDesktopMapper.END_CAUSES));
            journal.record(List.copyOf(events));
            Map<String, CallEnd> ends = new java.util.TreeMap<>();
            for (CallRecord r : journal.all()) ends.put(r.remoteNumber(), r.end());
            assertEquals(Map.of("731000111", CallEnd.MISSED, "603555000", CallEnd.FAILED), ends);
        }
    }

    private String answered(String number) throws Exception {
        String call = sim.inbound(number, "225727273", "QUEUE25");
        widget.pump();
        until(() -> events.stream().anyMatch(e -> e instanceof Event.CallRinging r && r.callId().equals(call)));
        done(connector.send(new Command.Answer(call)));
        return call;
    }

    private static Notices.Refusal refusal(CompletionStage<Void> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(Notices.Refusal.class, Failures.unwrap(e));
        }
        throw new AssertionError("not refused");
    }

    private static void done(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private List<String> calls() {
        List<String> out = new ArrayList<>();
        for (Recorded r : sim.recorded()) out.add(r.qualified() + r.args());
        return out;
    }

    private List<String> contactCalls() {
        return calls().stream().filter(s -> s.startsWith("CONTACT.")).toList();
    }

    private static void until(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("condition not met");
            Thread.sleep(10);
        }
    }
}
