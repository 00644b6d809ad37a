package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classic SignalR 2 end to end over a real WebSocket. */
class EpbxClassicProtocolTest {

    private EpbxSimulator sim;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sim = EpbxSimulator.builder().port(0).keepAlive(Duration.ofMillis(200)).build().start();
        token = EpbxTestHttp.token(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private static long cursor(String c) {
        return ClassicConnection.parseCursor(c);
    }

    @Test
    void negotiateConnectStartIniciarDiscar() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token)) {
            c.negotiate();
            c.open(false);
            JsonNode init = c.await(f -> f.has("S"));
            assertEquals(1, init.get("S").asInt());
            assertTrue(init.get("M").isArray() && init.get("M").isEmpty());
            assertEquals("started", c.start().get("Response").asText());

            JsonNode reply = c.invoke("Iniciar", "1000", 3);
            assertEquals("0", reply.get("I").asText(), "the reply carries the client's I as a string");
            assertFalse(reply.has("E"), reply.toString());
            JsonNode logadoFrame = c.await(f -> ClassicTestClient.hasPush(f, "onLogado"));
            JsonNode msg = logadoFrame.get("M").get(0);
            assertEquals("AtendimentoHub", msg.get("H").asText());
            assertEquals(1000, msg.get("A").get(0).get("Ramal").asInt(), "RamalInfo {\"Ramal\": 1000}");
            assertEquals(1, msg.get("A").size(), "onLogado carries only the RamalInfo");
            long afterLogado = cursor(logadoFrame.get("C").asText());
            JsonNode interval = c.awaitPush("onInfoIntervaloRamal");
            assertEquals(1, interval.get(1).get("RamalStatusDetalheId").asInt());

            JsonNode discar = c.invoke("discar", "11987654321", 1);
            assertEquals("1", discar.get("I").asText());
            assertFalse(discar.has("E"));
            JsonNode chamadaFrame = c.await(f -> ClassicTestClient.hasPush(f, "onDisca"));
            assertTrue(cursor(chamadaFrame.get("C").asText()) > afterLogado, "cursors increase");
            JsonNode chamada = chamadaFrame.get("M").get(0).get("A").get(1);
            assertEquals("11987654321", chamada.get("Telefone").asText());
            JsonNode atendido = c.awaitPush("onAtendido");
            assertEquals(chamada.get("CanalId"), atendido.get(1).get("CanalId"));
        }
        List<EpbxSimulator.Invocation> rec = sim.recorded();
        assertEquals(List.of("Iniciar", "Discar"), rec.stream().map(EpbxSimulator.Invocation::method).toList());
        assertEquals("discar", rec.get(1).wireMethod());
        assertEquals("classic", rec.get(1).transport());
        assertEquals("11987654321", rec.get(1).args().get(0).asText());
        assertTrue(rec.get(1).ok());
    }

    @Test
    void refusedInvocationRepliesWithEAndIsRecorded() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            c.invoke("Iniciar", "1000", 3);
            JsonNode reply = c.invoke("Desligar");
            assertEquals("1", reply.get("I").asText());
            assertEquals("Nenhuma chamada ativa", reply.get("E").asText());
            sim.scenario("reject-method", Map.of("method", "Discar", "message", "Troncos ocupados"));
            assertEquals("Troncos ocupados", c.invoke("Discar", "11987654321", 1).get("E").asText());
            JsonNode otherHub = c.invokeOn("SupervisaoHub", "Iniciar");
            assertEquals("'SupervisaoHub' Hub could not be resolved.", otherHub.get("E").asText());
        }
        EpbxSimulator.Invocation desligar = sim.awaitRecorded("desligar", Duration.ofSeconds(2));
        assertFalse(desligar.ok());
        assertEquals("Nenhuma chamada ativa", desligar.error());
    }

    @Test
    void hubNameIsCaseInsensitive() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            assertFalse(c.invokeOn("AtendimentoHub", "INICIAR", "1000", 3).has("E"));
            c.awaitPush("onLogado");
        }
    }

    @Test
    void keepAliveFramesAreEmptyObjects() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            JsonNode ka = c.await(f -> f.isObject() && f.isEmpty());
            assertEquals("{}", ka.toString());
        }
    }

    @Test
    void reconnectWithTheCursorReplaysWhatWasMissed() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            c.invoke("Iniciar", "1000", 3);
            c.awaitPush("onLogado");
            EpbxTestHttp.await("last interval push", Duration.ofSeconds(5), () -> {
                String cur = c.lastCursor;
                return cur != null && cursor(cur) == 6;
            });
            String before = c.lastCursor;
            sim.scenario("drop");
            assertTrue(c.closed.get(5, TimeUnit.SECONDS) != null);
            EpbxTestHttp.await("connection seen as closed", Duration.ofSeconds(5),
                    () -> sim.connections().stream().noneMatch(EpbxSimulator.ConnectionInfo::open));
            sim.scenario("inbound", Map.of("answerAfterMs", 60_000));
            c.forgetFrames();
            c.lastCursor = before;
            c.open(true);
            JsonNode replay = c.await(f -> ClassicTestClient.hasPush(f, "onChamada"));
            assertNull(replay.get("S"), "a reconnect gets no init frame");
            assertEquals(1, replay.get("M").size(), "only what came after the client's cursor");
            assertTrue(cursor(replay.get("C").asText()) > cursor(before));
            assertEquals(2, replay.get("M").get(0).get("A").get(1).get("Direcao").asInt(), "inbound");
            assertFalse(c.invoke("Desligar").has("E"), "the hub state survived the drop");
        }
    }

    @Test
    void restartForgetsTheConnectionSoTheClientMustNegotiateAgain() throws Exception {
        int port = sim.port();
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            c.invoke("Iniciar", "1000", 3);
            c.awaitPush("onLogado");
            sim.scenario("restart");
            assertEquals(port, sim.port());
            c.closed.get(5, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> c.open(true));
            assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
            assertEquals(404, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            assertEquals(404, EpbxTestHttp.get(sim.serviceBase() + "signalr/start?" + c.query()).statusCode());
        }
        assertTrue(sim.connections().isEmpty());
        // the access token outlives the restart; a fresh negotiation starts a fresh hub
        try (ClassicTestClient again = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            assertFalse(again.invoke("Iniciar", "1000", 3).has("E"));
            again.awaitPush("onLogado");
        }
    }

    @Test
    void restartOverHttpAnswersBeforeGoingDown() throws Exception {
        int port = sim.port();
        EpbxTestHttp.scenario(sim, "restart", "{}");
        EpbxTestHttp.await("restart", Duration.ofSeconds(10), () -> {
            try {
                return EpbxTestHttp.get(sim.controlUrl("scenarios")).statusCode() == 200 && sim.port() == port;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The race of finding 7, made likely: every restart asked over HTTP gets its 202 before the server goes. */
    @Test
    void everyRestartOverHttpIsAnsweredBeforeTheServerGoes() throws Exception {
        int port = sim.port();
        for (int i = 0; i < 15; i++) {
            assertEquals(202, EpbxTestHttp.post(sim.controlUrl("scenario/restart"), "application/json", "{}").statusCode());
            int done = i + 1;
            EpbxTestHttp.await("restart " + i, Duration.ofSeconds(10), () -> {
                try {
                    return sim.restarts() == done
                            && EpbxTestHttp.get(sim.controlUrl("scenarios")).statusCode() == 200 && sim.port() == port;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void aConnectionTokenBelongsToItsUser() throws Exception {
        EpbxSimulator two = EpbxSimulator.builder().port(0).user("maria", "m", "Maria Souza").build().start();
        try (ClassicTestClient c = new ClassicTestClient(two.serviceBase(), EpbxTestHttp.token(two))) {
            c.negotiate();
            String other = two.issueToken("maria");
            var r = EpbxTestHttp.get(two.serviceBase() + "signalr/start?transport=webSockets&connectionToken="
                    + enc(c.connectionToken) + "&access_token=" + enc(other));
            assertEquals(403, r.statusCode());
        } finally {
            two.stop();
        }
    }

    @Test
    void abortForgetsTheConnection() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            assertEquals(1, sim.connections().size());
            var r = EpbxTestHttp.post(sim.serviceBase() + "signalr/abort?" + c.query(), "text/plain", "");
            assertEquals(200, r.statusCode());
            assertTrue(sim.connections().isEmpty());
            c.closed.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void inboundAndDialerScenariosReachTheLoggedRamal() throws Exception {
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), token).connect()) {
            c.invoke("Iniciar", "12", 1);
            c.awaitPush("onLogado");
            JsonNode out = EpbxTestHttp.scenario(sim, "dialer", "{\"answerAfterMs\":50,\"nomeCliente\":\"Ana\"}");
            assertEquals("1000", out.get("ramal").asText());
            JsonNode chamada = c.awaitPush("onChamada").get(1);
            assertEquals(out.get("canalId").asText(), chamada.get("CanalId").asText());
            assertEquals("Ana", chamada.get("NomeCliente").asText());
            assertEquals("C-778", chamada.get("CodigoCliente").asText());
            c.awaitPush("onAtendido");
            c.invoke("Desligar");
            c.awaitPush("onDesliga");
            JsonNode gid = c.awaitPush("onChamadaGlobalId");
            assertTrue(sim.hasRecording(gid.get(2).asText()));
            JsonNode wrapUp = c.awaitPush("onSetIntervaloRamal").get(1);
            assertEquals(9, wrapUp.get("RamalStatusDetalheId").asInt());
            assertEquals(0, wrapUp.get("RamalStatusDestinoId").asInt());
            assertEquals(1, c.awaitPush("onInicioIntervalo").size(), "onInicioIntervalo carries only the RamalInfo");
        }
    }
}
