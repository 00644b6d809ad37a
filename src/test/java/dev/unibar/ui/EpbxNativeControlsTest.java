package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EPBX hub methods beyond the seed, each from its native control against the simulator (classic
 * SignalR): a blind transfer (Transferir with number and type), a cancelled consultation
 * (LiberarConsulta), a call taken from the queue (AtendeChamadaNaFila), a busy outbound call whose
 * card says why it ended, and follow-me (SigaMe, CancelaSigaMe) from the Session menu. Each asserts what the simulator recorded and what the bar shows.
 */
@ExtendWith(ApplicationExtension.class)
class EpbxNativeControlsTest {

    private EpbxBar bar;
    private EpbxSimulator sim;

    @Start
    void start(Stage stage) {
        bar = new EpbxBar(stage, "en");
        sim = bar.sim;
    }

    @AfterEach
    void stop() {
        bar.close();
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return EpbxBar.node(robot, id);
    }

    private BarState state() {
        return bar.state();
    }

    private boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private String args(String method) {
        EpbxSimulator.Invocation i = bar.recorded(method);
        assertTrue(i.ok(), i.toString());
        return i.args().toString();
    }

    private void login(FxRobot robot) {
        Fx.until("login form", () -> node(robot, "#loginView").isVisible()
                && state().phase() == SessionPhase.CREDENTIALS);
        Click.on(robot, "#password").write("agent");
        Click.on(robot, "#login");
        Fx.until("ready", () -> state().phase() == SessionPhase.READY && state().agentState() == AgentState.READY);
    }

    private String answeredInbound(FxRobot robot) {
        String id = sim.scenario("inbound", Map.of("telefone", "1133334444", "answerAfterMs", 50))
                .get("canalId").asText();
        Fx.until("inbound call connected", () -> "1133334444".equals(((Label) node(robot, "#callNumber")).getText())
                && state().calls().containsKey(id) && state().calls().get(id).status() == CallStatus.CONNECTED);
        return id;
    }

    private void openTransfer(FxRobot robot) {
        Click.on(robot, "#transfer");
        Fx.until("transfer popover", () -> visible(robot, "#transferInternal"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void blindTransferSendsTheNumberAndItsType(FxRobot robot) {
        login(robot);
        answeredInbound(robot);
        openTransfer(robot);
        Click.on(robot, "#transferTarget").write("2001");
        Click.on(robot, "#transferInternal");
        Click.on(robot, "#blindTransfer");

        assertEquals("[\"2001\",2]", args("Transferir"), "Transferir(numero, TipoDiscagem.LigacaoRamal)");
        Fx.until("the call left the bar", () -> state().calls().isEmpty() && visible(robot, "#noCall"));
        assertEquals("transfer", state().lastEndCause());
        assertFalse(Fx.get(() -> visible(robot, "#callEndCause")), "a transfer is no failure: the card says nothing");
        assertTrue(sim.recorded().stream().noneMatch(i -> i.method().equals("Consultar")), "blind: no consultation");
    }

    @Test
    void aCancelledConsultationReturnsToTheHeldCaller(FxRobot robot) {
        login(robot);
        String caller = answeredInbound(robot);
        assertFalse(More.offered(robot, "cancelConsult"), "nothing to cancel yet");
        openTransfer(robot);
        Click.on(robot, "#transferTarget").write("2001");
        Click.on(robot, "#transferInternal");
        Click.on(robot, "#consult");
        assertEquals("[\"2001\",2]", args("Consultar"));
        Fx.until("consulting beside the held caller", () -> state().calls().size() == 2
                && state().calls().get(caller).status() == CallStatus.HELD
                && visible(robot, "#heldLine") && More.offered(robot, "cancelConsult"));

        More.choose(robot, "cancelConsult");
        assertEquals("[]", args("LiberarConsulta"));
        Fx.until("back with the caller", () -> state().calls().size() == 1
                && state().calls().get(caller).status() == CallStatus.CONNECTED
                && !visible(robot, "#heldLine") && !More.offered(robot, "cancelConsult")
                && "1133334444".equals(((Label) node(robot, "#callNumber")).getText()));
        assertTrue(sim.recorded().stream().noneMatch(i -> i.method().equals("Transferir")));
    }

    @Test
    void aConferenceInAConsultationJoinsTheHeldCallerAndTheConsultedParty(FxRobot robot) {
        login(robot);
        String caller = answeredInbound(robot);
        More.choose(robot, "conference");
        Fx.until("conference pop-over", () -> visible(robot, "#conferenceStart"));
        assertTrue(visible(robot, "#conferenceParticipant"), "outside a consultation the number is asked for");
        Fx.run(() -> robot.lookup("#conferenceStart").query().getScene().getWindow().hide());

        openTransfer(robot);
        Click.on(robot, "#transferTarget").write("2001");
        Click.on(robot, "#transferInternal");
        Click.on(robot, "#consult");
        Fx.until("talking to the consulted party, the caller held", () -> state().calls().size() == 2
                && state().calls().get(caller).status() == CallStatus.HELD
                && state().calls().values().stream().anyMatch(c -> !c.id().equals(caller)
                        && c.status() == CallStatus.CONNECTED));
        String consulted = state().calls().keySet().stream().filter(id -> !id.equals(caller)).findFirst().orElseThrow();

        More.choose(robot, "conference");
        Fx.until("conference pop-over", () -> visible(robot, "#conferenceStart"));
        assertFalse(visible(robot, "#conferenceParticipant"), "in a consultation there is no number to ask");
        assertEquals(Messages.forLanguage("en").get("conference.hint.consultation"),
                Fx.get(() -> ((Label) node(robot, "#conferenceHint")).getText()));
        Click.on(robot, "#conferenceStart");

        assertEquals("[\"2001\",2]", args("ConferenciaAdicionar"), "the consulted party, by its number and type");
        assertEquals("[]", args("ConferenciaIniciar"));
        Fx.until("one call, the caller back and the consulted party joined", () -> state().calls().size() == 1
                && state().calls().containsKey(caller) && !state().calls().containsKey(consulted)
                && state().calls().get(caller).status() == CallStatus.CONNECTED
                && state().participantsOf(caller).stream().anyMatch(p -> "2001".equals(p.number())
                        && "connected".equals(p.state())));
        assertTrue(state().participantsOf(caller).stream().noneMatch(p -> "dialing".equals(p.state())),
                "the consulted party was joined, not called again: " + state().participantsOf(caller));
    }

    @Test
    void aQueuedCallIsTakenFromTheList(FxRobot robot) {
        login(robot);
        assertFalse(Fx.get(() -> visible(robot, "#queuedCalls")), "no list while nobody waits");
        List<String> ids = new java.util.ArrayList<>();
        sim.scenario("queue", Map.of("telefone", "11911112222", "count", 2)).get("canalIds")
                .forEach(n -> ids.add(n.asText()));
        Fx.until("two waiting calls listed", () -> visible(robot, "#queuedCalls")
                && robot.lookup(".queued-call").queryAll().size() == 2);
        assertEquals("11911112222", Fx.get(() -> ((Label) node(robot, "#queuedNumber0")).getText()));
        assertEquals("11911112221", Fx.get(() -> ((Label) node(robot, "#queuedNumber1")).getText()));

        Click.on(robot, "#takeQueued0");
        assertEquals("[\"" + ids.get(0) + "\"]", args("AtendeChamadaNaFila"));
        Fx.until("the taken call is on the card, one caller still waits", () ->
                "11911112222".equals(((Label) node(robot, "#callNumber")).getText())
                        && state().calls().get(ids.get(0)) != null
                        && state().calls().get(ids.get(0)).status() == CallStatus.CONNECTED
                        && robot.lookup(".queued-call").queryAll().size() == 1);
        assertEquals("11911112221", Fx.get(() -> ((Label) node(robot, "#queuedNumber0")).getText()));
        assertTrue(Fx.get(() -> ((Button) node(robot, "#takeQueued0")).isDisabled()), "one call at a time");
    }

    @Test
    void aBusyOutboundCallSaysBusyOnTheCard(FxRobot robot) {
        login(robot);
        sim.scenario("outbound", Map.of("outcome", "busy", "busyMs", 200));
        Click.on(robot, "#dialPad");
        Click.on(robot, "#dialNumber").write("11987654321");
        Click.on(robot, "#dial");
        assertEquals("[\"11987654321\",1]", args("Discar"));

        // The one vocabulary's words (decision 0055), as on every vendor; the strip says it with the number.
        Fx.until("the card says busy", () -> visible(robot, "#callEndCause")
                && "Failed: busy".equals(((Label) node(robot, "#callEndCause")).getText()));
        assertEquals("The call to 11987654321 did not go through: the line is busy.",
                Fx.get(() -> ((Label) node(robot, "#notice")).getText()));
        assertTrue(state().calls().isEmpty());
        assertEquals("busy", state().lastEndCause());
        assertTrue(Fx.get(() -> visible(robot, "#noCall")));

        // The next call clears the cause.
        answeredInbound(robot);
        assertFalse(Fx.get(() -> visible(robot, "#callEndCause")));
    }

    @Test
    void followMeIsSetAndCancelledFromTheSessionMenu(FxRobot robot) {
        login(robot);
        BarView view = robot.lookup(n -> n instanceof BarView).query();
        javafx.scene.control.MenuItem set = Fx.get(() -> view.sessionMenu().getItems().stream()
                .filter(i -> "menuFollowMe".equals(i.getId())).findFirst().orElseThrow());
        javafx.scene.control.MenuItem cancel = Fx.get(() -> view.sessionMenu().getItems().stream()
                .filter(i -> "menuCancelFollowMe".equals(i.getId())).findFirst().orElseThrow());
        assertTrue(Fx.get(set::isVisible) && !Fx.get(set::isDisable));
        assertTrue(Fx.get(cancel::isDisable), "nothing to cancel yet");

        // fire() opens a modal dialog: it must not run inside a call that waits for it.
        javafx.application.Platform.runLater(set::fire);
        Fx.until("follow-me dialog", () -> visible(robot, "#followMeNumbers"));
        Click.on(robot, "#followMeNumbers").write("11955556666");
        Click.on(robot, "#followMeOk");
        assertEquals("[\"11955556666\",1]", args("SigaMe"));
        Fx.until("follow-me on", () -> List.of("11955556666").equals(state().followMe()) && !cancel.isDisable());
        assertTrue(sim.scenario("inbound", Map.of("telefone", "1133334444")).get("canalId").isNull(),
                "the PBX forwards the caller: the extension does not ring");

        javafx.application.Platform.runLater(cancel::fire);
        assertEquals("[]", args("CancelaSigaMe"));
        Fx.until("follow-me off", () -> state().followMe() == null && cancel.isDisable());
        answeredInbound(robot);
    }
}
