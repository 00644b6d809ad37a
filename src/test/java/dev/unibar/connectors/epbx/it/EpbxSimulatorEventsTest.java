package dev.unibar.connectors.epbx.it;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hub event the simulator's scenarios produce, as the bar receives it over each SignalR dialect:
 * the normalized events in order, the bar state they leave, and no unmapped or malformed entry.
 */
@Timeout(60)
class EpbxSimulatorEventsTest {

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void inboundAnsweredThenHungUp(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            long mark = rig.mark();
            String id = rig.scenario("inbound", Map.of("telefone", "1133334444", "answerAfterMs", 50))
                    .get("canalId").asText();
            // onAtendido carries the GlobalId (integracaomanager README): the recording is known at once.
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.ringing", "call.connected", "call.recording");
            Call c = ((Event.CallRinging) ev.get(0)).call();
            assertEquals(id, c.id());
            assertEquals(id, ((Event.CallRecording) ev.get(2)).callId());
            assertEquals(Direction.INBOUND, c.direction());
            assertEquals("1133334444", c.from().number());
            assertEquals("1000", c.to().number());
            rig.await("connected", 5_000, s -> s.calls().get(id).status() == CallStatus.CONNECTED);

            mark = rig.mark();
            rig.ok(new Command.Hangup(id));
            ev = rig.awaitTypes(mark, 5_000, "call.ended", "call.recording");
            assertNull(((Event.CallEnded) ev.get(0)).cause());
            BarState s = rig.await("ended", 5_000, st -> st.calls().isEmpty());
            assertTrue(s.recordings().get(id).startsWith(rig.sim.serviceBase() + "api/Ligacao/Download/"),
                    s.recordings().toString());
            assertEquals(AgentState.READY, s.agentState());
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void inboundNotAnsweredIsMissed(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            long mark = rig.mark();
            rig.scenario("inbound", Map.of("answer", false, "ringMs", 100));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.ringing", "call.ended");
            assertEquals("missed", ((Event.CallEnded) ev.get(1)).cause());
            rig.await("no call", 5_000, s -> s.calls().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void dialerCallCarriesCustomerCampaignAndDataThenWrapsUp(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            long mark = rig.mark();
            String id = rig.scenario("dialer", Map.of("answerAfterMs", 50, "infoAdicional4", "CPF 123"))
                    .get("canalId").asText();
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.ringing", "call.connected", "call.recording");
            Call c = ((Event.CallRinging) ev.get(0)).call();
            // A dialer call is a "chamada ativa" (Direcao 1): outbound, though the PBX offers it to the agent.
            assertEquals(Direction.OUTBOUND, c.direction());
            assertEquals("João da Silva", c.customer().name());
            assertEquals("C-778", c.customer().externalId());
            assertEquals("11987654321", c.customer().number());
            assertEquals("42", c.campaign().id());
            assertEquals("Plano Ouro", c.data().get("InfoAdicional1"));
            assertEquals("Vencimento 10", c.data().get("InfoAdicional2"));
            assertEquals("CPF 123", c.data().get("InfoAdicional4"));
            BarState s = rig.await("dialer call connected", 5_000,
                    st -> st.calls().get(id) != null && st.calls().get(id).status() == CallStatus.CONNECTED);
            assertEquals("João da Silva", s.calls().get(id).call().remoteName());

            mark = rig.mark();
            rig.ok(new Command.Hangup(id));
            ev = rig.awaitTypes(mark, 5_000, "call.ended", "call.recording", "agent.state", "call.wrapUp");
            assertEquals(AgentState.WRAP_UP, ((Event.AgentStateChanged) ev.get(2)).state());
            assertEquals(id, ((Event.CallWrapUp) ev.get(3)).callId());
            s = rig.await("wrap-up", 5_000, st -> st.wrapUp() && st.agentState() == AgentState.WRAP_UP);
            assertTrue(s.recordings().containsKey(id));
            assertEquals(id, s.lastEnded().id());

            mark = rig.mark();
            rig.ok(new Command.SetState(AgentState.READY, null));
            ev = rig.awaitTypes(mark, 5_000, "call.finished", "agent.state");
            assertEquals(id, ((Event.CallFinished) ev.get(0)).callId());
            assertEquals(AgentState.READY, ((Event.AgentStateChanged) ev.get(1)).state());
            s = rig.await("ready", 5_000, st -> !st.wrapUp() && st.agentState() == AgentState.READY);
            assertEquals("[0]", rig.lastRecorded("AlterarIntervaloTipo").args().toString());
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void outboundBusyAndNoAnswerEndTheDialingCall(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            for (String outcome : List.of("busy", "noanswer")) {
                rig.scenario("outbound", Map.of("outcome", outcome));
                long mark = rig.mark();
                rig.ok(new Command.Dial("11955554444"));
                List<Event> ev = rig.awaitTypes(mark, 5_000, "call.dialing", "call.ended");
                Call c = ((Event.CallDialing) ev.get(0)).call();
                assertEquals(Direction.OUTBOUND, c.direction());
                assertEquals("11955554444", c.to().number());
                rig.await(outcome + ": no call", 5_000, s -> s.calls().isEmpty());
            }
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void consultAnsweredAndConsultBusy(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = EpbxAgainstSimulatorTest.answeredInbound(rig);
            long mark = rig.mark();
            rig.ok(new Command.Consult(id, "2001", true));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.held", "call.dialing", "call.connected");
            String leg = ((Event.CallDialing) ev.get(1)).callId();
            assertFalse(leg.equals(id));
            assertEquals(leg, ((Event.CallConnected) ev.get(2)).callId());
            BarState s = rig.await("consult beside held call", 5_000, st -> st.calls().size() == 2
                    && st.calls().get(leg).status() == CallStatus.CONNECTED);
            assertEquals(CallStatus.HELD, s.calls().get(id).status());

            // Hanging up during a consult drops the consult leg only; the customer stays held.
            mark = rig.mark();
            rig.ok(new Command.Hangup(leg));
            rig.awaitTypes(mark, 5_000, "call.ended");
            s = rig.await("customer still held", 5_000, st -> st.calls().size() == 1);
            assertEquals(CallStatus.HELD, s.calls().get(id).status());

            mark = rig.mark();
            rig.ok(new Command.Resume(id));
            rig.awaitTypes(mark, 5_000, "call.resumed");
            rig.await("talking again", 5_000, st -> st.calls().get(id).status() == CallStatus.CONNECTED);

            rig.scenario("consult", Map.of("outcome", "busy"));
            mark = rig.mark();
            rig.ok(new Command.Consult(id, "2001", true));
            ev = rig.awaitTypes(mark, 5_000, "call.held", "call.dialing", "call.ended");
            rig.await("consult leg gone", 5_000, st -> st.calls().size() == 1);
            mark = rig.mark();
            rig.ok(new Command.Resume(id));
            rig.awaitTypes(mark, 5_000, "call.resumed");
            rig.await("customer back", 5_000, st -> st.calls().get(id).status() == CallStatus.CONNECTED);
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void intervalsForcedByThePbx(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            long mark = rig.mark();
            rig.scenario("interval", Map.of("id", 7));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "agent.state");
            Event.AgentStateChanged st = (Event.AgentStateChanged) ev.get(0);
            assertEquals(AgentState.NOT_READY, st.state());
            assertEquals("Backoffice", st.reason());
            assertEquals(Boolean.TRUE, st.productive());
            // IntervaloInfo has no start time (ModelsAndEnums.cs): the mapper invents none, the bar's clock starts it.
            assertNull(st.at());

            mark = rig.mark();
            rig.scenario("interval", Map.of("id", 4));
            // Leaving one interval for another: onTerminoIntervalo(7) then onInicioIntervalo(4).
            ev = rig.awaitTypes(mark, 5_000, "agent.state", "agent.state");
            assertEquals(AgentState.NOT_READY, ((Event.AgentStateChanged) ev.get(1)).state());
            BarState s = rig.await("Banheiro", 5_000, b -> "Banheiro".equals(b.stateReason()));
            assertEquals(Boolean.FALSE, s.stateProductive());

            mark = rig.mark();
            rig.scenario("interval", Map.of("id", 0));
            rig.awaitTypes(mark, 5_000, "agent.state");
            rig.await("ready", 5_000, b -> b.agentState() == AgentState.READY && b.stateReason() == null);
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void recordingAnnouncedForTheLastCall(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            rig.scenario("recording", Map.of("enabled", false));
            String id = EpbxAgainstSimulatorTest.answeredInbound(rig);
            long mark = rig.mark();
            rig.ok(new Command.Hangup(id));
            rig.awaitTypes(mark, 5_000, "call.ended");
            rig.await("ended", 5_000, s -> s.calls().isEmpty());
            assertFalse(rig.state().recordings().containsKey(id));

            mark = rig.mark();
            rig.scenario("recording", Map.of("globalId", "1763719200.77"));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.recording");
            Event.CallRecording r = (Event.CallRecording) ev.get(0);
            assertEquals(id, r.callId());
            assertEquals(rig.sim.serviceBase() + "api/Ligacao/Download/1763719200.77", r.url());
            rig.await("recording known", 5_000, s -> s.recordings().containsKey(id));
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }
}
