package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.config.Secret;
import dev.unibar.connectors.ucs.UcsConfig;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.webbar.WebPage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UcsConnectorTest {

    static final class FakePage implements PageChannel {
        final List<String> loaded = new ArrayList<>();
        final List<String> scripts = new ArrayList<>();
        CaptureHandler handler;

        public void load(String url) { loaded.add(url); }

        public CompletionStage<String> call(String script) {
            scripts.add(script);
            return CompletableFuture.completedFuture(null);
        }

        public void setCaptureHandler(CaptureHandler h) { handler = h; }
    }

    static final class Sink implements Connector.Sink {
        final List<Event> events = new ArrayList<>();
        final List<String> raws = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<ConnectionStatus> connection = new ArrayList<>();

        public void events(String raw, List<Event> e) { raws.add(raw); events.addAll(e); }
        public void connection(ConnectionStatus s) { connection.add(s); }
        public void malformed(String raw, String reason) { problems.add("malformed: " + reason); }
        public void dropped(String raw, String reason) { problems.add("dropped: " + reason); }
    }

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    static UcsConfig config(boolean sso) {
        return new UcsConfig("ucs.example.cz", 443, null, true, null, Map.of("headless", true, "listDevices", true),
                sso ? "jana" : null, sso ? Secret.of("preshared") : null, "CRM", List.of());
    }

    FakePage page = new FakePage();
    Sink sink = new Sink();

    UcsConnector connector(boolean sso) {
        UcsConnector c = new UcsConnector(config(sso), WebPage.host(page, () -> "http://127.0.0.1:9/x/ucs/"), CLOCK);
        c.start(sink);
        return c;
    }

    @Test
    void startLoadsTheHostPageAndListens() {
        connector(false);
        assertEquals(List.of("http://127.0.0.1:9/x/ucs/"), page.loaded);
        assertTrue(page.handler != null);
        assertEquals(List.of(ConnectionStatus.CONNECTING), sink.connection);
    }

    @Test
    void everyCommandBecomesTheSeedsMethod() {
        UcsConnector c = connector(true);
        assertCalls(c, new Command.Login("jana", "pw", true), "login", "[\"jana\",\"pw\",true]");
        assertCalls(c, new Command.Logout(), "logout", "[]");
        assertCalls(c, new Command.SelectDevice("SEP00AA"), "selectIdentifier", "[\"SEP00AA\"]");
        assertCalls(c, new Command.Provision(), "provision", "[]");
        assertCalls(c, new Command.Identify(), "identify", "[]");
        assertCalls(c, new Command.SetState(AgentState.READY, null), "changeStatus", "[\"READY\"]");
        assertCalls(c, new Command.SetState(AgentState.NOT_READY, "Oběd"), "changeStatus", "[\"AUX\",\"Oběd\"]");
        assertCalls(c, new Command.SetState(AgentState.OFFLINE, null), "changeStatus", "[\"OFFLINE\"]");
        assertCalls(c, new Command.SuspendQueue("5"), "suspend", "[5]");
        assertCalls(c, new Command.ResumeQueue("5"), "resume", "[5]");
        assertCalls(c, new Command.Dial("0800123456"), "dial", "[\"0800123456\"]");
        assertCalls(c, new Command.Dial("0800123456", "12", false), "dial", "[\"0800123456\",12]");
        assertCalls(c, new Command.Dial("0800123456", "directCall", false), "dial", "[\"0800123456\",\"directCall\"]");
        assertCalls(c, new Command.Answer("u1"), "answer", "[]");
        assertCalls(c, new Command.Reject("u1"), "hangup", "[]");
        assertCalls(c, new Command.Hangup("u1"), "hangup", "[]");
        assertCalls(c, new Command.Hold("u1"), "hold", "[]");
        assertCalls(c, new Command.Resume("u1"), "unhold", "[]");
        assertCalls(c, new Command.Mute("u1"), "mute", "[]");
        assertCalls(c, new Command.Unmute("u1"), "mute", "[]");
        assertCalls(c, new Command.BlindTransfer("u1", "2001", false), "blindTransfer", "[\"2001\"]");
        assertCalls(c, new Command.Consult("u1", "2001", false), "transfer", "[\"2001\"]");
        assertCalls(c, new Command.CompleteTransfer("u1"), "finishTransfer", "[]");
        assertCalls(c, new Command.SetAccountCode("u1", "SALE", null, true), "setAccountCode",
                "[\"u1\",\"SALE\",null,true]");
    }

    @Test
    void ssoSendsTheSeedsTokenForNow() {
        UcsConnector c = connector(true);
        String ts = "1700000000";
        assertCalls(c, new Command.Sso(null), "sso",
                "[\"jana\",\"" + SsoToken.token("preshared", "jana", ts) + "\",\"CRM\"]");
    }

    @Test
    void capabilitiesFollowTheSeedsStateTable() {
        UcsConnector c = connector(false);
        assertFalse(c.capabilities().supports(CommandKind.CONFERENCE), "UCS has no conference method");
        assertFalse(c.capabilities().supports(CommandKind.SSO), "no SSO without a secret");
        assertTrue(c.capabilities().allowedIn(CommandKind.LOGIN, SessionPhase.CREDENTIALS));
        assertFalse(c.capabilities().allowedIn(CommandKind.LOGIN, SessionPhase.READY));
        assertTrue(c.capabilities().allowedIn(CommandKind.PROVISION, SessionPhase.DEVICE_PAIRED));
        assertFalse(c.capabilities().allowedIn(CommandKind.ANSWER, SessionPhase.DEVICE_PAIRED));
        assertTrue(connector(true).capabilities().supports(CommandKind.SSO));
    }

    @Test
    void conferenceIsRefusedNotSentAsSomethingElse() {
        UcsConnector c = connector(false);
        CompletionStage<Void> r = c.send(new Command.Conference("u1", null, false));
        assertThrows(Exception.class, () -> r.toCompletableFuture().get());
        assertTrue(page.scripts.isEmpty());
    }

    @Test
    void capturesAreMappedWithTheirRawLine() throws Exception {
        connector(false);
        String raw = "{\"callback\":\"onCallRinging\",\"args\":[{\"uniqueid\":\"1700.1\",\"id\":7,\"direction\":\"INCOMING\","
                + "\"caller_number\":\"+420777\",\"state\":2}]}";
        page.handler.captured("http://ucs.example.cz", Payloads.JSON.readTree(raw), raw);
        assertEquals(List.of(raw), sink.raws);
        assertEquals("call.ringing", sink.events.get(0).type());
        assertEquals("1700.1", ((Event.CallRinging) sink.events.get(0)).callId());
    }

    @Test
    void onConnectMarksTheConnection() throws Exception {
        connector(false);
        String raw = "{\"callback\":\"onConnect\",\"args\":[\"4.60.0\"]}";
        page.handler.captured("o", Payloads.JSON.readTree(raw), raw);
        assertEquals(ConnectionStatus.CONNECTED, sink.connection.get(sink.connection.size() - 1));
    }

    @Test
    void malformedAndDroppedReachTheSink() throws Exception {
        connector(false);
        JsonNode bad = Payloads.JSON.readTree("{\"args\":[]}");
        page.handler.captured("o", bad, bad.toString());
        page.handler.dropped("http://evil.example", "{}");
        assertEquals(2, sink.problems.size());
        assertTrue(sink.problems.get(0).startsWith("malformed: "));
        assertTrue(sink.problems.get(1).contains("http://evil.example"));
        assertTrue(sink.events.isEmpty());
    }

    @Test
    void hostPageWiresEveryCallbackAndConfig() {
        String html = UcsHostPage.html(config(false), "Unibar – UCS");
        for (String cb : UcsHostPage.CALLBACKS) assertTrue(html.contains("\"" + cb + "\""), cb);
        assertTrue(html.contains("\"hostname\":\"ucs.example.cz\""));
        assertTrue(html.contains("\"headless\":true"));
        assertTrue(html.contains("src=\"https://ucs.example.cz/operator/operator-v4.0.0.js\""));
        assertTrue(html.indexOf("/unibar/shim.js") < html.indexOf("operator-v4.0.0.js"), "shim before the vendor");
        assertEquals(25, UcsHostPage.CALLBACKS.size(), "every callback of seed 002");
    }

    @Test
    void scriptArgumentsCannotBreakOutOfTheScript() {
        String s = UcsConnector.invoke("dial", "</script><script>alert(1)</script>\"');");
        assertFalse(s.contains("</script>"));
    }

    private void assertCalls(UcsConnector c, Command cmd, String method, String argsJson) {
        page.scripts.clear();
        c.send(cmd);
        assertEquals(1, page.scripts.size(), cmd.toString());
        String s = page.scripts.get(0);
        assertTrue(s.contains("o." + method + ".apply(o, " + argsJson + ")"), cmd + " → " + s);
    }
}
