package dev.unibar.connectors.max;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

/** The connector against a fake page: what it posts to MAX, and what it makes of MAX's answers. */
class MaxConnectorTest {

    static final String ORIGIN = "https://max.example.com";

    /** A MAX page whose child frame is created once; records every message the child was asked to post. */
    static final class FakePage implements PageChannel {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile String childAnswer = "new";
        CaptureHandler handler;

        public void load(String url) {
        }

        public CompletionStage<String> call(String script) {
            if (script.contains("createElement('iframe')")) {
                String r = childAnswer;
                childAnswer = "same";
                return CompletableFuture.completedFuture(r);
            }
            int i = script.indexOf("c.send(");
            if (i >= 0) {
                String lit = script.substring(i + 7, script.indexOf(")) : 'no-child'"));
                try {
                    sent.add(Payloads.JSON.readTree(Payloads.JSON.readTree(lit).asText()).path("messageType").asText());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return CompletableFuture.completedFuture("true");
        }

        public void setCaptureHandler(CaptureHandler h) {
            handler = h;
        }

        void reply(String json) throws Exception {
            JsonNode n = Payloads.JSON.readTree(json);
            handler.captured(ORIGIN, n, json);
        }
    }

    static final class Sink implements Connector.Sink {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> raws = new CopyOnWriteArrayList<>();

        public void events(String raw, List<Event> e) {
            if (raw != null) raws.add(raw);
            events.addAll(e);
        }

        public void connection(ConnectionStatus status) {
        }

        public void malformed(String raw, String reason) {
            raws.add(raw);
        }
    }

    private static MaxConnector connector(MaxConfig cfg, FakePage page) {
        return new MaxConnector(cfg, new WebPage(page, cfg::url, false));
    }

    private static void until(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void aSubscriptionThatCannotSeeCallsIsToldToTheAgentAtStart() {
        for (List<String> types : List.of(List.of("contacts"), List.of("contact", "sessioninfo"), List.of("agent", "contacts"),
                List.of("ALL"))) {
            Sink sink = new Sink();
            MaxConnector c = connector(new MaxConfig(ORIGIN + "/", types, null, null), new FakePage());
            c.start(sink);
            c.stop();
            List<Event.Notice> warned = sink.events.stream().filter(e -> e instanceof Event.Notice n
                    && "max.subscriptionSeesNoCalls".equals(n.key())).map(e -> (Event.Notice) e).toList();
            boolean blind = !types.contains("agent") && !types.contains("ALL");
            assertEquals(blind ? 1 : 0, warned.size(), types.toString());
            if (blind) {
                assertTrue(warned.get(0).message().contains(String.join(", ", types)), warned.get(0).message());
                assertTrue(dev.unibar.core.model.Notices.text(warned.get(0), java.util.Locale.forLanguageTag("it"))
                        .startsWith("I tipi di sottoscrizione MAX"));
            }
        }
    }

    @Test
    void registersOnceReportsAMissingAckAndUnregistersOnStop() throws Exception {
        FakePage page = new FakePage();
        Sink sink = new Sink();
        MaxConnector c = connector(new MaxConfig(ORIGIN + "/agent", null, Duration.ofSeconds(1), null), page);
        c.start(sink);
        until("registered", () -> page.sent.contains("RegisterForClientEvents"));
        until("ack time-out reported", () -> sink.events.stream().anyMatch(e -> e instanceof Event.SessionError s
                && "ack-timeout".equals(s.code())));
        Thread.sleep(700);
        assertEquals(List.of("RegisterForClientEvents"), page.sent, "never a second registration on the same child");
        c.stop();
        assertEquals(List.of("RegisterForClientEvents", "UnregisterFromClientEvents"), page.sent);
    }

    @Test
    void keepsTheSessionTokenOutOfEverythingAndSendsTogglesOnlyWhenTheyFit() throws Exception {
        FakePage page = new FakePage();
        Sink sink = new Sink();
        MaxConnector c = connector(new MaxConfig(ORIGIN + "/", List.of("agent", "contacts", "sessioninfo"), null, null), page);
        c.start(sink);
        until("registered", () -> page.sent.contains("RegisterForClientEvents"));
        page.reply("{\"issuer\":\"MAX\",\"contactId\":null,\"events\":[{\"messageType\":\"ClientEventSubscriptionAcknowledge\","
                + "\"contactId\":null,\"status\":\"OK\",\"reason\":\"Success\"},{\"messageType\":\"SessionInfo\",\"sessionToken\":\"tok-SECRET==\"}]}");
        assertEquals("tok-SECRET==", c.sessionToken());
        assertTrue(sink.raws.stream().noneMatch(r -> r.contains("tok-SECRET")), sink.raws.toString());
        assertTrue(sink.events.stream().noneMatch(e -> e.toString().contains("tok-SECRET")));

        ExecutionException noCall = assertThrows(ExecutionException.class,
                () -> c.send(new Command.Hold("1")).toCompletableFuture().get());
        assertTrue(noCall.getCause().getMessage().contains("MAX"));
        page.reply("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"CallContactEvent\",\"ContactID\":\"1\",\"Status\":\"Active\",\"IsInbound\":\"True\"}]}");
        assertEquals("HoldEvent", c.messageType(new Command.Hold("1")));
        assertNull(c.messageType(new Command.Resume("1")), "not held: a toggle would hold it instead");
        assertNull(c.messageType(new Command.Unmute("1")), "not muted");
        assertEquals("MuteEvent", c.messageType(new Command.Mute("1")));
        assertNull(c.messageType(new Command.Answer("1")), "nothing rings");
        assertNull(c.messageType(new Command.Dial("123", null, false)), "MAX cannot dial");
        page.reply("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"CallContactEvent\",\"ContactID\":\"1\",\"Status\":\"Holding\"}]}");
        assertNull(c.messageType(new Command.Hold("1")));
        assertEquals("HoldEvent", c.messageType(new Command.Resume("1")));
        c.stop();
        assertNull(c.sessionToken());
    }

    @Test
    void maskRecordAndContactCardFollowTheObservedCall() throws Exception {
        FakePage page = new FakePage();
        MaxConnector c = connector(new MaxConfig(ORIGIN + "/", null, null, null), page);
        c.start(new Sink());
        assertNull(c.message(new Command.ContactCard("7", "Ada", null)), "no such contact: nothing to tell MAX");
        page.reply("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"CallContactEvent\",\"ContactID\":\"7\",\"Status\":\"Holding\"}]}");
        assertNull(c.messageType(new Command.Mask("7")), "held: MAX masks only a talking call");
        page.reply("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"CallContactEvent\",\"ContactID\":\"7\",\"Status\":\"Active\"}]}");
        assertEquals("MaskEvent", c.messageType(new Command.Mask("7")));
        assertNull(c.messageType(new Command.Unmask("7")), "not masked: the toggle would mask");
        assertEquals("RecordEvent", c.messageType(new Command.StartRecording("7")));
        assertNull(c.messageType(new Command.StopRecording("7")), "MAX cannot stop a recording");
        page.reply("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"CallContactEvent\",\"ContactID\":\"7\",\"Status\":\"Masking\",\"IsLogging\":\"True\"}]}");
        assertNull(c.messageType(new Command.Mask("7")));
        assertEquals("MaskEvent", c.messageType(new Command.Unmask("7")));
        assertNull(c.messageType(new Command.StartRecording("7")), "one-shot, already on");
        assertEquals(Map.of("messageType", "ContactCardData", "issuer", "Unibar", "contactId", 7L,
                "contactCardData", Map.of("name", "Ada", "userImg", "https://img.example/a.png")),
                c.message(new Command.ContactCard("7", "Ada", "https://img.example/a.png")));
        assertEquals(Map.of("name", "Ada"), c.message(new Command.ContactCard("7", "Ada", null)).get("contactCardData"));
        c.stop();
    }

    @Test
    void repliesFromAnotherOriginOrIssuerAreIgnored() throws Exception {
        FakePage page = new FakePage();
        Sink sink = new Sink();
        MaxConnector c = connector(new MaxConfig(ORIGIN + "/", null, null, null), page);
        c.start(sink);
        String ok = "{\"issuer\":\"MAX\",\"events\":[{\"messageType\":\"ClientEventSubscriptionAcknowledge\",\"status\":\"OK\"}]}";
        page.handler.captured("https://evil.example", Payloads.JSON.readTree(ok), ok);
        page.reply("{\"issuer\":\"Someone\",\"events\":[{\"messageType\":\"ClientEventSubscriptionAcknowledge\",\"status\":\"OK\"}]}");
        assertTrue(sink.events.isEmpty());
        c.stop();
    }
}
