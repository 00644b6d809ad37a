package dev.unibar.connectors.epbx;

import dev.unibar.testkit.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.unibar.connectors.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicSignalRTransportTest {

    private FakeClassicHub hub;
    private ClassicSignalRTransport transport;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<HubTransport.State> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        hub = new FakeClassicHub();
        transport = new ClassicSignalRTransport(HttpClient.newHttpClient(), hub.base(),
                new HubTransport.Backoff(50, 200, 0));
        transport.onEvent((name, args) -> events.add(name + " " + args));
        transport.onState(states::add);
        transport.onSessionLost(lost::incrementAndGet);
    }

    @AfterEach
    void tearDown() throws Exception {
        transport.close();
        hub.close();
    }

    private void connect() throws Exception {
        transport.connect("AtendimentoHub", () -> FakeClassicHub.TOKEN).get(5, TimeUnit.SECONDS);
    }

    @Test
    void connectNegotiatesConnectsAndStartsWithTheTokenOnEveryRequest() throws Exception {
        connect();
        List<String> paths = hub.requests.stream().map(r -> r.substring(0, r.indexOf('?'))).toList();
        assertEquals(List.of("/Service/signalr/negotiate", "/Service/signalr/connect", "/Service/signalr/start"), paths);
        for (String r : hub.requests) assertTrue(r.contains("access_token=" + FakeClassicHub.TOKEN), r);
        assertTrue(hub.requests.get(1).contains("transport=webSockets") && hub.requests.get(1).contains("connectionToken="));
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> states.contains(HubTransport.State.CONNECTED));
        assertEquals(List.of(HubTransport.State.CONNECTING, HubTransport.State.CONNECTED), states);
    }

    @Test
    void invokeSendsIncreasingIdsAndCompletesWithTheResult() throws Exception {
        hub.methods = (m, a) -> m.equals("discar") ? TextNode.valueOf("ok:" + a.get(0).asText()) : null;
        connect();
        assertEquals("ok:11987654321", transport.invoke("Discar", "11987654321", 1).get(5, TimeUnit.SECONDS).asText());
        assertTrue(transport.invoke("Desligar").get(5, TimeUnit.SECONDS).isNull());
        JsonNode first = Payloads.JSON.readTree(hub.invocations.get(0));
        assertEquals("{\"H\":\"atendimentohub\",\"M\":\"Discar\",\"A\":[\"11987654321\",1],\"I\":0}", first.toString());
        assertEquals(1, Payloads.JSON.readTree(hub.invocations.get(1)).get("I").asInt());
    }

    @Test
    void invokeErrorFailsWithTheServersMessage() throws Exception {
        hub.methods = (m, a) -> "E:Nenhuma chamada ativa";
        connect();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.invoke("Desligar").get(5, TimeUnit.SECONDS));
        assertInstanceOf(HubTransport.HubException.class, e.getCause());
        assertEquals("Nenhuma chamada ativa", e.getCause().getMessage());
    }

    @Test
    void pushesArriveInOrderAndTheCursorIsRemembered() throws Exception {
        connect();
        String last = null;
        for (int i = 0; i < 50; i++) last = hub.push("onChamada", "1000", java.util.Map.of("CanalId", "c" + i));
        Wait.until("50 events", java.time.Duration.ofMillis(5000), () -> events.size() == 50);
        for (int i = 0; i < 50; i++) assertEquals("onChamada [\"1000\",{\"CanalId\":\"c" + i + "\"}]", events.get(i));
        assertEquals(last, transport.cursor());
    }

    @Test
    void silenceBeyondKeepAliveTimeoutReconnectsWithTheCursor() throws Exception {
        hub.keepAliveTimeout = 0.4;
        connect();
        String cursor = hub.push("onAtendido", "1000", java.util.Map.of("CanalId", "x"));
        Wait.until("cursor", java.time.Duration.ofMillis(2000), () -> cursor.equals(transport.cursor()));
        hub.keepAlives = false;
        Wait.until("RECONNECTING", java.time.Duration.ofMillis(3000), () -> states.contains(HubTransport.State.RECONNECTING));
        hub.keepAlives = true;
        Wait.until("reconnect request", java.time.Duration.ofMillis(3000), () -> hub.requests.stream().anyMatch(r -> r.contains("/reconnect?")));
        String reconnect = hub.requests.stream().filter(r -> r.contains("/reconnect?")).findFirst().orElseThrow();
        assertTrue(reconnect.contains("messageId=" + cursor), reconnect);
        Wait.until("CONNECTED again", java.time.Duration.ofMillis(3000), () -> states.get(states.size() - 1) == HubTransport.State.CONNECTED
                && states.size() >= 4);
        assertEquals(1, hub.negotiations.get(), "the same connection was resumed");
        assertEquals(0, lost.get());
        hub.methods = (m, a) -> TextNode.valueOf("still here");
        assertEquals("still here", transport.invoke("Ping").get(5, TimeUnit.SECONDS).asText());
    }

    @Test
    void aDroppedSocketIsReconnectedAndPendingCallsFail() throws Exception {
        hub.methods = (m, a) -> {
            if (m.equals("lento")) {
                hub.dropConnection();
                return null;
            }
            return TextNode.valueOf("ok");
        };
        connect();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.invoke("Lento").get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("lost"), e.getCause().getMessage());
        Wait.until("RECONNECTING then CONNECTED", java.time.Duration.ofMillis(5000), () -> states.contains(HubTransport.State.RECONNECTING)
                && states.get(states.size() - 1) == HubTransport.State.CONNECTED);
        Wait.until("invoke after reconnect", java.time.Duration.ofMillis(5000), () -> {
            try {
                return transport.invoke("Ping").get(1, TimeUnit.SECONDS).asText().equals("ok");
            } catch (Exception ex) {
                return false;
            }
        });
        assertEquals(0, lost.get());
        assertEquals(1, hub.negotiations.get());
    }

    @Test
    void aServerThatForgotTheConnectionIsRenegotiatedAndTheSessionReportedLost() throws Exception {
        connect();
        hub.forgetConnections();
        hub.dropConnection();
        Wait.until("session lost", java.time.Duration.ofMillis(5000), () -> lost.get() == 1);
        assertEquals(2, hub.negotiations.get());
        assertTrue(hub.requests.stream().anyMatch(r -> r.contains("/reconnect?")), "tried to resume first");
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> states.get(states.size() - 1) == HubTransport.State.CONNECTED);
        hub.methods = (m, a) -> TextNode.valueOf("new");
        assertEquals("new", transport.invoke("Iniciar", 12, 1).get(5, TimeUnit.SECONDS).asText());
    }

    /**
     * Issue 21: the probe is for a silent server. One that answers, if only to refuse, gets the whole
     * backoff between attempts and no probe: a broken middleware is not hammered once a second.
     */
    @Test
    void aServerThatAnswersButRefusesGetsTheWholeBackoffAndNoProbe() throws Exception {
        transport.close();
        transport = new ClassicSignalRTransport(HttpClient.newHttpClient(), hub.base(),
                new HubTransport.Backoff(1_500, 1_500, 0, 50));
        transport.onState(states::add);
        java.util.concurrent.atomic.AtomicReference<String> token = new java.util.concurrent.atomic.AtomicReference<>(FakeClassicHub.TOKEN);
        transport.connect("AtendimentoHub", token::get).get(5, TimeUnit.SECONDS);
        token.set("tok-REFUSED-000000");
        hub.dropConnection();
        Wait.until("two refused renegotiations", java.time.Duration.ofMillis(10_000),
                () -> hub.requests.stream().filter(r -> r.startsWith("/Service/signalr/negotiate")).count() == 3);
        List<String> afterFirstRefusal = hub.requests.subList(
                hub.requests.indexOf(hub.requests.stream().filter(r -> r.startsWith("/Service/signalr/negotiate"))
                        .skip(1).findFirst().orElseThrow()), hub.requests.size());
        assertTrue(afterFirstRefusal.stream().noneMatch(r -> r.startsWith("/Service/signalr/ping")), afterFirstRefusal.toString());
        // Before the first attempt nothing was known of the server: it was probed, and answered.
        assertTrue(hub.requests.stream().anyMatch(r -> r.startsWith("/Service/signalr/ping?null")), hub.requests.toString());
    }

    @Test
    void theBackoffProbesOnlyWaitsLongerThanItsProbeWithJitter() {
        HubTransport.Backoff none = new HubTransport.Backoff(1_000, 30_000, 0);
        assertFalse(none.probesDuring(30_000), "no probe unless asked for");
        HubTransport.Backoff d = HubTransport.Backoff.DEFAULT;
        assertFalse(d.probesDuring(1_000));
        assertTrue(d.probesDuring(1_001));
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            long p = d.probeDelayMs(r);
            assertTrue(p >= 500 && p <= 1_000, "probe delay " + p);
            long a = d.delayMs(10, r);
            assertTrue(a >= 15_000 && a <= 30_000, "capped delay " + a);
        }
    }

    @Test
    void aRefusedTokenFailsTheConnectWithoutShowingIt() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.connect("AtendimentoHub", () -> "secret-wrong-token").get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("401"), e.getCause().getMessage());
        assertFalse(e.getCause().getMessage().contains("secret-wrong-token"));
        Wait.until("DISCONNECTED", java.time.Duration.ofMillis(2000), () -> states.contains(HubTransport.State.DISCONNECTED));
    }

    @Test
    void invokeWhileNotConnectedFailsAtOnce() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.invoke("Discar", "1", 1).get(1, TimeUnit.SECONDS));
        assertEquals("Not connected to EPBX", e.getCause().getMessage());
    }

    @Test
    void theTokenNeverReachesALogRecord() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) {
                String n = String.valueOf(r.getLoggerName());
                // The fake server and the JDK's opt-in wire debugging are not the client.
                if (n.startsWith("org.eclipse.jetty") || n.startsWith("jdk.internal.")) return;
                logged.add(n + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() != null ? " " + r.getThrown() : ""));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(h);
        try {
            hub.keepAliveTimeout = 0.4;
            connect();
            hub.forgetConnections();
            hub.keepAlives = false;
            Wait.until("session lost", java.time.Duration.ofMillis(5000), () -> lost.get() >= 1);
            hub.keepAlives = true;
            transport.close();
        } finally {
            root.removeHandler(h);
            root.setLevel(before);
        }
        assertFalse(logged.isEmpty(), "the check saw the client's log records");
        for (String l : logged) assertFalse(l.contains(FakeClassicHub.TOKEN), l);
    }

    @Test
    void closeAbortsTheConnection() throws Exception {
        connect();
        transport.close();
        Wait.until("abort", java.time.Duration.ofMillis(3000), () -> hub.requests.stream().anyMatch(r -> r.contains("/signalr/abort?")));
        assertTrue(hub.knownConnections.isEmpty());
    }
}
