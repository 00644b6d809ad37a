package dev.unibar.connectors.epbx.sim;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.HubException;
import io.reactivex.rxjava3.core.Single;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.HTTP;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.JSON;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ASP.NET Core SignalR: the Microsoft Java client, and the raw frames for what the client hides. */
class EpbxCoreProtocolTest {

    private EpbxSimulator sim;
    private String token;
    private HubConnection hub;

    @BeforeEach
    void start() throws Exception {
        sim = EpbxSimulator.builder().port(0).keepAlive(Duration.ofMillis(200)).build().start();
        token = EpbxTestHttp.token(sim);
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.stop().blockingAwait(5, TimeUnit.SECONDS);
        sim.stop();
    }

    /** ramal is the RamalInfo object {"Ramal": 1000}; body the event's second argument (null when it has none). */
    record Pushed(String event, Map<?, ?> ramal, Map<?, ?> body) {
        int ramalNumber() {
            return ((Number) ramal.get("Ramal")).intValue();
        }
    }

    private HubConnection connect(BlockingQueue<Pushed> events) {
        HubConnection c = HubConnectionBuilder.create(sim.serviceBase() + "atendimentoHub")
                .withAccessTokenProvider(Single.defer(() -> Single.just(token)))
                .build();
        // onLogado carries the RamalInfo only; the call events a RamalInfo and a ChamadaInfo (IAtendimentoClient.cs).
        c.on("onLogado", (Map<?, ?> ramal) -> events.add(new Pushed("onLogado", ramal, null)), Map.class);
        for (String ev : List.of("onInfoIntervaloRamal", "onChamada", "onDisca", "onAtendido", "onDesliga")) {
            c.on(ev, (Map<?, ?> ramal, Map<?, ?> body) -> events.add(new Pushed(ev, ramal, body)), Map.class, Map.class);
        }
        c.start().blockingAwait(10, TimeUnit.SECONDS);
        return c;
    }

    private static Pushed next(BlockingQueue<Pushed> q, String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Pushed p = q.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (p == null) throw new AssertionError("no " + event + " within 10 s");
            if (p.event().equals(event)) return p;
        }
    }

    @Test
    void microsoftJavaClientInvokesAndReceivesPushes() throws Exception {
        BlockingQueue<Pushed> events = new LinkedBlockingQueue<>();
        hub = connect(events);
        assertEquals(HubConnectionState.CONNECTED, hub.getConnectionState());
        hub.invoke("Iniciar", "1000", 3).blockingAwait(10, TimeUnit.SECONDS);
        Pushed logado = next(events, "onLogado");
        assertEquals(1000, logado.ramalNumber());

        hub.invoke("Discar", "11987654321", 1).blockingAwait(10, TimeUnit.SECONDS);
        Pushed chamada = next(events, "onDisca");
        assertEquals(1000, chamada.ramalNumber());
        assertEquals("11987654321", chamada.body().get("Telefone"));
        assertEquals(1, ((Number) chamada.body().get("Direcao")).intValue());
        Pushed atendido = next(events, "onAtendido");
        assertEquals(chamada.body().get("CanalId"), atendido.body().get("CanalId"));

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> hub.invoke("Consultar", "x", 2).blockingAwait(10, TimeUnit.SECONDS));
        Throwable cause = refused instanceof HubException ? refused : refused.getCause();
        assertTrue(cause instanceof HubException, String.valueOf(refused));
        assertEquals("Número inválido", cause.getMessage());

        EpbxSimulator.Invocation discar = sim.awaitRecorded("Discar", Duration.ofSeconds(5));
        assertEquals("core", discar.transport());
        assertEquals(1, discar.args().get(1).asInt());
        EpbxSimulator.Invocation consultar = sim.awaitRecorded("Consultar", Duration.ofSeconds(5));
        assertEquals("Número inválido", consultar.error());
    }

    @Test
    void inboundScenarioReachesACoreClient() throws Exception {
        BlockingQueue<Pushed> events = new LinkedBlockingQueue<>();
        hub = connect(events);
        hub.invoke("iniciar", "10.0.0.5", 2).blockingAwait(10, TimeUnit.SECONDS);
        next(events, "onLogado");
        sim.scenario("inbound", Map.of("telefone", "1133334444", "answerAfterMs", 50));
        Pushed chamada = next(events, "onChamada");
        assertEquals(2, ((Number) chamada.body().get("Direcao")).intValue(), "inbound");
        assertEquals("1133334444", chamada.body().get("Telefone"));
        next(events, "onAtendido");
        assertEquals(1, sim.connections().size());
        assertEquals("1000", sim.connections().get(0).ramal());
        assertEquals("core", sim.connections().get(0).transport());
    }

    @Test
    void rawFramesFollowTheJsonHubProtocol() throws Exception {
        var neg = EpbxTestHttp.post(sim.serviceBase() + "atendimentoHub/negotiate?negotiateVersion=1&access_token="
                + enc(token), "text/plain", "");
        assertEquals(200, neg.statusCode());
        var n = JSON.readTree(neg.body());
        assertEquals(1, n.get("negotiateVersion").asInt());
        assertEquals("WebSockets", n.get("availableTransports").get(0).get("transport").asText());
        String id = n.get("connectionToken").asText();
        BlockingQueue<String> records = new LinkedBlockingQueue<>();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(sim.serviceBase().replace("http", "ws")
                + "atendimentoHub?id=" + enc(id) + "&access_token=" + enc(token)), new WebSocket.Listener() {
            private final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                int rs;
                while ((rs = buf.indexOf("\u001e")) >= 0) {
                    records.add(buf.substring(0, rs));
                    buf.delete(0, rs + 1);
                }
                w.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("{\"protocol\":\"json\",\"version\":1}\u001e", true).get(5, TimeUnit.SECONDS);
            assertEquals("{}", records.poll(5, TimeUnit.SECONDS));
            ws.sendText("{\"type\":1,\"invocationId\":\"7\",\"target\":\"Desligar\",\"arguments\":[]}\u001e", true)
                    .get(5, TimeUnit.SECONDS);
            String completion = poll(records, r -> r.contains("\"type\":3"));
            assertEquals("{\"type\":3,\"invocationId\":\"7\",\"error\":\"Ramal não logado no Atendimento\"}", completion);
            ws.sendText("{\"type\":1,\"invocationId\":\"8\",\"target\":\"Iniciar\",\"arguments\":[\"1000\",3]}\u001e", true)
                    .get(5, TimeUnit.SECONDS);
            assertEquals("{\"type\":3,\"invocationId\":\"8\"}", poll(records, r -> r.contains("\"type\":3")));
            String push = poll(records, r -> r.contains("onLogado"));
            var p = JSON.readTree(push);
            assertEquals(1, p.get("type").asInt());
            assertTrue(!p.has("invocationId"));
            assertEquals(1000, p.get("arguments").get(0).get("Ramal").asInt());
            assertNotNull(poll(records, r -> r.equals("{\"type\":6}")), "server pings");
            sim.restart();
            assertNotNull(poll(records, r -> r.equals("{\"type\":7}")), "a restart closes with type 7");
        } finally {
            ws.abort();
        }
        assertEquals(404, EpbxTestHttp.get(sim.serviceBase() + "atendimentoHub?id=unknown&access_token="
                + enc(token)).statusCode());
    }

    private static String poll(BlockingQueue<String> q, java.util.function.Predicate<String> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String r = q.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) throw new AssertionError("no matching record");
            if (p.test(r)) return r;
        }
    }
}
