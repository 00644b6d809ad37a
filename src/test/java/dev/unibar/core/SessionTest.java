package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    static final class Recording implements Connector {
        final List<Command> sent = new ArrayList<>();
        String failWith;
        Sink sink;

        public String vendor() { return "test"; }

        public Capabilities capabilities() {
            return Capabilities.builder().allow(CommandKind.HANGUP, SessionPhase.READY)
                    .allow(CommandKind.LOGIN, SessionPhase.CREDENTIALS).build();
        }

        public void start(Sink sink) { this.sink = sink; }

        public CompletionStage<Void> send(Command c) {
            sent.add(c);
            return failWith == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new RuntimeException(failWith));
        }

        public void stop() { }
    }

    final List<LogRecord> logs = new ArrayList<>();
    final Handler capture = new Handler() {
        public void publish(LogRecord r) { logs.add(r); }
        public void flush() { }
        public void close() { }
    };
    final Logger julLogger = Logger.getLogger(Session.class.getName());
    Recording connector;
    Session session;

    @BeforeEach
    void setUp() {
        julLogger.addHandler(capture);
        connector = new Recording();
        session = new Session(connector, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        session.start();
    }

    @AfterEach
    void tearDown() {
        julLogger.removeHandler(capture);
    }

    @Test
    void aCommandTheStateForbidsNeverReachesTheVendor() {
        CompletionStage<Void> r = session.send(new Command.Hangup("c1"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> r.toCompletableFuture().get());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(connector.sent.isEmpty());
    }

    @Test
    void anAllowedCommandIsSentAndShownInTheInspectorWithoutThePassword() throws Exception {
        connector.sink.events("{}", List.of(new Event.CredentialsRequired("test", null)));
        session.send(new Command.Login("jana", "s3cret-pw", false)).toCompletableFuture().get();
        assertEquals(List.of(new Command.Login("jana", "s3cret-pw", false)), connector.sent);
        InspectorEntry last = session.inspector().snapshot().get(session.inspector().snapshot().size() - 1);
        assertEquals(InspectorEntry.Kind.COMMAND, last.kind());
        assertTrue(last.raw().contains("jana"));
        assertFalse(last.raw().contains("s3cret-pw"));
    }

    @Test
    void aRefusedCommandBecomesAnErrorNoticeWithTheVendorsMessage() {
        connector.sink.events(null, List.of(new Event.SessionReady("test", null),
                new Event.CallConnected("test", null, "c1", Call.of("c1"))));
        connector.failWith = "Nenhuma chamada ativa";
        CompletionStage<Void> r = session.send(new Command.Hangup("c1"));
        assertThrows(ExecutionException.class, () -> r.toCompletableFuture().get());
        Event.Notice n = session.store().state().lastNotice();
        assertEquals(NoticeLevel.ERROR, n.level());
        assertEquals("Nenhuma chamada ativa", n.message());
        assertEquals(1, session.store().state().calls().size(), "the call stays until the vendor says otherwise");
    }

    @Test
    void malformedMessagesAreCountedEachAndLoggedOncePerReason() {
        for (int i = 0; i < 5; i++) connector.sink.malformed("{\"callback\":1}", "callback is not a string");
        connector.sink.malformed("[1]", "not a JSON object");
        assertEquals(6, session.inspector().malformedCount());
        long warnings = logs.stream().filter(r -> r.getMessage().contains("Malformed")).count();
        assertEquals(2, warnings);
        assertTrue(logs.get(0).getMessage().contains("callback is not a string"));
        assertTrue(logs.get(0).getMessage().contains("{\"callback\":1}"), "logged with its context");
    }

    @Test
    void aMalformedVendorLineReachesTheLogEscapedAndCutNeverRaw() {
        // A terminal escape, a forged second log line, a bidi override and 10,000 characters more.
        String raw = "{\"n\":\"\u001b[2J\u001b[31mowned\nWARNING: forged line\u202e\"}" + "x".repeat(10_000);
        connector.sink.malformed(raw, "bad\rreason\u0007");
        String line = logs.get(0).getMessage();
        assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x202e), "no control or bidi character: " + line);
        assertTrue(line.contains("\\u001b[2J") && line.contains("\\u000aWARNING: forged line\\u202e"), line);
        assertTrue(line.contains("bad\\u000dreason\\u0007"), "the reason is escaped too: " + line);
        assertTrue(line.length() < 2 * Printable.MAX_SHOWN + 200, "cut: " + line.length() + " chars");
        assertTrue(line.contains("(" + raw.length() + " chars)"), "says how long the line was");
        // The same text as translate's stderr shows for it: one escaping, not two.
        assertTrue(line.contains(dev.unibar.json.StrictJson.printable(raw)));
    }

    @Test
    void droppedMessagesAreCountedAndNeverMapped() {
        connector.sink.dropped("{\"eventName\":\"x\"}", "message from untrusted origin http://evil.example");
        assertEquals(1, session.inspector().droppedCount());
        assertEquals(0, session.store().state().eventCount());
        assertEquals(InspectorEntry.Kind.DROPPED, session.inspector().snapshot().get(0).kind());
    }

    @Test
    void eventsReachTheStoreAndTheInspectorTogether() {
        connector.sink.events("{\"callback\":\"onReady\"}", List.of(new Event.SessionReady("test", null)));
        assertEquals(SessionPhase.READY, session.store().state().phase());
        InspectorEntry e = session.inspector().snapshot().get(0);
        assertEquals("{\"callback\":\"onReady\"}", e.raw());
        assertEquals(1, e.events().size());
    }
}
