package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Scenarios reach a connected client through the HTTP control API, the way the lead's tools use them. */
class EpbxScenariosTest {

    private EpbxSimulator sim;
    private ClassicTestClient client;

    @BeforeEach
    void start() throws Exception {
        sim = EpbxSimulator.builder().port(0).build().start();
        client = new ClassicTestClient(sim.serviceBase(), EpbxTestHttp.token(sim)).connect();
    }

    @AfterEach
    void stop() {
        client.close();
        sim.stop();
    }

    private void login() throws Exception {
        assertFalse(client.invoke("Iniciar", "1000", 3).has("E"));
        client.awaitPush("onLogado");
    }

    @Test
    void logadoErroAnswersTheNextIniciarWithAnEvent() throws Exception {
        EpbxTestHttp.scenario(sim, "logado-erro", "{\"message\":\"Ramal em uso\"}");
        assertFalse(client.invoke("Iniciar", "1000", 3).has("E"));
        JsonNode erro = client.awaitPush("onLogadoErro");
        assertEquals(1000, erro.get(0).get("Ramal").asInt());
        assertEquals("Ramal em uso", erro.get(1).get("Message").asText());
        assertEquals(null, sim.connections().get(0).ramal());
    }

    @Test
    void intervalScenarioForcesAndEndsAnInterval() throws Exception {
        login();
        EpbxTestHttp.scenario(sim, "interval", "{\"id\":3}");
        assertEquals("Almoço", client.awaitPush("onSetIntervaloRamal").get(1).get("Descricao").asText());
        assertEquals(1, client.awaitPush("onInicioIntervalo").size(), "only the RamalInfo");
        assertEquals("Ramal em intervalo não permite discar", client.invoke("Discar", "11987654321", 1).get("E").asText());
        EpbxTestHttp.scenario(sim, "interval", "{\"id\":0,\"ramal\":\"1000\"}");
        assertEquals(1000, client.awaitPush("onTerminoIntervalo").get(0).get("Ramal").asInt());
        assertEquals(0, client.awaitPush("onSetIntervaloRamal").get(1).get("RamalStatusDetalheId").asInt());
    }

    @Test
    void outboundBusyAndConsultNoAnswer() throws Exception {
        login();
        EpbxTestHttp.scenario(sim, "outbound", "{\"outcome\":\"busy\",\"busyMs\":20}");
        client.invoke("Discar", "11987654321", 1);
        String canal = client.awaitPush("onDisca").get(1).get("CanalId").asText();
        JsonNode status = client.awaitPush("onDiscaStatus");
        assertEquals(canal, status.get(1).get("CanalId").asText());
        assertEquals(0, status.get(2).get("StatusDiscagem").asInt(), "StatusDiscagemExterno.Ocupado");
        assertEquals(canal, client.awaitPush("onDesliga").get(1).get("CanalId").asText());

        EpbxTestHttp.scenario(sim, "outbound", "{\"outcome\":\"answer\",\"answerAfterMs\":20}");
        EpbxTestHttp.scenario(sim, "consult", "{\"outcome\":\"noanswer\"}");
        sim.behaviour().noAnswerMs = 20;
        client.invoke("Discar", "11987654321", 1);
        client.awaitPush("onDisca");
        client.awaitPush("onAtendido");
        client.invoke("Consultar", "2001", 2);
        client.awaitPush("onInicioEspera");
        JsonNode consultLeg = client.awaitPush("onConsultaChamada").get(1);
        assertEquals(-1, client.awaitPush("onDiscaStatus").get(2).get("StatusDiscagem").asInt());
        assertEquals("2001", consultLeg.get("Telefone").asText());
        assertEquals(consultLeg.get("CanalId").asText(), client.awaitPush("onDesliga").get(1).get("CanalId").asText());
        assertEquals("Nenhuma consulta em andamento", client.invoke("Transferir").get("E").asText());
    }

    @Test
    void conferenceErrorScenario() throws Exception {
        login();
        EpbxTestHttp.scenario(sim, "outbound", "{\"answerAfterMs\":10}");
        client.invoke("Discar", "11987654321", 1);
        client.awaitPush("onAtendido");
        EpbxTestHttp.scenario(sim, "conference", "{\"outcome\":\"error\",\"message\":\"Sala cheia\"}");
        client.invoke("ConferenciaAdicionar", "2001", 2);
        assertFalse(client.invoke("ConferenciaIniciar").has("E"));
        assertEquals("Sala cheia", client.awaitPush("onConferenciaErro").get(1).get("Message").asText());
    }

    @Test
    void recordingScenarioAnnouncesADownloadableGlobalId() throws Exception {
        login();
        sim.scenario("inbound", Map.of("answerAfterMs", 10));
        client.awaitPush("onAtendido");
        JsonNode out = EpbxTestHttp.scenario(sim, "recording", "{\"globalId\":\"REC-42\"}");
        assertEquals("REC-42", out.get("globalId").asText());
        assertEquals("REC-42", client.awaitPush("onChamadaGlobalId").get(2).asText());
        var r = EpbxTestHttp.get(sim.serviceBase() + "api/Ligacao/Download/REC-42?token_type=bearer&access_token="
                + enc(client.token));
        assertEquals(200, r.statusCode());

        EpbxTestHttp.scenario(sim, "recording", "{\"enabled\":false}");
        EpbxTestHttp.scenario(sim, "hangup", "{}");
        client.awaitPush("onDesliga");
        sim.scenario("inbound", Map.of("answerAfterMs", 10));
        client.awaitPush("onAtendido");
        client.invoke("Desligar");
        client.awaitPush("onDesliga");
        assertEquals(java.util.Set.of("REC-42"), java.util.Set.copyOf(sim.recordings),
                "with recording disabled, ended calls announce no GlobalId");
    }

    @Test
    void unansweredInboundIsMissed() throws Exception {
        login();
        EpbxTestHttp.scenario(sim, "inbound", "{\"answer\":false,\"ringMs\":20,\"telefone\":\"1130304050\"}");
        assertEquals(2, client.awaitPush("onChamada").get(1).get("Direcao").asInt());
        assertEquals("1130304050", client.awaitPush("onChamadaPerdida").get(1).get("Telefone").asText());
    }

    @Test
    void queueScenariosPutCallersInTheQueueAndTakeThemOut() throws Exception {
        login();
        String first = EpbxTestHttp.scenario(sim, "queue", "{\"telefone\":\"11911112222\"}").get("canalIds").get(0).asText();
        JsonNode entrou = client.awaitPush("onChamadaEntrouNaFila");
        assertEquals(first, entrou.get(1).get("CanalId").asText());
        assertEquals("11911112222", entrou.get(1).get("Telefone").asText());
        assertEquals(first, EpbxTestHttp.scenario(sim, "queue-abandon", "{}").get("canalId").asText());
        assertEquals(first, client.awaitPush("onChamadaSaiuDaFila").get(1).get("CanalId").asText());
    }
}
