package dev.unibar.connectors.epbx;

import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EPBX mapper across a session, with the hub's own shapes (docs/vendors/epbx-protocol.md): who logged in,
 * what a log-out forgets, dial outcomes, Direcao in words, the supervision model, follow-me numbers and the
 * .NET exception forms. The golden captures hold whole sessions; these hold the cases they do not.
 */
class EpbxMapperSessionTest {

    private static final String R = "{\"Ramal\":1000}";

    private static String cb(String name, String args) {
        return "{\"callback\":\"" + name + "\",\"args\":[" + args + "]}";
    }

    private static List<String> lines(EpbxMapper m, String... captures) throws MalformedCaptureException {
        List<String> out = new ArrayList<>();
        for (String c : captures) for (Event e : m.mapLine(c)) out.add(EventJson.line(e));
        return out;
    }

    @Test
    void theAgentIsWhoLoggedInUnlessTheMiddlewareNamesSomeoneElse() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.loggedInAs("maria");
        List<Event> in = m.mapLine(cb("onLogado", R));
        Event.AgentLoggedIn a = (Event.AgentLoggedIn) in.get(0);
        assertEquals("maria", a.agent().login());
        assertEquals("1000", a.agent().extension());
        assertEquals(List.of("agent.loggedIn", "device.paired", "session.ready", "agent.state"),
                in.stream().map(Event::type).toList());
        assertEquals("1000", m.currentRamal());

        EpbxMapper named = new EpbxMapper();
        named.loggedInAs("maria");
        Event.AgentLoggedIn b = (Event.AgentLoggedIn) named.mapLine(cb("onLogado", R + ",{\"Usuario\":\"joao\",\"Nome\":\"João\"}")).get(0);
        assertEquals("joao", b.agent().login());
        assertEquals("João", b.agent().name());

        EpbxMapper blank = new EpbxMapper();
        blank.loggedInAs("  ");
        assertNull(((Event.AgentLoggedIn) blank.mapLine(cb("onLogado", R)).get(0)).agent().login());
    }

    @Test
    void aLogOutForgetsTheCallsTheQueueAndThePauseReasons() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.loggedInAs("maria");
        lines(m, cb("onLogado", R), cb("onChamada", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}"),
                cb("onChamadaEntrouNaFila", R + ",{\"CanalId\":\"Q1\",\"Telefone\":\"222\"}"),
                cb("onInfoIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}"));
        assertEquals(List.of("C1"), m.openCallIds());
        assertEquals("C1", m.currentCallId());
        Event.AgentLoggedOut out = (Event.AgentLoggedOut) m.mapLine(cb("onDeslogado", R)).get(0);
        assertEquals("maria", out.agent().login(), "the agent who logged in logs out");
        assertTrue(m.openCallIds().isEmpty());
        assertNull(m.currentCallId());
        assertEquals(List.of(), m.reconcile(null), "nothing left to end or to take off the queue");
        Event.PauseReasons reasons = (Event.PauseReasons) m.mapLine(
                cb("onInfoIntervaloRamal", R + ",{\"RamalStatusDetalheId\":4,\"Descricao\":\"Treino\"}")).get(0);
        assertEquals(List.of("Treino"), reasons.reasons().stream().map(r -> r.label()).toList(), "the old reasons went");

        Event.AgentLoggedOut unknown = (Event.AgentLoggedOut) new EpbxMapper().mapLine(cb("onDeslogado", "{\"Ramal\":1001}")).get(0);
        assertEquals("1001", unknown.agent().extension(), "without a log-in seen, the extension is all there is");
    }

    @Test
    void everyDialOutcomeHasItsCauseByNumberOrName() throws Exception {
        String[][] outcomes = {{"-1", "no_answer"}, {"\"NaoAtende\"", "no_answer"}, {"0", "busy"}, {"\"Ocupado\"", "busy"},
                {"1", "congestion"}, {"\"Congestionamento\"", "congestion"}, {"2", "service"}, {"\"Servico\"", "service"},
                {"3", "extension_hangup"}, {"\"RamalDesligou\"", "extension_hangup"}, {"7", "unknown"}, {"null", "unknown"}};
        for (String[] o : outcomes) {
            EpbxMapper m = new EpbxMapper();
            List<String> out = lines(m, cb("onDisca", R + ",{\"CanalId\":\"D1\",\"Telefone\":\"1188\"}"),
                    cb("onDiscaStatus", R + ",{\"CanalId\":\"D1\"},{\"StatusDiscagem\":" + o[0] + "}"));
            assertTrue(out.get(out.size() - 1).contains("\"callId\":\"D1\",\"cause\":\"" + o[1] + "\""), o[0] + ": " + out);
        }
        Event.Notice none = (Event.Notice) new EpbxMapper().mapLine(cb("onDiscaStatus", R + ",{\"StatusDiscagem\":0}")).get(0);
        assertEquals("epbx.dialFailed", none.key(), "an outcome for no known call is told, not lost");
        assertEquals(List.of("busy"), none.args());
    }

    @Test
    void direcaoInWordsFromEitherReading() throws Exception {
        String[][] cases = {{"\"Entrante\"", "inbound"}, {"\"Receptiva\"", "inbound"}, {"\"Sainte\"", "outbound"},
                {"\"Ativa\"", "outbound"}, {"5", "outbound"}, {"2", "inbound"}, {"\" 2 \"", "inbound"}};
        for (String[] c : cases) {
            String line = lines(new EpbxMapper(), cb("onChamada", R + ",{\"CanalId\":\"C\",\"Telefone\":\"1\",\"Direcao\":" + c[0] + "}")).get(0);
            assertTrue(line.contains("\"direction\":\"" + c[1] + "\""), c[0] + ": " + line);
        }
    }

    @Test
    void theSupervisionModelGivesThisExtensionsWaitingCount() throws Exception {
        EpbxMapper m = new EpbxMapper();
        lines(m, cb("onLogado", R));
        assertEquals(List.of("{\"type\":\"queue.waiting\",\"vendor\":\"epbx\",\"count\":4}"),
                lines(m, "{\"callback\":\"onModelChanged\",\"args\":[\"RamalEvento\",{\"RamalNumero\":\"1000\",\"quantidadeFila\":4}]}"));
        assertEquals(List.of(), lines(m, "{\"callback\":\"onModelChanged\",\"args\":[\"ramalevento\",{\"RamalNumero\":\"1001\",\"QuantidadeFila\":9}]}"),
                "another extension's count is not this agent's");
        assertEquals(List.of(), lines(m, "{\"callback\":\"onModelChanged\",\"args\":[\"RamalEvento\",{\"RamalNumero\":\"1000\"}]}"));
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"epbx\",\"name\":\"onModelChanged:FilaEvento\"}"),
                lines(m, "{\"callback\":\"onModelChanged\",\"args\":[\"FilaEvento\",{\"X\":1}]}"));
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"epbx\",\"name\":\"onModelChanged:RamalEvento\"}"),
                lines(m, "{\"callback\":\"onModelChanged\",\"args\":[\"RamalEvento\"]}"), "no model object");
        assertEquals("onModelChanged: no model name", assertThrows(MalformedCaptureException.class,
                () -> m.mapLine("{\"callback\":\"onModelChanged\",\"args\":[]}")).getMessage());
    }

    @Test
    void followMeConfirmationsCarryTheNumbersSent() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.followMeNumbers(List.of("11999", "11888"));
        assertEquals(List.of("{\"type\":\"agent.followMe\",\"vendor\":\"epbx\",\"active\":true,\"numbers\":[\"11999\",\"11888\"]}"),
                lines(m, cb("onNumerosSigaMeMultiplo", "")), "no RamalInfo needed");
        m.followMeNumbers(null);
        assertEquals(List.of("{\"type\":\"agent.followMe\",\"vendor\":\"epbx\",\"active\":true}"),
                lines(m, cb("onNumerosSigaMeMultiplo", R)));
    }

    @Test
    void anIntervalStartedWithItsInfoIsThatInterval() throws Exception {
        EpbxMapper m = new EpbxMapper();
        lines(m, cb("onLogado", R), cb("onInfoIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\",\"Produtivo\":false}"));
        List<String> withInfo = lines(m, cb("onInicioIntervalo", R + ",{\"RamalStatusDetalheId\":3}"));
        assertEquals(List.of("{\"type\":\"agent.state\",\"vendor\":\"epbx\",\"state\":\"NOT_READY\",\"reason\":\"Almoço\",\"productive\":false}"),
                withInfo);
        EpbxMapper bare = new EpbxMapper();
        lines(bare, cb("onLogado", R));
        List<String> unnamed = lines(bare, cb("onInicioIntervalo", R));
        assertEquals(1, unnamed.size(), unnamed.toString());
        assertTrue(unnamed.get(0).contains("\"state\":\"NOT_READY\""), "an unnamed interval is still a pause: " + unnamed);
    }

    @Test
    void aKnownLogInErrorIsKeyedWithTheMiddlewaresWordsAsDetail() throws Exception {
        Event.SessionError e = (Event.SessionError) new EpbxMapper().mapLine(
                cb("onLogadoErro", R + ",{\"ClassName\":\"System.Exception\",\"Message\":\"Ramal já está logado\"}")).get(0);
        assertEquals("vendor.extensionInUse", e.key());
        assertEquals("Ramal já está logado", e.message(), "the CONTRACT's message stays the vendor's");
        assertEquals("Ramal já está logado", dev.unibar.core.model.Notices.detail(e));
    }

    @Test
    void exceptionsInEveryFormTheClientsSend() throws Exception {
        assertEquals("Ramal inválido", ((Event.SessionError) new EpbxMapper().mapLine(
                cb("onLogadoErro", R + ",{\"ClassName\":\"System.Exception\",\"Message\":\"Ramal inválido\"}")).get(0)).message());
        assertEquals("System.TimeoutException", ((Event.Notice) new EpbxMapper().mapLine(
                cb("onConexaoErro", R + ",{\"ClassName\":\"System.TimeoutException\"}")).get(0)).message(), "no Message: the class");
        assertEquals("sem rede", ((Event.Notice) new EpbxMapper().mapLine(cb("onConexaoErro", R + ",\"sem rede\"")).get(0)).message());
        assertEquals("depois", ((Event.Notice) new EpbxMapper().mapLine(
                cb("onConferenciaErro", R + ",\"  \",{\"CanalId\":\"C\",\"Message\":\"não é\"},\"depois\"")).get(0)).message(),
                "blank text and a call object are not the exception");
    }

    @Test
    void onlyTheLastFiftyRecordingsAreRemembered() throws Exception {
        EpbxMapper m = new EpbxMapper();
        for (int i = 0; i <= 50; i++) m.mapLine(cb("onChamadaGlobalId", R + ",{\"CanalId\":\"C" + i + "\"},\"G" + i + "\""));
        assertNull(m.globalIdOf("C0"));
        assertEquals("G1", m.globalIdOf("C1"));
        assertEquals("G50", m.globalIdOf("C50"));
        m.mapLine(cb("onChamadaGlobalId", R + ",{\"CanalId\":\"C1\"},\"G1b\""));
        m.mapLine(cb("onChamadaGlobalId", R + ",{\"CanalId\":\"C51\"},\"G51\""));
        assertEquals("G1b", m.globalIdOf("C1"), "a call seen again is the newest, not the next to go");
        assertNull(m.globalIdOf("C2"));
    }

    @Test
    void aTransferNamesTheNumberTheConnectorTransferredTo() throws Exception {
        EpbxMapper m = new EpbxMapper();
        lines(m, cb("onAtendido", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}"));
        m.transferringTo("2001");
        List<String> out = lines(m, cb("onChamadaTransferida", R + ",{\"CanalId\":\"C1\"}"));
        assertTrue(out.get(0).contains("\"type\":\"call.transferred\"") && out.get(0).contains("\"target\":\"2001\""), out.toString());
    }

    @Test
    void afterARestartIntervalsAreAnnouncedAgain() throws Exception {
        EpbxMapper m = new EpbxMapper();
        lines(m, cb("onLogado", R), cb("onInfoIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}"),
                cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3}"));
        assertEquals(List.of(), lines(m, cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3}")), "no change, no event");
        m.sessionRestarted();
        List<String> again = lines(m, cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}"));
        assertEquals(1, again.size(), again.toString());
        assertTrue(again.get(0).contains("\"reason\":\"Almoço\""), again.toString());
    }

    @Test
    void theVendorIdIsEpbx() {
        assertEquals("epbx", new EpbxMapper().vendor());
    }
}
