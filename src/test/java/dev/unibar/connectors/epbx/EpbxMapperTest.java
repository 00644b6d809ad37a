package dev.unibar.connectors.epbx;

import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import dev.unibar.connectors.MalformedCaptureException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpbxMapperTest {

    private static final String BASE = "http://127.0.0.1:9/Service/";
    private static final String CALL = "{\"CanalId\":\"SIP/1000-00000a1f\",\"Telefone\":\"11987654321\","
            + "\"TipoDiscagem\":1,\"RamalStatusDetalheId\":0,\"DataHora\":\"2026-11-21T10:00:00Z\"}";
    private static final String DIALER = "{\"CanalId\":\"SIP/1000-00000b01\",\"Telefone\":\"11987654321\","
            + "\"TipoDiscagem\":1,\"RamalStatusDetalheId\":0,\"DataHora\":\"2026-11-21T10:05:00Z\","
            + "\"CodigoCliente\":\"C-778\",\"NomeCliente\":\"João da Silva\",\"CodigoCampanha\":42,"
            + "\"TelefoneCliente\":\"11987654321\",\"InfoAdicional1\":\"CPF 123\",\"InfoAdicional2\":7,"
            + "\"InfoAdicional3\":null,\"Prioridade\":\"alta\"}";
    private static final String ALMOCO = "{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\",\"Produtivo\":false,"
            + "\"DataHoraInicio\":\"2026-11-21T10:00:00Z\"}";
    private static final String POS = "{\"RamalStatusDetalheId\":9,\"Descricao\":\"Pós-atendimento\","
            + "\"Produtivo\":true,\"DataHoraInicio\":\"2026-11-21T10:06:00Z\"}";

    private final EpbxMapper mapper = new EpbxMapper(BASE, null, null);

    private List<String> map(String line) throws MalformedCaptureException {
        List<String> out = new ArrayList<>();
        for (Event e : mapper.mapLine(line)) out.add(EventJson.line(e));
        return out;
    }

    private static String cb(String name, String args) {
        return "{\"callback\":\"" + name + "\",\"args\":[" + args + "]}";
    }

    @Test
    void onLogadoLogsInPairsTheExtensionAndIsReady() throws Exception {
        assertEquals(List.of(
                "{\"type\":\"agent.loggedIn\",\"vendor\":\"epbx\",\"agent\":{\"name\":\"Maria Souza\",\"login\":\"maria\",\"extension\":\"1000\"}}",
                "{\"type\":\"device.paired\",\"vendor\":\"epbx\",\"device\":{\"id\":\"1000\",\"name\":\"1000\"}}",
                "{\"type\":\"session.ready\",\"vendor\":\"epbx\"}",
                "{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"state\":\"READY\"}"),
                map(cb("onLogado", "\"1000\",{\"Ramal\":\"1000\",\"Usuario\":\"maria\",\"Nome\":\"Maria Souza\","
                        + "\"IdPa\":12,\"Ip\":\"10.0.0.5\",\"TipoLogon\":1}")));
    }

    @Test
    void onLogadoErroIsASessionError() throws Exception {
        assertEquals(List.of("{\"type\":\"session.error\",\"vendor\":\"epbx\",\"message\":\"Ramal não encontrado\"}"),
                map(cb("onLogadoErro", "\"1000\",\"Ramal não encontrado\"")));
    }

    @Test
    void onDeslogadoLogsOutTheKnownAgent() throws Exception {
        map(cb("onLogado", "\"1000\",{\"Ramal\":\"1000\",\"Usuario\":\"maria\",\"Nome\":\"Maria Souza\"}"));
        assertEquals(List.of("{\"type\":\"agent.loggedOut\",\"vendor\":\"epbx\",\"agent\":{\"name\":\"Maria Souza\","
                        + "\"login\":\"maria\",\"extension\":\"1000\"}}"),
                map(cb("onDeslogado", "\"1000\"")));
        assertEquals(List.of("{\"type\":\"agent.loggedOut\",\"vendor\":\"epbx\",\"agent\":{\"extension\":\"1001\"}}"),
                map(cb("onDeslogado", "1001")));
    }

    @Test
    void onInfoIntervaloRamalAccumulatesReasonsWithoutWrapUpOrReady() throws Exception {
        assertEquals(List.of("{\"type\":\"agent.pauseReasons\",\"vendor\":\"epbx\",\"reasons\":["
                        + "{\"id\":\"3\",\"label\":\"Almoço\",\"productive\":false}]}"),
                map(cb("onInfoIntervaloRamal", "\"1000\",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\",\"Produtivo\":false}")));
        map(cb("onInfoIntervaloRamal", "\"1000\",{\"RamalStatusDetalheId\":9,\"Descricao\":\"Pós-atendimento\",\"Produtivo\":true}"));
        map(cb("onInfoIntervaloRamal", "\"1000\",{\"RamalStatusDetalheId\":0,\"Descricao\":\"Disponível\",\"Produtivo\":true}"));
        assertEquals(List.of("{\"type\":\"agent.pauseReasons\",\"vendor\":\"epbx\",\"reasons\":["
                        + "{\"id\":\"3\",\"label\":\"Almoço\",\"productive\":false},"
                        + "{\"id\":\"5\",\"label\":\"Treinamento\",\"productive\":true}]}"),
                map(cb("onInfoIntervaloRamal", "\"1000\",{\"RamalStatusDetalheId\":\"5\",\"Descricao\":\"Treinamento\",\"Produtivo\":\"True\"}")));
        // Re-announced after a new login: no duplicates.
        map(cb("onLogado", "\"1000\",{\"Ramal\":\"1000\"}"));
        assertEquals(List.of("{\"type\":\"agent.pauseReasons\",\"vendor\":\"epbx\",\"reasons\":["
                        + "{\"id\":\"3\",\"label\":\"Almoço\",\"productive\":false}]}"),
                map(cb("onInfoIntervaloRamal", "\"1000\",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\",\"Produtivo\":false}")));
    }

    @Test
    void onInicioIntervaloIsNotReadyWithReason() throws Exception {
        assertEquals(List.of("{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"state\":\"NOT_READY\",\"reason\":\"Almoço\",\"productive\":false}"),
                map(cb("onInicioIntervalo", "\"1000\"," + ALMOCO)));
    }

    @Test
    void onTerminoIntervaloIsReady() throws Exception {
        map(cb("onInicioIntervalo", "\"1000\"," + ALMOCO));
        assertEquals(List.of("{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"state\":\"READY\"}"),
                map(cb("onTerminoIntervalo", "\"1000\"," + ALMOCO)));
    }

    @Test
    void wrapUpIntervalWrapsUpTheLastEndedCallAndLeavingItFinishesIt() throws Exception {
        map(cb("onChamada", "\"1000\"," + DIALER));
        map(cb("onDesliga", "\"1000\"," + DIALER));
        assertEquals(List.of(
                "{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:06:00Z\",\"state\":\"WRAP_UP\","
                        + "\"reason\":\"Pós-atendimento\",\"productive\":true}",
                "{\"type\":\"call.wrapUp\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:06:00Z\",\"callId\":\"SIP/1000-00000b01\"}"),
                map(cb("onInicioIntervalo", "\"1000\"," + POS)));
        assertEquals(List.of(
                "{\"type\":\"call.finished\",\"vendor\":\"epbx\",\"callId\":\"SIP/1000-00000b01\"}",
                "{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"state\":\"READY\"}"),
                map(cb("onTerminoIntervalo", "\"1000\"," + POS)));
    }

    @Test
    void configuredWrapUpIntervalWinsOverTheLabel() throws Exception {
        EpbxMapper m = new EpbxMapper(BASE, "7", null);
        assertEquals("NOT_READY", EventJson.toNode(m.mapLine(cb("onInicioIntervalo", "\"1000\"," + POS)).get(0))
                .get("state").asText());
        assertEquals("WRAP_UP", EventJson.toNode(m.mapLine(cb("onInicioIntervalo",
                "\"1000\",{\"RamalStatusDetalheId\":7,\"Descricao\":\"ACW\"}")).get(0)).get("state").asText());
    }

    @Test
    void onChamadaInboundRings() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ringing\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"call\":{\"id\":\"SIP/1000-00000a1f\",\"direction\":\"inbound\","
                        + "\"from\":{\"number\":\"11987654321\"},\"to\":{\"number\":\"1000\"}}}"),
                map(cb("onChamada", "\"1000\"," + CALL)));
    }

    @Test
    void onChamadaFromTheDialerRingsWithCampaignCustomerAndData() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ringing\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:05:00Z\","
                        + "\"callId\":\"SIP/1000-00000b01\",\"call\":{\"id\":\"SIP/1000-00000b01\",\"direction\":\"inbound\","
                        + "\"from\":{\"number\":\"11987654321\",\"name\":\"João da Silva\"},\"to\":{\"number\":\"1000\"},"
                        + "\"campaign\":{\"id\":\"42\"},"
                        + "\"customer\":{\"name\":\"João da Silva\",\"number\":\"11987654321\",\"externalId\":\"C-778\"},"
                        + "\"data\":{\"InfoAdicional1\":\"CPF 123\",\"InfoAdicional2\":\"7\",\"Prioridade\":\"alta\"},"
                        + "\"manual\":false}}"),
                map(cb("onChamada", "\"1000\"," + DIALER)));
    }

    @Test
    void onChamadaForANumberTheConnectorDialedIsDialing() throws Exception {
        mapper.expectOutbound("(11) 98765-4321", false);
        assertEquals(List.of("{\"type\":\"call.dialing\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"call\":{\"id\":\"SIP/1000-00000a1f\",\"direction\":\"outbound\","
                        + "\"from\":{\"number\":\"1000\"},\"to\":{\"number\":\"11987654321\"},\"manual\":true}}"),
                map(cb("onChamada", "\"1000\"," + CALL)));
        // The expectation is consumed: the same number calling in later rings.
        assertTrue(map(cb("onChamada", "\"1000\"," + CALL.replace("0a1f", "0a20"))).get(0).contains("call.ringing"));
    }

    @Test
    void sentidoSaidaMarksAnOutboundCallTheConnectorDidNotDial() throws Exception {
        String out = map(cb("onChamada", "\"1000\"," + CALL.replace("}", ",\"Sentido\":\"Saida\"}"))).get(0);
        assertTrue(out.startsWith("{\"type\":\"call.dialing\""), out);
    }

    @Test
    void onAtendidoConnectsWithTheKnownSnapshot() throws Exception {
        map(cb("onChamada", "\"1000\"," + CALL));
        assertEquals(List.of("{\"type\":\"call.connected\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"call\":{\"id\":\"SIP/1000-00000a1f\",\"direction\":\"inbound\","
                        + "\"from\":{\"number\":\"11987654321\"},\"to\":{\"number\":\"1000\"}}}"),
                map(cb("onAtendido", "\"1000\"," + CALL)));
    }

    @Test
    void onDesligaEndsTheCall() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ended\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\"}"),
                map(cb("onDesliga", "\"1000\"," + CALL)));
    }

    @Test
    void onChamadaPerdidaEndsTheCallAsMissed() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ended\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"cause\":\"missed\"}"),
                map(cb("onChamadaPerdida", "\"1000\"," + CALL)));
    }

    @Test
    void onChamadaTransferidaTransfersAndEnds() throws Exception {
        String c = CALL.replace("}", ",\"Destino\":\"2001\"}");
        assertEquals(List.of(
                "{\"type\":\"call.transferred\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"target\":\"2001\"}",
                "{\"type\":\"call.ended\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"cause\":\"transfer\"}"),
                map(cb("onChamadaTransferida", "\"1000\"," + c)));
    }

    @Test
    void onChamadaGlobalIdOffersTheRecordingWithoutAToken() throws Exception {
        assertEquals(List.of("{\"type\":\"call.recording\",\"vendor\":\"epbx\",\"callId\":\"SIP/1000-00000a1f\","
                        + "\"url\":\"http://127.0.0.1:9/Service/api/Ligacao/Download/G-20261121-0001\"}"),
                map(cb("onChamadaGlobalId", "\"1000\"," + CALL + ",\"G-20261121-0001\"")));
        assertEquals("G-20261121-0001", mapper.globalIdOf("SIP/1000-00000a1f"));
        assertEquals("{\"type\":\"call.recording\",\"vendor\":\"epbx\",\"callId\":\"SIP/1000-00000a1f\","
                        + "\"url\":\"api/Ligacao/Download/77\"}",
                EventJson.line(new EpbxMapper().mapLine(cb("onChamadaGlobalId", "\"1000\"," + CALL + ",77")).get(0)));
    }

    @Test
    void holdAndResume() throws Exception {
        assertEquals(List.of("{\"type\":\"call.held\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                + "\"callId\":\"SIP/1000-00000a1f\"}"), map(cb("onInicioEspera", "\"1000\"," + CALL)));
        assertEquals(List.of("{\"type\":\"call.resumed\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                + "\"callId\":\"SIP/1000-00000a1f\"}"), map(cb("onTerminoEspera", "\"1000\"," + CALL)));
    }

    @Test
    void consultLegDialsConnectsAndDoesNotBecomeTheWrapUpCall() throws Exception {
        map(cb("onChamada", "\"1000\"," + CALL));
        map(cb("onAtendido", "\"1000\"," + CALL));
        mapper.expectOutbound("2001", true);
        String leg = "{\"CanalId\":\"SIP/1000-00000a30\",\"Telefone\":\"2001\",\"TipoDiscagem\":2}";
        assertTrue(map(cb("onChamada", "\"1000\"," + leg)).get(0).startsWith("{\"type\":\"call.dialing\""));
        assertEquals(List.of("{\"type\":\"call.connected\",\"vendor\":\"epbx\",\"callId\":\"SIP/1000-00000a30\","
                        + "\"call\":{\"id\":\"SIP/1000-00000a30\",\"direction\":\"outbound\",\"from\":{\"number\":\"1000\"},"
                        + "\"to\":{\"number\":\"2001\"},\"manual\":true}}"),
                map(cb("onConsultaAtendido", "\"1000\"," + leg)));
        map(cb("onDesliga", "\"1000\"," + CALL));
        map(cb("onDesliga", "\"1000\"," + leg));
        assertEquals("{\"type\":\"call.wrapUp\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:06:00Z\","
                + "\"callId\":\"SIP/1000-00000a1f\"}", map(cb("onInicioIntervalo", "\"1000\"," + POS)).get(1));
    }

    @Test
    void onConferenciaInicioConferences() throws Exception {
        assertEquals(List.of("{\"type\":\"call.conferenced\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                + "\"callId\":\"SIP/1000-00000a1f\"}"), map(cb("onConferenciaInicio", "\"1000\"," + CALL)));
    }

    @Test
    void onConferenciaTerminoEndsTheConferenceCall() throws Exception {
        assertEquals(List.of(
                "{\"type\":\"call.ended\",\"vendor\":\"epbx\",\"at\":\"2026-11-21T10:00:00Z\","
                        + "\"callId\":\"SIP/1000-00000a1f\",\"cause\":\"conference\"}",
                "{\"type\":\"notice\",\"vendor\":\"epbx\",\"level\":\"info\",\"message\":\"Conference ended\"}"),
                map(cb("onConferenciaTermino", "\"1000\"," + CALL)));
    }

    @Test
    void onConferenciaErroIsAnErrorNotice() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"epbx\",\"level\":\"error\","
                        + "\"message\":\"Nenhum participante adicionado\"}"),
                map(cb("onConferenciaErro", "\"1000\",\"Nenhum participante adicionado\"")));
    }

    @Test
    void unknownCallbackIsUnmapped() throws Exception {
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"epbx\",\"name\":\"onFilaStatus\"}"),
                map(cb("onFilaStatus", "\"1000\",{\"Fila\":3}")));
    }

    @Test
    void callbackNamesAreCaseInsensitive() throws Exception {
        assertTrue(map(cb("onchamada", "\"1000\"," + CALL)).get(0).startsWith("{\"type\":\"call.ringing\""));
        String camel = "{\"canalId\":\"SIP/1\",\"telefone\":\"555\",\"codigoCampanha\":\"9\"}";
        String line = map(cb("onChamada", "\"1000\"," + camel)).get(0);
        assertTrue(line.contains("\"campaign\":{\"id\":\"9\"}") && line.contains("\"callId\":\"SIP/1\""), line);
    }

    @Test
    void malformedShapesSayWhy() {
        assertEquals("no callback name", reason("{\"args\":[]}"));
        assertEquals("args is not an array", reason("{\"callback\":\"onChamada\",\"args\":{}}"));
        assertEquals("onChamada: chamada is not an object", reason(cb("onChamada", "\"1000\",\"x\"")));
        assertEquals("onChamada: chamada has no CanalId", reason(cb("onChamada", "\"1000\",{\"Telefone\":\"1\"}")));
        assertEquals("onDesliga: no ramal argument", reason(cb("onDesliga", "")));
        assertEquals("onInicioIntervalo: interval has no RamalStatusDetalheId",
                reason(cb("onInicioIntervalo", "\"1000\",{\"Descricao\":\"x\"}")));
        assertEquals("onChamadaGlobalId: no globalId", reason(cb("onChamadaGlobalId", "\"1000\"," + CALL)));
        assertEquals("onLogadoErro: no mensagem", reason(cb("onLogadoErro", "\"1000\"")));
        assertTrue(reason("[1]").startsWith("not a JSON object"));
        assertTrue(reason("{oops").startsWith("not JSON"));
    }

    private String reason(String line) {
        return assertThrows(MalformedCaptureException.class, () -> mapper.mapLine(line)).getMessage();
    }

    @Test
    void dialerCaptureTranslatesToTheExpectedEvents() throws Exception {
        EpbxMapper m = new EpbxMapper("http://epbx.example/Service/", null, null);
        List<String> out = new ArrayList<>();
        for (String line : resource("dialer-call.jsonl")) {
            if (line.isBlank()) continue;
            for (Event e : m.mapLine(line)) out.add(EventJson.line(e));
        }
        List<String> expected = new ArrayList<>();
        // The golden file is what translate gives, which knows no service base: recordings are relative to it.
        for (String line : resource("dialer-call.expected.jsonl")) {
            if (!line.isBlank()) expected.add(line.replace("\"url\":\"api/", "\"url\":\"http://epbx.example/Service/api/"));
        }
        assertEquals(expected, out);
        assertNull(m.globalIdOf("nope"));
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = EpbxMapperTest.class.getResourceAsStream("/captures/epbx/" + name)) {
            if (in == null) throw new IOException("missing " + name);
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }
}
