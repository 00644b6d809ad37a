package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub state machine without sockets: every method, its events in order, and every refusal. */
class AtendimentoHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Push(String event, ArrayNode args) {
        JsonNode call() {
            return args.get(1);
        }
    }

    private final List<Push> pushes = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private final Set<String> recordings = new HashSet<>();
    private SimBehaviour behaviour;
    private AtendimentoHub hub;

    @BeforeEach
    void setUp() {
        behaviour = new SimBehaviour();
        hub = newHub(0);
    }

    private AtendimentoHub newHub(int initialInterval) {
        return new AtendimentoHub("agent", "Agente Simulado", EpbxSimulator.DEFAULT_DEVICES,
                EpbxSimulator.DEFAULT_INTERVALS, initialInterval, behaviour,
                (e, a) -> pushes.add(new Push(e, a)), (ms, r) -> later.add(r), recordings::add,
                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    }

    private static ArrayNode args(Object... a) {
        ArrayNode n = JSON.createArrayNode();
        for (Object o : a) {
            if (o instanceof Integer i) n.add(i);
            else n.add(String.valueOf(o));
        }
        return n;
    }

    private void call(String method, Object... a) {
        hub.invoke(method, args(a));
    }

    private String refused(String method, Object... a) {
        return assertThrows(HubError.class, () -> hub.invoke(method, args(a))).getMessage();
    }

    /** Runs the far end's pending reactions (answer, busy, ring out). */
    private void runLater() {
        List<Runnable> now = new ArrayList<>(later);
        later.clear();
        now.forEach(Runnable::run);
    }

    private List<String> events() {
        return pushes.stream().map(Push::event).toList();
    }

    private Push last(String event) {
        for (int i = pushes.size() - 1; i >= 0; i--) if (pushes.get(i).event().equals(event)) return pushes.get(i);
        throw new AssertionError("no " + event + " in " + events());
    }

    /** The RamalInfo every event starts with: {"Ramal": 1000}, a number, not a string. */
    private static void assertRamalInfo(JsonNode ramalInfo) {
        assertTrue(ramalInfo.isObject(), () -> "RamalInfo is an object: " + ramalInfo);
        assertTrue(ramalInfo.get("Ramal").isInt(), () -> "Ramal is an int: " + ramalInfo);
        assertEquals(1000, ramalInfo.get("Ramal").asInt());
    }

    /** A .NET Exception as Newtonsoft writes it; the vendor's page reads its Message. */
    private static void assertException(JsonNode ex, String message) {
        assertEquals("System.Exception", ex.get("ClassName").asText());
        assertEquals(message, ex.get("Message").asText());
    }

    private void login() {
        call("Iniciar", "1000", 3);
        pushes.clear();
    }

    private void answeredOutboundCall() {
        login();
        call("Discar", "11987654321", 1);
        runLater();
        assertTrue(hub.mainAnswered());
        pushes.clear();
    }

    @Test
    void iniciarByRamalPushesLogadoThenEveryIntervalInOrder() {
        call("Iniciar", "1000", 3);
        assertEquals(List.of("onLogado", "onInfoIntervaloRamal", "onInfoIntervaloRamal", "onInfoIntervaloRamal",
                "onInfoIntervaloRamal", "onInfoIntervaloRamal"), events());
        // RamalInfo is an object with an int (ModelsAndEnums.cs), and onLogado carries nothing else.
        Push logado = pushes.get(0);
        assertEquals(1, logado.args().size());
        assertRamalInfo(logado.args().get(0));
        for (Push p : pushes) assertRamalInfo(p.args().get(0));
        JsonNode almoco = pushes.get(2).args().get(1);
        assertEquals(3, almoco.get("RamalStatusDetalheId").asInt());
        assertEquals(0, almoco.get("RamalStatusDestinoId").asInt());
        assertEquals("Almoço", almoco.get("Descricao").asText());
        assertFalse(almoco.get("Produtivo").asBoolean());
        assertEquals("Pós-atendimento", pushes.get(5).args().get(1).get("Descricao").asText());
        assertTrue(hub.loggedIn());
        assertEquals("1000", hub.ramal());
    }

    @Test
    void iniciarFindsTheDeviceByIdPaAsNumberOrStringAndByIp() {
        hub.invoke("Iniciar", JSON.createArrayNode().add(13).add(1));
        assertEquals("1001", hub.ramal());
        AtendimentoHub byString = newHub(0);
        byString.invoke("iniciar", args("14", 1));
        assertEquals("1002", byString.ramal());
        AtendimentoHub byIp = newHub(0);
        byIp.invoke("INICIAR", args("10.0.0.20", 2));
        assertEquals("2001", byIp.ramal());
    }

    @Test
    void iniciarRefusals() {
        assertEquals(HubTexts.ERR_UNKNOWN_DEVICE, refused("Iniciar", "9999", 3));
        assertEquals(HubTexts.ERR_UNKNOWN_DEVICE, refused("Iniciar", "10.9.9.9", 2));
        assertEquals(HubTexts.ERR_TIPO_LOGON, refused("Iniciar", "1000", 7));
        assertEquals("Parâmetros inválidos para Iniciar", refused("Iniciar", "1000"));
        assertFalse(hub.loggedIn());
        assertTrue(pushes.isEmpty());
        call("Iniciar", "1000", 3);
        assertEquals(HubTexts.ERR_ALREADY_LOGGED, refused("Iniciar", "1000", 3));
    }

    @Test
    void initialIntervalIsAnnouncedAfterTheIntervalList() {
        hub = newHub(3);
        call("Iniciar", "1000", 3);
        Push inicio = pushes.get(pushes.size() - 1);
        assertEquals("onInicioIntervalo", inicio.event());
        assertEquals(1, inicio.args().size(), "onInicioIntervalo carries only the RamalInfo");
        Push set = pushes.get(pushes.size() - 2);
        assertEquals("onSetIntervaloRamal", set.event());
        assertEquals(3, set.call().get("RamalStatusDetalheId").asInt());
        assertEquals(0, set.call().get("RamalStatusDestinoId").asInt());
    }

    @Test
    void logadoErroScenarioAnswersIniciarWithOnLogadoErroOnce() {
        behaviour.logadoErroNext("Ramal em uso");
        call("Iniciar", "1000", 3);
        assertEquals(List.of("onLogadoErro"), events());
        assertRamalInfo(pushes.get(0).args().get(0));
        assertException(pushes.get(0).args().get(1), "Ramal em uso");
        assertFalse(hub.loggedIn());
        pushes.clear();
        call("Iniciar", "1000", 3);
        assertEquals("onLogado", pushes.get(0).event());
    }

    @Test
    void everyMethodNeedsALoggedRamal() {
        for (String m : List.of("Terminar", "Desligar", "IniciarEspera", "Transferir", "ConferenciaIniciar",
                "ConferenciaTerminar", "ConferenciaCancelar")) {
            assertEquals(HubTexts.ERR_NOT_LOGGED, refused(m), m);
        }
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("Discar", "11987654321", 1));
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("Consultar", "2001", 2));
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("ConferenciaAdicionar", "2001", 2));
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("AlterarIntervaloTipo", 3));
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("TerminarEspera"));
        assertTrue(pushes.isEmpty());
    }

    @Test
    void unknownMethodIsRefusedLikeSignalRDoes() {
        assertEquals("'Atender' method could not be resolved.", refused("Atender"));
    }

    @Test
    void terminarLogsOffAndIsRefusedDuringACall() {
        login();
        call("Discar", "11987654321", 1);
        assertEquals(HubTexts.ERR_LOGOFF_IN_CALL, refused("Terminar"));
        call("Desligar");
        pushes.clear();
        call("Terminar");
        assertEquals(List.of("onDeslogado"), events());
        assertFalse(hub.loggedIn());
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("Discar", "11987654321", 1));
    }

    @Test
    void discarPushesOnDiscaThenOnAtendidoWithGlobalIdWhenTheFarEndAnswers() {
        login();
        call("Discar", "11987654321", 1);
        assertEquals(List.of("onDisca"), events());
        JsonNode c = pushes.get(0).call();
        assertTrue(c.get("CanalId").asText().startsWith("SIP/1000-"));
        assertEquals("11987654321", c.get("Telefone").asText());
        assertEquals(1, c.get("TipoDiscagem").asInt());
        assertEquals(0, c.get("RamalStatusDetalheId").asInt());
        assertEquals(1, c.get("Direcao").asInt(), "outbound in the JS sample's reading (2 = inbound)");
        assertFalse(c.has("Sentido"));
        assertFalse(c.has("GlobalId"));
        assertFalse(c.has("CodigoCliente"));
        assertFalse(hub.mainAnswered());
        runLater();
        assertEquals(List.of("onDisca", "onAtendido"), events());
        JsonNode atendido = pushes.get(1).call();
        assertEquals(c.get("CanalId"), atendido.get("CanalId"));
        assertFalse(atendido.get("GlobalId").asText().isBlank(), "GlobalId on onAtendido (integracaomanager README)");
        assertTrue(hub.mainAnswered());
    }

    @Test
    void discarRefusals() {
        login();
        assertEquals(HubTexts.ERR_NUMERO, refused("Discar", "", 1));
        assertEquals(HubTexts.ERR_NUMERO, refused("Discar", "abc", 1));
        assertEquals(HubTexts.ERR_TIPO_DISCAGEM, refused("Discar", "11987654321", 3));
        assertEquals(HubTexts.ERR_TIPO_DISCAGEM, refused("Discar", "11987654321"));
        call("AlterarIntervaloTipo", 4);
        assertEquals(HubTexts.ERR_INTERVAL_NO_DIAL, refused("Discar", "11987654321", 1));
        call("AlterarIntervaloTipo", 7);
        call("Discar", "2001", 2);
        assertEquals(HubTexts.ERR_BUSY, refused("Discar", "11987654321", 1));
    }

    @Test
    void busyAndNoAnswerEndTheCallWithoutRecording() {
        login();
        behaviour.outboundOutcome = SimBehaviour.Outcome.BUSY;
        call("Discar", "11987654321", 1);
        runLater();
        assertEquals(List.of("onDisca", "onDiscaStatus", "onDesliga"), events());
        JsonNode resultado = pushes.get(1).args().get(2);
        assertEquals(0, resultado.get("StatusDiscagem").asInt(), "StatusDiscagemExterno.Ocupado");
        assertEquals(pushes.get(0).call().get("CanalId"), pushes.get(1).call().get("CanalId"));
        assertNull(hub.mainCanalId());
        pushes.clear();
        behaviour.outboundOutcome = SimBehaviour.Outcome.NOANSWER;
        call("Discar", "11987654321", 1);
        runLater();
        assertEquals(List.of("onDisca", "onDiscaStatus", "onDesliga"), events());
        assertEquals(-1, pushes.get(1).args().get(2).get("StatusDiscagem").asInt(), "StatusDiscagemExterno.NaoAtende");
        assertTrue(recordings.isEmpty());
    }

    @Test
    void aFarEndAnswerAfterTheAgentHungUpIsIgnored() {
        login();
        call("Discar", "11987654321", 1);
        call("Desligar");
        runLater();
        assertEquals(List.of("onDisca", "onDesliga"), events());
    }

    @Test
    void desligarEndsTheCallAndAnnouncesItsRecording() {
        answeredOutboundCall();
        String canal = hub.mainCanalId();
        call("Desligar");
        assertEquals(List.of("onDesliga", "onChamadaGlobalId"), events());
        assertEquals(canal, pushes.get(0).call().get("CanalId").asText());
        Push gid = pushes.get(1);
        assertEquals(canal, gid.call().get("CanalId").asText());
        String globalId = gid.args().get(2).asText();
        assertTrue(recordings.contains(globalId));
        assertNull(hub.mainCanalId());
        assertEquals(HubTexts.ERR_NO_CALL, refused("Desligar"));
    }

    @Test
    void recordingCanBeSwitchedOff() {
        behaviour.recordCalls = false;
        answeredOutboundCall();
        call("Desligar");
        assertEquals(List.of("onDesliga"), events());
    }

    @Test
    void holdAndResume() {
        login();
        call("Discar", "11987654321", 1);
        assertEquals(HubTexts.ERR_NO_CALL, refused("IniciarEspera"));
        runLater();
        pushes.clear();
        assertEquals(HubTexts.ERR_NOT_HELD, refused("TerminarEspera"));
        call("IniciarEspera");
        assertTrue(hub.mainHeld());
        assertEquals(HubTexts.ERR_ALREADY_HELD, refused("IniciarEspera"));
        call("TerminarEspera");
        assertFalse(hub.mainHeld());
        assertEquals(List.of("onInicioEspera", "onTerminoEspera"), events());
    }

    @Test
    void consultHoldsTheCallOpensALegAndTransferEndsBoth() {
        answeredOutboundCall();
        String main = hub.mainCanalId();
        call("Consultar", "2001", 2);
        assertEquals(List.of("onInicioEspera", "onConsultaChamada"), events());
        assertEquals(1, pushes.get(0).args().size(), "onInicioEspera carries only the RamalInfo");
        String consultLeg = pushes.get(1).call().get("CanalId").asText();
        assertNotEquals(main, consultLeg);
        assertEquals(2, pushes.get(1).call().get("TipoDiscagem").asInt());
        assertEquals(HubTexts.ERR_CONSULT_NOT_ANSWERED, refused("Transferir"));
        assertEquals(HubTexts.ERR_CONSULT_EXISTS, refused("Consultar", "2002", 2));
        assertEquals(HubTexts.ERR_CONSULT_OPEN, refused("TerminarEspera"));
        runLater();
        assertEquals("onConsultaAtendido", last("onConsultaAtendido").event());
        assertEquals(consultLeg, last("onConsultaAtendido").call().get("CanalId").asText());
        pushes.clear();
        call("Transferir");
        assertEquals(List.of("onChamadaTransferida", "onDesliga", "onChamadaGlobalId", "onDesliga"), events());
        assertEquals(main, pushes.get(0).call().get("CanalId").asText());
        assertEquals("11987654321", pushes.get(0).call().get("Telefone").asText());
        assertEquals(main, pushes.get(1).call().get("CanalId").asText());
        assertEquals(consultLeg, pushes.get(3).call().get("CanalId").asText());
        assertNull(hub.mainCanalId());
        assertNull(hub.consultCanalId());
    }

    @Test
    void desligarDuringAConsultHangsUpTheConsultLegAndTheCallStaysHeld() {
        answeredOutboundCall();
        call("Consultar", "2001", 2);
        runLater();
        pushes.clear();
        call("Desligar");
        assertEquals(List.of("onDesliga"), events());
        assertNull(hub.consultCanalId());
        assertTrue(hub.mainHeld());
        call("TerminarEspera");
        assertEquals("onTerminoEspera", last("onTerminoEspera").event());
    }

    @Test
    void consultTargetBusyEndsTheConsultLegOnly() {
        behaviour.consultOutcome = SimBehaviour.Outcome.BUSY;
        answeredOutboundCall();
        call("Consultar", "2001", 2);
        runLater();
        assertEquals(List.of("onInicioEspera", "onConsultaChamada", "onDiscaStatus", "onDesliga"), events());
        assertEquals(0, pushes.get(2).args().get(2).get("StatusDiscagem").asInt());
        assertNull(hub.consultCanalId());
        assertNotNull(hub.mainCanalId());
        assertEquals(HubTexts.ERR_NO_CONSULT, refused("Transferir"));
    }

    @Test
    void consultAndConferenceNeedAnAnsweredCall() {
        login();
        assertEquals(HubTexts.ERR_NO_CALL, refused("Consultar", "2001", 2));
        assertEquals(HubTexts.ERR_NO_CALL, refused("ConferenciaAdicionar", "2001", 2));
        assertEquals(HubTexts.ERR_NO_CALL, refused("ConferenciaIniciar"));
        assertEquals(HubTexts.ERR_NO_CONF, refused("ConferenciaTerminar"));
        assertEquals(HubTexts.ERR_NO_CONF, refused("ConferenciaCancelar"));
        assertEquals(HubTexts.ERR_NO_CONSULT, refused("Transferir"));
    }

    @Test
    void conferenceWithoutParticipantsReportsOnConferenciaErro() {
        answeredOutboundCall();
        call("ConferenciaIniciar");
        assertEquals(List.of("onConferenciaErro"), events());
        assertException(pushes.get(0).args().get(1), HubTexts.ERR_NO_PARTICIPANT);
        assertFalse(hub.conferenceActive());
    }

    @Test
    void conferenceStartsAndEnds() {
        answeredOutboundCall();
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaAdicionar", "11955554444", 1);
        assertEquals(2, hub.participantCount());
        assertTrue(pushes.isEmpty());
        call("ConferenciaIniciar");
        // Each participant is dialed when the conference starts, and each leg is reported.
        assertEquals(List.of("onConferenciaDisca", "onConferenciaAtendido", "onConferenciaDisca",
                "onConferenciaAtendido", "onConferenciaInicio"), events());
        assertEquals("2001", pushes.get(0).call().get("Telefone").asText());
        assertEquals("11955554444", pushes.get(3).call().get("Telefone").asText());
        assertTrue(hub.conferenceActive());
        assertEquals(HubTexts.ERR_CONF_STARTED, refused("ConferenciaIniciar"));
        pushes.clear();
        call("ConferenciaTerminar");
        // Ending the conference releases the call (the vendor's sample frees the extension there).
        assertEquals(List.of("onConferenciaChamadaEncerrada", "onConferenciaChamadaEncerrada",
                "onConferenciaTermino", "onDesliga", "onChamadaGlobalId"), events());
        assertFalse(hub.conferenceActive());
        assertEquals(0, hub.participantCount());
        assertNull(hub.mainCanalId());
    }

    @Test
    void conferenceCancelDropsParticipantsBeforeStart() {
        answeredOutboundCall();
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaCancelar");
        assertEquals(List.of(), events(), "nobody was dialed yet, so no leg ends");
        assertEquals(0, hub.participantCount());
        assertEquals(HubTexts.ERR_NO_CONF, refused("ConferenciaCancelar"));
    }

    @Test
    void conferenceScenarioErrorIsReportedOnce() {
        behaviour.conferenceError = "Falha ao iniciar a conferência";
        answeredOutboundCall();
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaIniciar");
        assertEquals(List.of("onConferenciaErro"), events());
        assertException(pushes.get(0).args().get(1), "Falha ao iniciar a conferência");
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaIniciar");
        assertEquals("onConferenciaInicio", last("onConferenciaInicio").event());
    }

    @Test
    void hangingUpDuringAConferenceEndsTheConferenceFirst() {
        answeredOutboundCall();
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaIniciar");
        pushes.clear();
        call("Desligar");
        assertEquals(List.of("onConferenciaTermino", "onDesliga", "onChamadaGlobalId"), events());
    }

    @Test
    void alterarIntervaloEndsTheCurrentOneThenStartsTheNew() {
        login();
        call("AlterarIntervaloTipo", 3);
        // The current interval travels on onSetIntervaloRamal; onInicioIntervalo carries only the RamalInfo.
        assertEquals(List.of("onSetIntervaloRamal", "onInicioIntervalo"), events());
        JsonNode almoco = pushes.get(0).call();
        assertEquals(3, almoco.get("RamalStatusDetalheId").asInt());
        assertEquals(0, almoco.get("RamalStatusDestinoId").asInt());
        assertEquals("Almoço", almoco.get("Descricao").asText());
        assertFalse(almoco.get("Produtivo").asBoolean());
        pushes.clear();
        call("AlterarIntervaloTipo", "1");
        assertEquals(List.of("onTerminoIntervalo", "onSetIntervaloRamal", "onInicioIntervalo"), events());
        assertEquals(1, pushes.get(1).call().get("RamalStatusDetalheId").asInt());
        pushes.clear();
        call("AlterarIntervaloTipo", 1);
        assertTrue(pushes.isEmpty(), "same interval again changes nothing");
        call("AlterarIntervaloTipo", 0);
        assertEquals(List.of("onTerminoIntervalo", "onSetIntervaloRamal"), events());
        assertEquals(0, pushes.get(1).call().get("RamalStatusDetalheId").asInt());
        assertEquals(0, hub.intervalId());
        pushes.clear();
        call("AlterarIntervaloTipo", 42);
        assertEquals(List.of("onAlterarIntervaloTipoErro"), events());
        assertException(pushes.get(0).args().get(1), HubTexts.ERR_UNKNOWN_INTERVAL);
        assertEquals(0, hub.intervalId());
        assertEquals("Parâmetros inválidos para AlterarIntervaloTipo", refused("AlterarIntervaloTipo", "x"));
    }

    @Test
    void inboundCallIsAnsweredOnThePhone() {
        login();
        String canal = hub.offerCall("11912345678", null, true, 1000, 3000);
        assertEquals(List.of("onChamada"), events());
        JsonNode c = pushes.get(0).call();
        assertEquals(canal, c.get("CanalId").asText());
        assertEquals(2, c.get("Direcao").asInt(), "Direcao 2 = inbound (integracaomanager README)");
        assertEquals("11912345678", c.get("Telefone").asText());
        runLater();
        assertEquals(List.of("onChamada", "onAtendido"), events());
        assertThrows(IllegalStateException.class, () -> hub.offerCall("11900000000", null, true, 1, 1));
    }

    @Test
    void unansweredInboundCallIsMissed() {
        login();
        hub.offerCall("11912345678", null, false, 0, 3000);
        runLater();
        assertEquals(List.of("onChamada", "onChamadaPerdida"), events());
        assertNull(hub.mainCanalId());
    }

    @Test
    void dialerCallCarriesCustomerFieldsAndEndsInWrapUp() {
        login();
        ObjectNode d = JSON.createObjectNode();
        d.put("CodigoCliente", "C-778");
        d.put("NomeCliente", "João da Silva");
        d.put("CodigoCampanha", "42");
        d.put("TelefoneCliente", "11987654321");
        d.put("InfoAdicional1", "Plano Ouro");
        hub.offerCall("11987654321", d, true, 500, 3000);
        JsonNode c = pushes.get(0).call();
        assertEquals("C-778", c.get("CodigoCliente").asText());
        assertEquals("João da Silva", c.get("NomeCliente").asText());
        assertEquals("42", c.get("CodigoCampanha").asText());
        assertEquals("Plano Ouro", c.get("InfoAdicional1").asText());
        runLater();
        pushes.clear();
        call("Desligar");
        assertEquals(List.of("onDesliga", "onChamadaGlobalId", "onSetIntervaloRamal", "onInicioIntervalo"), events());
        JsonNode wrap = pushes.get(2).call();
        assertEquals(9, wrap.get("RamalStatusDetalheId").asInt());
        assertEquals("Pós-atendimento", wrap.get("Descricao").asText());
        assertTrue(wrap.get("Produtivo").asBoolean());
        assertEquals(9, hub.intervalId());
        pushes.clear();
        call("AlterarIntervaloTipo", 0);
        assertEquals(List.of("onTerminoIntervalo", "onSetIntervaloRamal"), events());
    }

    @Test
    void dialerCallEndLeavesTheCurrentIntervalBeforeWrapUp() {
        login();
        call("AlterarIntervaloTipo", 7);
        hub.offerCall("11987654321", JSON.createObjectNode().put("CodigoCliente", "C-1"), true, 0, 0);
        runLater();
        pushes.clear();
        call("Desligar");
        assertEquals(List.of("onDesliga", "onChamadaGlobalId", "onTerminoIntervalo", "onSetIntervaloRamal",
                "onInicioIntervalo"), events());
        assertEquals(9, pushes.get(3).call().get("RamalStatusDetalheId").asInt());
        assertEquals(9, hub.intervalId());
    }

    @Test
    void remoteHangupForcedIntervalAndAnnouncedRecording() {
        answeredOutboundCall();
        hub.remoteHangup();
        assertEquals(List.of("onDesliga", "onChamadaGlobalId"), events());
        pushes.clear();
        String gid = hub.announceRecording("G-1");
        assertEquals("G-1", gid);
        assertTrue(recordings.contains("G-1"));
        assertEquals("onChamadaGlobalId", pushes.get(0).event());
        hub.forceInterval(4);
        assertEquals("onInicioIntervalo", last("onInicioIntervalo").event());
        assertThrows(IllegalStateException.class, () -> hub.forceInterval(99));
        assertThrows(IllegalStateException.class, hub::remoteHangup);
    }

    @Test
    void rejectNextFailsOneInvocationWithTheGivenMessage() {
        login();
        behaviour.rejectNext("discar", "Troncos ocupados");
        assertEquals("Troncos ocupados", refused("Discar", "11987654321", 1));
        assertTrue(pushes.isEmpty());
        call("Discar", "11987654321", 1);
        assertEquals(List.of("onDisca"), events());
    }

    @Test
    void aClosedHubPushesNothingMore() {
        login();
        call("Discar", "11987654321", 1);
        pushes.clear();
        hub.close();
        runLater();
        assertTrue(pushes.isEmpty());
    }

    @Test
    void canalIdsAreUniquePerLeg() {
        login();
        call("Discar", "11987654321", 1);
        runLater();
        call("Consultar", "2001", 2);
        call("Desligar");
        call("Desligar");
        call("Discar", "11987654321", 1);
        List<String> ids = pushes.stream().filter(p -> p.event().equals("onDisca") || p.event().equals("onConsultaChamada"))
                .map(p -> p.call().get("CanalId").asText()).toList();
        assertEquals(3, ids.size());
        assertEquals(3, new HashSet<>(ids).size());
    }

    // ---- the methods beyond the seed: IAtendimentoClient.cs and the vendor's JS sample ----

    @Test
    void transferirWithANumberIsBlindAndWithoutOneCompletesAConsultation() {
        answeredOutboundCall();
        String main = hub.mainCanalId();
        assertEquals(HubTexts.ERR_TIPO_DISCAGEM, refused("Transferir", "2001", 5));
        call("Transferir", "2001", 2);
        assertEquals(List.of("onChamadaTransferida", "onDesliga", "onChamadaGlobalId"), events());
        assertEquals(main, pushes.get(0).call().get("CanalId").asText());
        assertNull(hub.mainCanalId());
        assertEquals(HubTexts.ERR_NO_CALL, refused("Transferir", "2001", 2));
    }

    @Test
    void liberarConsultaHangsUpTheLegAndResumesTheHeldCall() {
        answeredOutboundCall();
        assertEquals(HubTexts.ERR_NO_CONSULT, refused("LiberarConsulta"));
        call("Consultar", "2001", 2);
        String leg = hub.consultCanalId();
        pushes.clear();
        call("LiberarConsulta");
        assertEquals(List.of("onDesliga", "onTerminoEspera"), events());
        assertEquals(leg, pushes.get(0).call().get("CanalId").asText());
        assertNull(hub.consultCanalId());
        assertFalse(hub.mainHeld());
        assertNotNull(hub.mainCanalId());
    }

    @Test
    void desligarChamadaEndsTheNamedLeg() {
        answeredOutboundCall();
        String main = hub.mainCanalId();
        call("Consultar", "2001", 2);
        runLater();
        String leg = hub.consultCanalId();
        pushes.clear();
        assertEquals(HubTexts.ERR_NO_SUCH_CALL, refused("DesligarChamada", "SIP/9999-0"));
        call("DesligarChamada", main);
        // The held customer leaves; the consultation becomes the agent's only call.
        assertEquals(main, pushes.get(0).call().get("CanalId").asText());
        assertEquals("onDesliga", pushes.get(0).event());
        assertEquals(leg, hub.mainCanalId());
        assertNull(hub.consultCanalId());
    }

    @Test
    void aWaitingCallIsTakenFromTheQueueOrLeavesOnItsOwn() {
        login();
        String first = hub.enqueue("11911112222");
        String second = hub.enqueue("11933334444");
        assertEquals(List.of("onChamadaEntrouNaFila", "onChamadaEntrouNaFila"), events());
        assertEquals("11911112222", pushes.get(0).call().get("Telefone").asText());
        assertEquals(List.of(first, second), hub.queuedCanalIds());
        pushes.clear();
        assertEquals(HubTexts.ERR_NOT_IN_QUEUE, refused("AtendeChamadaNaFila", "SIP/nobody"));
        call("AtendeChamadaNaFila", second);
        assertEquals(List.of("onChamadaSaiuDaFila", "onChamada", "onAtendido"), events());
        assertEquals(second, pushes.get(1).call().get("CanalId").asText());
        assertEquals(2, pushes.get(1).call().get("Direcao").asInt());
        assertEquals(second, hub.mainCanalId());
        assertTrue(hub.mainAnswered());
        assertEquals(HubTexts.ERR_BUSY, refused("AtendeChamadaNaFila", first));
        pushes.clear();
        assertEquals(first, hub.abandonQueue());
        assertEquals(List.of("onChamadaSaiuDaFila"), events());
        assertTrue(hub.queuedCanalIds().isEmpty());
    }

    @Test
    void followMeForwardsInboundCallsUntilCancelled() {
        login();
        call("SigaMe", "11955556666", 1);
        assertEquals(List.of("11955556666"), hub.followMe());
        assertNull(hub.offerCall("11912345678", null, true, 0, 0), "forwarded: the extension sees nothing");
        assertTrue(pushes.isEmpty());
        hub.invoke("SigaMeMultiplo", JSON.createArrayNode().add(JSON.createArrayNode().add("11955556666").add("2001")));
        assertEquals(List.of("onNumerosSigaMeMultiplo"), events());
        assertEquals(List.of("11955556666", "2001"), hub.followMe());
        assertEquals(HubTexts.ERR_NUMERO, refused("SigaMe", "x", 1));
        call("CancelaSigaMe");
        assertTrue(hub.followMe().isEmpty());
        assertNotNull(hub.offerCall("11912345678", null, true, 0, 0));
    }

    @Test
    void capturaDirigidaPicksUpARingingCallOnlyWhenThereIsOne() {
        login();
        assertEquals(HubTexts.ERR_NOTHING_TO_PICK, refused("CapturaDirigida"));
        behaviour.pickupAvailable("11977778888");
        call("CapturaDirigida", "1001");
        assertEquals(List.of("onChamada", "onAtendido"), events());
        assertEquals("11977778888", pushes.get(0).call().get("Telefone").asText());
        assertTrue(hub.mainAnswered());
    }

    @Test
    void dialErrorIsReportedWithTheCallAndAnException() {
        login();
        behaviour.dialErrorNext("Tronco indisponível");
        call("Discar", "11987654321", 1);
        assertEquals(List.of("onDisca", "onDiscaErro"), events());
        Push erro = pushes.get(1);
        assertEquals(pushes.get(0).call().get("CanalId"), erro.call().get("CanalId"));
        assertException(erro.args().get(2), "Tronco indisponível");
        assertNull(hub.mainCanalId());
    }

    @Test
    void anIntervalAskedForDuringACallWaitsForItsEnd() {
        answeredOutboundCall();
        call("AlterarIntervaloTipo", 3);
        assertEquals(List.of("onSetIntervaloRamal"), events());
        assertEquals(1, pushes.get(0).call().get("RamalStatusDestinoId").asInt(), "pending (WPF sample)");
        assertEquals(0, hub.intervalId());
        pushes.clear();
        call("Desligar");
        assertEquals(List.of("onDesliga", "onChamadaGlobalId", "onSetIntervaloRamal", "onInicioIntervalo"), events());
        assertEquals(0, pushes.get(2).call().get("RamalStatusDestinoId").asInt());
        assertEquals(3, hub.intervalId());
    }

    @Test
    void conferenceParticipantsCanBeRemovedAndTheAgentCanLeave() {
        behaviour.busyNumber("11900000000");
        answeredOutboundCall();
        call("ConferenciaAdicionar", "2001", 2);
        call("ConferenciaAdicionar", "11900000000", 1);
        call("ConferenciaIniciar");
        assertEquals(List.of("onConferenciaDisca", "onConferenciaAtendido", "onConferenciaDisca",
                "onConferenciaDiscaErro", "onConferenciaInicio"), events());
        assertException(pushes.get(3).args().get(1), "Número ocupado");
        assertEquals(1, hub.participantCount());
        pushes.clear();
        assertEquals(HubTexts.ERR_NOT_PARTICIPANT, refused("ConferenciaRemover", "11900000000"));
        call("ConferenciaRemover", "2001");
        assertEquals(List.of("onConferenciaChamadaEncerrada"), events());
        call("ConferenciaAdicionar", "2002", 2);
        pushes.clear();
        call("ConferenciaSair");
        assertEquals(List.of("onConferenciaTermino", "onDesliga"), events());
        assertNull(hub.mainCanalId());
        assertFalse(hub.conferenceActive());
    }

    @Test
    void voiceMailTransferEndsTheCallWithoutARecording() {
        answeredOutboundCall();
        call("TransfereVoiceMail");
        assertEquals(List.of("onChamadaTransferida", "onDesliga"), events());
        assertNull(hub.mainCanalId());
    }

    @Test
    void unavailabilityAndConnectionErrorCarryTheVendorShapes() {
        login();
        hub.unavailable(true);
        hub.unavailable(false);
        assertEquals(List.of("onInicioNaoDisponivel", "onTerminoNaoDisponivel"), events());
        pushes.clear();
        hub.connectionError("Conexão com o PABX perdida");
        assertEquals(List.of("onConexaoErro"), events());
        assertRamalInfo(pushes.get(0).args().get(0));
        assertException(pushes.get(0).args().get(1), "Conexão com o PABX perdida");
        assertEquals(HubTexts.ERR_NOT_LOGGED, refused("Discar", "11987654321", 1));
    }
}
