package dev.unibar.connectors.epbx;

import dev.unibar.testkit.Wait;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreSignalRTransportTest {

    private FakeCoreHub hub;
    private CoreSignalRTransport transport;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<HubTransport.State> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        hub = new FakeCoreHub();
        transport = new CoreSignalRTransport(hub.base(), "atendimentoHub", new HubTransport.Backoff(50, 200, 0));
        transport.onEvent((n, a) -> events.add(n + " " + a));
        transport.onState(states::add);
        transport.onSessionLost(lost::incrementAndGet);
        transport.connect("AtendimentoHub", () -> FakeClassicHub.TOKEN).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        transport.close();
        hub.close();
    }

    @Test
    void negotiatesWithTheTokenAndCompletesTheHandshake() {
        assertTrue(hub.requests.get(0).startsWith("POST /Service/atendimentoHub/negotiate?"), hub.requests.toString());
        assertTrue(hub.requests.get(0).contains("negotiateVersion=1"));
        assertTrue(hub.requests.get(0).contains("access_token=" + FakeClassicHub.TOKEN));
        assertEquals("Bearer " + FakeClassicHub.TOKEN, hub.authHeaders.get(0));
        assertTrue(hub.requests.get(1).startsWith("WS /Service/atendimentoHub?"), hub.requests.toString());
        assertTrue(hub.requests.get(1).contains("id=ctok1"));
        assertEquals("{\"protocol\":\"json\",\"version\":1}", hub.received.get(0));
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> states.contains(HubTransport.State.CONNECTED));
    }

    @Test
    void invokeSendsTheArgumentsAndCompletes() throws Exception {
        hub.methods = (m, a) -> m.equals("Discar") ? null : TextNode.valueOf("r");
        assertTrue(transport.invoke("Discar", "11987654321", 1).get(5, TimeUnit.SECONDS).isNull());
        String frame = hub.received.stream().filter(f -> f.contains("Discar")).findFirst().orElseThrow();
        assertTrue(frame.contains("\"target\":\"Discar\"") && frame.contains("\"arguments\":[\"11987654321\",1]"), frame);
        // A method that returns something completes with it.
        assertEquals("r", transport.invoke("Outro").get(5, TimeUnit.SECONDS).asText());
    }

    @Test
    void invokeErrorCarriesTheServersMessage() {
        hub.methods = (m, a) -> "E:Nenhuma chamada ativa";
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.invoke("Desligar").get(5, TimeUnit.SECONDS));
        assertEquals("Nenhuma chamada ativa", e.getCause().getMessage());
    }

    @Test
    void pushesArriveAsJsonArguments() {
        hub.push("onChamada", "1000", Map.of("CanalId", "SIP/1", "TipoDiscagem", 1));
        hub.push("onChamadaGlobalId", "1000", Map.of("CanalId", "SIP/1"), "G1");
        hub.push("onDeslogado", "1000");
        Wait.until("3 events", java.time.Duration.ofMillis(5000), () -> events.size() == 3);
        assertTrue(events.get(0).startsWith("onChamada [\"1000\",{"), events.get(0));
        assertTrue(events.get(0).contains("\"TipoDiscagem\":1") && events.get(0).contains("\"CanalId\":\"SIP/1\""));
        assertEquals("onChamadaGlobalId [\"1000\",{\"CanalId\":\"SIP/1\"},\"G1\"]", events.get(1));
        assertEquals("onDeslogado [\"1000\"]", events.get(2));
    }

    @Test
    void everyEventNameArrivesWhateverItsArgumentCount() {
        // Names no vendor document lists must reach the mapper (vendor.unmapped), not vanish in the client.
        hub.push("onEventoNovo", Map.of("Ramal", 1000), "a", 2, List.of(3));
        hub.push("OnChamada", Map.of("Ramal", 1000), Map.of("CanalId", "SIP/2"));
        hub.push("onSemArgumentos");
        Wait.until("3 events", java.time.Duration.ofMillis(5000), () -> events.size() == 3);
        assertEquals("onEventoNovo [{\"Ramal\":1000},\"a\",2,[3]]", events.get(0));
        assertEquals("OnChamada [{\"Ramal\":1000},{\"CanalId\":\"SIP/2\"}]", events.get(1));
        assertEquals("onSemArgumentos []", events.get(2));
    }

    @Test
    void aCloseMessageFromTheServerIsADropAndReconnects() {
        hub.send("{\"type\":7,\"error\":\"Server is shutting down\",\"allowReconnect\":true}");
        Wait.until("session lost", java.time.Duration.ofMillis(10000), () -> lost.get() == 1);
        assertEquals(2, hub.negotiations.get());
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> states.get(states.size() - 1) == HubTransport.State.CONNECTED);
        hub.push("onDeslogado", Map.of("Ramal", 1000));
        Wait.until("a push on the new connection", java.time.Duration.ofMillis(5000),
                () -> events.contains("onDeslogado [{\"Ramal\":1000}]"));
    }

    @Test
    void aSilentServerIsTakenForGoneAndTheClientPings() throws Exception {
        // The fake hub never pings: with a short server timeout the client must give up on it and reconnect.
        CoreSignalRTransport quick = new CoreSignalRTransport(java.net.http.HttpClient.newHttpClient(), hub.base(),
                "atendimentoHub", new HubTransport.Backoff(50, 200, 0), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(600), java.time.Duration.ofMillis(100));
        AtomicInteger quickLost = new AtomicInteger();
        quick.onSessionLost(quickLost::incrementAndGet);
        try {
            int before = hub.negotiations.get();
            quick.connect("AtendimentoHub", () -> FakeClassicHub.TOKEN).get(10, TimeUnit.SECONDS);
            Wait.until("a ping from the client", java.time.Duration.ofMillis(5000),
                    () -> hub.received.contains("{\"type\":6}"));
            Wait.until("reconnected after the silence", java.time.Duration.ofMillis(10000), () -> quickLost.get() >= 1);
            assertTrue(hub.negotiations.get() >= before + 2);
        } finally {
            quick.close();
        }
    }

    @Test
    void aRefusedTokenOnReconnectAsksTheOwnerToRenewAndRetriesAtOnce() {
        AtomicInteger renewals = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> tok = new java.util.concurrent.atomic.AtomicReference<>("stale");
        transport.close();
        transport = new CoreSignalRTransport(hub.base(), "atendimentoHub", new HubTransport.Backoff(50, 200, 0));
        transport.onSessionLost(lost::incrementAndGet);
        transport.onAuthRejected(() -> {
            renewals.incrementAndGet();
            tok.set(FakeClassicHub.TOKEN);
            return true;
        });
        tok.set(FakeClassicHub.TOKEN);
        assertDoesNotThrow(() -> transport.connect("AtendimentoHub", tok::get).get(10, TimeUnit.SECONDS));
        tok.set("stale");
        hub.dropConnection();
        // The stale token is refused until the owner renews it: only the renewal lets the reconnect succeed.
        Wait.until("reconnected with the renewed token", java.time.Duration.ofMillis(10000), () -> lost.get() == 1);
        assertEquals(1, renewals.get());
    }

    @Test
    void theTokenNeverReachesALogRecord() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) {
                // The fake server's own debug logs are test scaffolding, not the client.
                if (r.getLoggerName() != null && r.getLoggerName().startsWith("org.eclipse.jetty")) return;
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(h);
        try {
            CoreSignalRTransport second = new CoreSignalRTransport(hub.base(), "atendimentoHub",
                    new HubTransport.Backoff(50, 200, 0));
            second.connect("AtendimentoHub", () -> FakeClassicHub.TOKEN).get(10, TimeUnit.SECONDS);
            hub.dropConnection();
            Wait.until("second reconnects", java.time.Duration.ofMillis(10000), () -> hub.negotiations.get() >= 3);
            second.close();
        } finally {
            root.removeHandler(h);
            root.setLevel(before);
        }
        assertTrue(logged.size() > 0, "the client logged something (the check saw the records)");
        for (String l : logged) assertTrue(!l.contains(FakeClassicHub.TOKEN), l);
    }

    @Test
    void aDroppedConnectionIsRestartedAndReportedAsALostSession() {
        hub.dropConnection();
        Wait.until("session lost", java.time.Duration.ofMillis(10000), () -> lost.get() == 1);
        assertTrue(states.contains(HubTransport.State.RECONNECTING));
        assertEquals(2, hub.negotiations.get());
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> states.get(states.size() - 1) == HubTransport.State.CONNECTED);
    }

    @Test
    void aRealServersErrorPrefixIsCutToTheMiddlewaresMessage() {
        assertEquals("Nenhuma chamada ativa", CoreSignalRTransport.hubMessage(
                "An unexpected error occurred invoking 'Desligar' on the server. HubException: Nenhuma chamada ativa"));
        assertEquals("Nenhuma chamada ativa", CoreSignalRTransport.hubMessage("Nenhuma chamada ativa"));
    }
}
