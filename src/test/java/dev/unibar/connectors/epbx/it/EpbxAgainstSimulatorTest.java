package dev.unibar.connectors.epbx.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EPBX connector against the EPBX simulator over real sockets, for both SignalR dialects: login,
 * every command with the arguments the hub receives, and what the resulting events make of the bar.
 */
@Timeout(60)
class EpbxAgainstSimulatorTest {

    // ---- login ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void loginWithEachLogonTypeSendsIniciarAndMakesTheBarReady(String transport) {
        String[][] logons = {{"12", "idPa", "1000"}, {"10.0.0.6", "ip", "1001"}, {"1002", "ramalVirtual", "1002"}};
        for (String[] l : logons) {
            try (SimRig rig = new SimRig(transport)) {
                rig.login(l[0], l[1]);
                EpbxSimulator.Invocation iniciar = rig.lastRecorded("Iniciar");
                assertTrue(iniciar.ok(), iniciar.toString());
                assertEquals(transport, iniciar.transport());
                JsonNode a = iniciar.args();
                assertEquals(2, a.size(), a.toString());
                if (l[1].equals("idPa")) {
                    assertTrue(a.get(0).isInt(), "an IdPa travels as a number: " + a);
                    assertEquals(12, a.get(0).asInt());
                } else {
                    assertTrue(a.get(0).isTextual(), "an IP or extension travels as a string: " + a);
                    assertEquals(l[0], a.get(0).asText());
                }
                int tipo = l[1].equals("idPa") ? 1 : l[1].equals("ip") ? 2 : 3;
                assertTrue(a.get(1).isInt(), a.toString());
                assertEquals(tipo, a.get(1).asInt());

                BarState s = rig.state();
                assertEquals(SessionPhase.READY, s.phase());
                assertEquals(ConnectionStatus.CONNECTED, s.connection());
                assertEquals(AgentState.READY, s.agentState());
                assertNotNull(s.agent());
                // onLogado carries only the RamalInfo: the login is the connector's own, no name is known.
                assertEquals(SimRig.USER, s.agent().login());
                assertEquals(l[2], s.agent().extension());
                assertEquals(l[2], s.device().id());
                // The wrap-up interval 9 is not a reason the agent may choose.
                assertEquals(List.of(new PauseReason("1", "Treinamento", true), new PauseReason("3", "Almoço", false),
                        new PauseReason("4", "Banheiro", false), new PauseReason("7", "Backoffice", true)),
                        s.pauseReasons());
                assertTrue(rig.problems().isEmpty(), rig.problems().toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void badPasswordShowsTheErrorAndKeepsTheLoginForm(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.await("credentials form", 5_000, s -> s.phase() == SessionPhase.CREDENTIALS);
            String msg = rig.failure(new Command.Login(SimRig.USER, "wrong", false, "12", "idPa"));
            assertEquals("The user name or password is incorrect.", msg);
            BarState s = rig.await("session.error", 5_000, st -> st.lastError() != null);
            assertEquals("The user name or password is incorrect.", s.lastError().message());
            assertEquals(SessionPhase.CREDENTIALS, s.phase());
            assertTrue(rig.recorded("Iniciar").isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void unknownDeviceBringsTheServersMessageToTheBar(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            String msg = rig.failure(new Command.Login(SimRig.USER, SimRig.PASSWORD, false, "99", "idPa"));
            assertEquals("Ramal não encontrado", msg);
            BarState s = rig.await("session.error", 5_000, st -> st.lastError() != null);
            assertEquals("Ramal não encontrado", s.lastError().message());
            assertEquals(SessionPhase.CREDENTIALS, s.phase());
            assertFalse(rig.lastRecorded("Iniciar").ok());
            // The failed login does not leave a live connection behind.
            rig.await("disconnected", 5_000, st -> st.connection() == ConnectionStatus.DISCONNECTED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aLoginTheHubRefusesByEventShowsTheMessageAndCanBeRetried(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.scenario("logado-erro", Map.of("message", "Ramal já logado em outra estação"));
            rig.ok(new Command.Login(SimRig.USER, SimRig.PASSWORD, false, "12", "idPa"));
            BarState s = rig.await("session.error", 5_000, st -> st.lastError() != null);
            assertEquals("Ramal já logado em outra estação", s.lastError().message());
            assertEquals(SessionPhase.CREDENTIALS, s.phase());
            rig.login("12", "idPa");
            assertNull(rig.state().lastError());
            assertEquals(2, rig.recorded("Iniciar").size());
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    // ---- commands ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void dialHoldResumeHangupReachTheHubAndDriveTheCall(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            rig.ok(new Command.Dial("11987654321"));
            assertArgs(rig, "Discar", "\"11987654321\"", "1");
            BarState s = rig.await("outbound call connected", 5_000, st -> st.activeCall()
                    .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
            CallView call = s.activeCall().orElseThrow();
            assertEquals(Direction.OUTBOUND, call.call().direction());
            assertEquals("11987654321", call.call().remoteNumber());
            String id = call.id();

            rig.ok(new Command.Hold(id));
            assertArgs(rig, "IniciarEspera");
            rig.await("held", 5_000, st -> st.calls().get(id) != null && st.calls().get(id).status() == CallStatus.HELD);
            rig.ok(new Command.Resume(id));
            assertArgs(rig, "TerminarEspera");
            rig.await("resumed", 5_000, st -> st.calls().get(id).status() == CallStatus.CONNECTED);
            rig.ok(new Command.Hangup(id));
            assertArgs(rig, "Desligar");
            s = rig.await("ended", 5_000, st -> st.calls().isEmpty() && st.recordings().containsKey(id));
            assertEquals(id, s.lastEnded().id());

            rig.ok(new Command.Dial("2001", null, true));
            assertArgs(rig, "Discar", "\"2001\"", "2");
            rig.await("internal call connected", 5_000, st -> st.activeCall()
                    .map(c -> c.status() == CallStatus.CONNECTED && "2001".equals(c.call().remoteNumber())).orElse(false));
            rig.ok(new Command.Hangup(null));
            rig.await("ended", 5_000, st -> st.calls().isEmpty());
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void consultThenCompleteTransfer(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = answeredInbound(rig);
            rig.ok(new Command.Consult(id, "2001", true));
            assertArgs(rig, "Consultar", "\"2001\"", "2");
            BarState s = rig.await("consult leg connected beside the held call", 5_000, st -> st.calls().size() == 2
                    && st.calls().get(id).status() == CallStatus.HELD
                    && st.callList().get(1).status() == CallStatus.CONNECTED);
            CallView leg = s.callList().get(1);
            assertEquals(Direction.OUTBOUND, leg.call().direction());
            assertEquals("2001", leg.call().remoteNumber());

            long mark = rig.mark();
            rig.ok(new Command.CompleteTransfer(id));
            assertArgs(rig, "Transferir");
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.transferred", "call.ended", "call.recording", "call.ended");
            assertEquals("2001", ((Event.CallTransferred) ev.get(0)).target());
            assertEquals("transfer", ((Event.CallEnded) ev.get(1)).cause());
            assertEquals(leg.id(), ((Event.CallEnded) ev.get(3)).callId());
            rig.await("no call left", 5_000, st -> st.calls().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void conferenceAddsTheParticipantStartsAndEnds(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = answeredInbound(rig);
            long mark = rig.mark();
            rig.ok(new Command.Conference(id, "2001", true));
            List<EpbxSimulator.Invocation> calls = rig.sim.recorded();
            int add = indexOf(calls, "ConferenciaAdicionar");
            int start = indexOf(calls, "ConferenciaIniciar");
            assertTrue(add >= 0 && start > add, "ConferenciaAdicionar then ConferenciaIniciar: " + calls);
            assertEquals("[\"2001\",2]", calls.get(add).args().toString());
            // Each participant leg is reported (onConferenciaDisca, onConferenciaAtendido) before the start.
            rig.awaitTypes(mark, 5_000, "call.participant", "call.participant", "call.conferenced");
            assertTrue(rig.state().calls().get(id).conference());

            mark = rig.mark();
            rig.ok(new Command.EndConference(id));
            assertArgs(rig, "ConferenciaTerminar");
            // The vendor's sample frees the extension on onConferenciaTermino: the conference ends the call.
            rig.awaitTypes(mark, 5_000, "call.participant", "call.ended", "notice", "call.recording");
            rig.await("line free", 5_000, st -> st.calls().isEmpty());
            // The simulator agrees that the line is free: a new call can be placed.
            rig.ok(new Command.Dial("11987654321"));
            rig.await("new call", 5_000, st -> st.calls().size() == 1);
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void conferenceErrorsBecomeErrorNotices(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = answeredInbound(rig);
            long mark = rig.mark();
            // No participant: the hub accepts ConferenciaIniciar and pushes onConferenciaErro.
            rig.ok(new Command.Conference(id, null, false));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "notice");
            Event.Notice n = (Event.Notice) ev.get(0);
            assertEquals(NoticeLevel.ERROR, n.level());
            assertEquals("Nenhum participante adicionado à conferência", n.message());

            rig.scenario("conference", Map.of("outcome", "error", "message", "Falha na ponte"));
            mark = rig.mark();
            rig.ok(new Command.Conference(id, "2001", true));
            ev = rig.awaitTypes(mark, 5_000, "notice");
            assertEquals("Falha na ponte", ((Event.Notice) ev.get(0)).message());
            assertEquals("Falha na ponte", rig.state().lastNotice().message());
            assertFalse(rig.state().calls().get(id).conference());
            assertEquals(CallStatus.CONNECTED, rig.state().calls().get(id).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void setStateAndLogout(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            rig.ok(new Command.SetState(AgentState.NOT_READY, "3"));
            assertArgs(rig, "AlterarIntervaloTipo", "3");
            BarState s = rig.await("paused", 5_000, st -> st.agentState() == AgentState.NOT_READY);
            assertEquals("Almoço", s.stateReason());
            assertEquals(Boolean.FALSE, s.stateProductive());

            rig.ok(new Command.SetState(AgentState.READY, null));
            assertArgs(rig, "AlterarIntervaloTipo", "0");
            s = rig.await("ready", 5_000, st -> st.agentState() == AgentState.READY);
            assertNull(s.stateReason());

            rig.ok(new Command.Logout());
            assertArgs(rig, "Terminar");
            s = rig.await("logged out", 5_000, st -> st.phase() == SessionPhase.CREDENTIALS);
            assertNull(s.agent());
            rig.await("disconnected", 5_000, st -> st.connection() == ConnectionStatus.DISCONNECTED);
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aRejectedInvocationFailsTheCommandWithTheServersMessage(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = answeredInbound(rig);
            rig.scenario("reject-method", Map.of("method", "IniciarEspera", "message", "Espera indisponível"));
            BarState before = rig.state();
            String msg = rig.failure(new Command.Hold(id));
            assertEquals("Espera indisponível", msg);
            BarState after = rig.await("error notice", 5_000, st -> st.lastNotice() != null
                    && "Espera indisponível".equals(st.lastNotice().message()));
            assertEquals(NoticeLevel.ERROR, after.lastNotice().level());
            assertEquals(before.calls(), after.calls());
            assertEquals(before.agentState(), after.agentState());
            assertEquals(CallStatus.CONNECTED, after.calls().get(id).status());
            assertFalse(rig.lastRecorded("IniciarEspera").ok());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** An inbound call the agent answered on the phone; returns its id. */
    static String answeredInbound(SimRig rig) {
        String canal = rig.scenario("inbound", Map.of("answerAfterMs", 50)).get("canalId").asText();
        rig.await("inbound connected", 5_000, st -> st.calls().get(canal) != null
                && st.calls().get(canal).status() == CallStatus.CONNECTED);
        return canal;
    }

    static int indexOf(List<EpbxSimulator.Invocation> calls, String method) {
        for (int i = 0; i < calls.size(); i++) if (calls.get(i).method().equals(method)) return i;
        return -1;
    }

    /** The last invocation of method succeeded with exactly these JSON arguments. */
    static void assertArgs(SimRig rig, String method, String... jsonArgs) {
        EpbxSimulator.Invocation i = rig.lastRecorded(method);
        assertEquals("[" + String.join(",", jsonArgs) + "]", i.args().toString(), method);
        assertTrue(i.ok(), i.toString());
    }

    static Call callOf(Event e) {
        if (e instanceof Event.CallRinging r) return r.call();
        if (e instanceof Event.CallDialing d) return d.call();
        if (e instanceof Event.CallConnected c) return c.call();
        return null;
    }
}
