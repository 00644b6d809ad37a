package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.UcsModule;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.ucs.sim.Recorded;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.unibar.testkit.Host;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole UCS path with nothing faked on Unibar's side: the native bar, the session, the UCS connector,
 * the host page in a real WebView with the shim and bridge, and the UCS simulator's operator script
 * talking to the simulator server. Assertions are on what the simulator recorded and what the bar shows.
 * Every test runs in both page hosts: the WebView and the browser app window (issue 11).
 */
@ExtendWith(ApplicationExtension.class)
class UcsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Stage stage;
    private UcsSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(Host host) {
        host.assumeAvailable();
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        ctx = HostedBar.show(host, stage, new UcsModule(), env -> UcsModule.forSimulator(sim, env));
    }

    @AfterEach
    void stop() {
        if (ctx == null) {
            if (sim != null) sim.close();
            return;
        }
        // Unload the page before its servers stop: a WebView still polling a dead server has crashed the
        // JVM at exit here (seen by the simulator's own WebView test).
        Fx.run(() -> ctx.page().load("about:blank"));
        try {
            Fx.until("page unloaded", () -> sim.connectedPages() == 0);
        } catch (AssertionError slowUnload) {
            // cleanup only: the servers are stopped either way
        }
        Fx.run(ctx::close);
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private Recorded recorded(String method) throws InterruptedException {
        Recorded r = sim.awaitRecorded(method, WAIT);
        assertNotNull(r, "the simulator received " + method + "()");
        return r;
    }

    private void loginAndPair(FxRobot robot) throws InterruptedException {
        Fx.until("login form", () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS
                && node(robot, "#loginView").isVisible());
        assertEquals("agent", Fx.get(() -> ((javafx.scene.control.TextField) node(robot, "#username")).getText()),
                "the demo account is pre-filled");
        Click.on(robot, "#password").write("agent");
        Click.on(robot, "#login");
        Recorded login = recorded("login");
        assertEquals("agent", login.args().get(0));
        assertEquals("******", login.args().get(1), "the simulator's record masks the password");

        Fx.until("device picker", () -> node(robot, "#devicePicker").isVisible()
                && !((ListView<?>) node(robot, "#deviceList")).getItems().isEmpty());
        Fx.run(() -> ((ListView<?>) node(robot, "#deviceList")).getSelectionModel().select(0));
        Click.on(robot, "#pairDevice");
        assertEquals(List.of("201"), recorded("selectIdentifier").args());
        Fx.until("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);
    }

    private void goReady(FxRobot robot) throws InterruptedException {
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#state-READY");
        assertEquals(List.of("READY"), recorded("changeStatus").args());
        Fx.until("agent ready", () -> ctx.session().store().state().agentState() == AgentState.READY);
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void ringAnswerHoldMuteAndBlindTransfer(Host host, FxRobot robot) throws Exception {
        open(host);
        loginAndPair(robot);
        goReady(robot);

        Node answer = node(robot, "#answer");
        assertTrue(Fx.get(answer::isDisabled), "nothing rings yet");
        sim.scenario("inbound", Map.of("number", "777123456", "name", "Jan Novák"));
        Fx.until("answer enabled by the ringing call", () -> !answer.isDisabled());
        assertTrue(Fx.get(() -> node(robot, "#hold").isDisabled()), "hold is forbidden while ringing");

        Click.on(robot, "#answer");
        recorded("answer");
        Label number = node(robot, "#callNumber");
        Fx.until("the call card shows the connected call", () -> "777123456".equals(number.getText())
                && ctx.session().store().state().activeCall().map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
        assertEquals("Jan Novák", Fx.get(() -> ((Label) node(robot, "#callName")).getText()));
        assertTrue(Fx.get(answer::isDisabled));
        assertTrue(Fx.get(() -> node(robot, "#dialPad").isDisabled()), "no dialling while talking");

        Click.on(robot, "#hold");
        recorded("hold");
        Fx.until("held badge", () -> node(robot, "#heldBadge").isVisible());
        Click.on(robot, "#hold");
        recorded("unhold");
        Fx.until("resumed", () -> !node(robot, "#heldBadge").isVisible());

        Click.on(robot, "#mute");
        recorded("mute");
        Fx.until("muted badge", () -> node(robot, "#mutedBadge").isVisible());

        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2002");
        Click.on(robot, "#blindTransfer");
        assertEquals(List.of("2002"), recorded("blindTransfer").args());
        Fx.until("the line is free after the transfer", () -> ctx.session().store().state().calls().isEmpty()
                && node(robot, "#noCall").isVisible());
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void consultThenCompleteTransfer(Host host, FxRobot robot) throws Exception {
        open(host);
        loginAndPair(robot);
        goReady(robot);
        sim.scenario("inbound", Map.of("number", "777000111"));
        Fx.until("ringing", () -> !node(robot, "#answer").isDisabled());
        Click.on(robot, "#answer");
        Fx.until("talking", () -> !node(robot, "#hold").isDisabled());

        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2003");
        Click.on(robot, "#consult");
        assertEquals(List.of("2003"), recorded("transfer").args());
        Fx.until("consultation beside the held caller", () -> ctx.session().store().state().calls().size() == 2
                && ctx.session().store().state().heldCall().isPresent()
                && !node(robot, "#completeTransfer").isDisabled());
        Fx.until("held line shows the caller", () -> "777000111".equals(((Label) node(robot, "#heldNumber")).getText()));
        Click.on(robot, "#completeTransfer");
        recorded("finishTransfer");
        Fx.until("both legs released", () -> ctx.session().store().state().calls().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void pauseWithAReasonAndOutboundDial(Host host, FxRobot robot) throws Exception {
        open(host);
        loginAndPair(robot);
        MenuButton selector = node(robot, "#stateSelector");
        Fx.until("AUX reasons offered", () -> !ctx.session().store().state().pauseReasons().isEmpty());
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#reason-Ob_d");
        assertEquals(List.of("AUX", "Oběd"), recorded("changeStatus").args());
        Fx.until("paused with the reason", () -> ctx.session().store().state().agentState() == AgentState.NOT_READY
                && "Oběd".equals(ctx.session().store().state().stateReason())
                && selector.getText().equals("Not ready")
                && "Oběd".equals(((Label) node(robot, "#stateReason")).getText()));

        goReady(robot);
        Click.on(robot, "#dialPad");
        Click.on(robot, "#dialNumber").write("0800123456");
        Click.on(robot, "#dial");
        assertEquals("0800123456", recorded("dial").args().get(0));
        Fx.until("outbound call connected", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() == CallStatus.CONNECTED && "0800123456".equals(c.call().remoteNumber()))
                .orElse(false));
        Click.on(robot, "#hangup");
        recorded("hangup");
        Fx.until("hung up", () -> ctx.session().store().state().calls().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aMethodTheStateForbidsIsDisabledAndTheSimulatorNeverSeesIt(Host host, FxRobot robot) throws Exception {
        open(host);
        loginAndPair(robot);
        // READY, no call: every call control but dial is disabled, so nothing can send answer/hold.
        for (String id : List.of("#answer", "#reject", "#hangup", "#hold", "#mute", "#transfer", "#completeTransfer")) {
            assertTrue(Fx.get(() -> node(robot, id).isDisabled()), id + " disabled with no call");
        }
        assertTrue(!Fx.get(() -> node(robot, "#dialPad").isDisabled()), "dial allowed when idle");
        assertTrue(sim.recorded().stream().noneMatch(r -> r.method().equals("answer") || r.method().equals("hold")));
        assertTrue(sim.recorded().stream().allMatch(Recorded::accepted), "nothing the bar sent was refused: "
                + sim.recorded());
    }
}
