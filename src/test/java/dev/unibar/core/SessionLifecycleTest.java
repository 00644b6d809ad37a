package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session from start to stop as the bar sees it: the connector is started and stopped with it, connection
 * changes reach the store (each once), listeners hear every new state, and messages refused before mapping
 * are logged once per reason like malformed ones.
 */
class SessionLifecycleTest {

    static final class Vendor implements Connector {
        final List<String> calls = new ArrayList<>();
        Sink sink;

        public String vendor() { return "test"; }
        public Capabilities capabilities() {
            return Capabilities.builder().allow(dev.unibar.core.command.CommandKind.DIAL, SessionPhase.READY).build();
        }
        public void start(Sink s) { sink = s; calls.add("start"); }
        public CompletionStage<Void> send(Command c) { return CompletableFuture.completedFuture(null); }
        public void stop() { calls.add("stop"); }
    }

    private final List<LogRecord> logs = new ArrayList<>();
    private final Handler capture = new Handler() {
        public void publish(LogRecord r) { logs.add(r); }
        public void flush() { }
        public void close() { }
    };
    private final Logger jul = Logger.getLogger(Session.class.getName());
    private final Vendor vendor = new Vendor();
    private final Session session = new Session(vendor, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void listen() {
        jul.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(capture);
    }

    @Test
    void theConnectorStartsAndStopsWithTheSession() {
        assertSame(vendor, session.connector());
        session.start();
        session.stop();
        assertEquals(List.of("start", "stop"), vendor.calls);
    }

    @Test
    void connectionChangesReachListenersOnceEach() {
        List<BarState> heard = new ArrayList<>();
        Consumer<BarState> l = heard::add;
        session.store().subscribe(l);
        session.start();
        vendor.sink.connection(ConnectionStatus.CONNECTED);
        vendor.sink.connection(ConnectionStatus.CONNECTED);
        assertEquals(ConnectionStatus.CONNECTED, session.store().state().connection());
        assertEquals(1, heard.size(), "the same status twice is one change");
        vendor.sink.connection(ConnectionStatus.DISCONNECTED);
        assertEquals(ConnectionStatus.DISCONNECTED, session.store().state().connection());
        assertEquals(2, heard.size());
        vendor.sink.events(null, List.of(new Event.SessionReady("test", null)));
        assertEquals(3, heard.size());
        assertEquals(SessionPhase.READY, heard.get(2).phase(), "listeners get the new state");
        session.store().unsubscribe(l);
        vendor.sink.events(null, List.of(new Event.CredentialsRequired("test", null)));
        assertEquals(3, heard.size(), "no more after unsubscribing");
        vendor.sink.events(null, List.of());
        assertEquals(SessionPhase.CREDENTIALS, session.store().state().phase());
    }

    @Test
    void commandListenersHearWhatTheGuardLetThroughUntilRemoved() {
        List<Command> heard = new ArrayList<>();
        Consumer<Command> l = heard::add;
        session.addCommandListener(l);
        session.start();
        session.send(new Command.Dial("1001"));
        assertEquals(List.of(), heard, "refused before the session is ready: nobody hears it");
        vendor.sink.events(null, List.of(new Event.SessionReady("test", null)));
        session.send(new Command.Dial("1002"));
        session.send(new Command.Hangup("c1"));
        assertEquals(List.of(new Command.Dial("1002")), heard, "only what went to the vendor");
        session.removeCommandListener(l);
        session.send(new Command.Dial("1003"));
        assertEquals(1, heard.size(), "no more after removing");
    }

    @Test
    void droppedMessagesAreLoggedOncePerReason() {
        session.start();
        vendor.sink.dropped("{\"a\":1}", "message from untrusted origin http://evil.example");
        vendor.sink.dropped("{\"a\":2}", "message from untrusted origin http://evil.example");
        vendor.sink.dropped("{\"a\":3}", "message too large");
        assertEquals(3, session.inspector().droppedCount());
        List<String> lines = logs.stream().map(LogRecord::getMessage).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("untrusted origin"), lines.toString());
        assertTrue(lines.get(1).contains("too large"), lines.toString());
    }

    @Test
    void aNoticeKeyNoBundleHasStillShowsItsFacts() {
        assertFalse(Notices.has("no.such.key"));
        assertTrue(Notices.has("epbx.signalrLost"));
        assertEquals("no.such.key", Notices.format(Locale.ENGLISH, "no.such.key", List.of()));
        assertEquals("no.such.key 500 /c", Notices.format(Locale.ENGLISH, "no.such.key", List.of("500", "/c")));
        Event.Notice n = Event.Notice.keyed("test", null, NoticeLevel.WARNING, "no.such.key", "x");
        assertEquals("no.such.key x", Notices.text(n, Locale.ENGLISH));
    }
}
