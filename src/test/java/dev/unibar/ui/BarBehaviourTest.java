package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bar's behaviour an agent relies on: focus, state colours, stable layout, messages that go stale. */
@ExtendWith(ApplicationExtension.class)
class BarBehaviourTest {

    private FakeConnector connector;
    private Session session;
    private BarViewModel vm;
    private BarView bar;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // Like EPBX: dialing is refused while the agent is paused.
        Capabilities.Builder b = Capabilities.builder();
        for (CommandKind k : CommandKind.values()) {
            switch (k) {
                case LOGIN, SSO -> b.allow(k, SessionPhase.CREDENTIALS);
                case SELECT_DEVICE, PROVISION, IDENTIFY -> { }
                default -> b.allow(k, SessionPhase.READY);
            }
        }
        b.notWhilePaused(CommandKind.DIAL);
        connector = new FakeConnector(b.build());
        TestBar t = TestBar.show(stage, connector);
        session = t.session();
        vm = t.vm();
        bar = t.bar();
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private void ready() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.agentStateProperty().get() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void talking(FxRobot robot, String id) {
        connector.push(Scenes.ringing(id), Scenes.connected(id));
        Fx.until("talking", () -> !node(robot, "#hold").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterAnswerSpaceAndEnterDoNotHangUp(FxRobot robot) {
        ready();
        connector.push(Scenes.ringing("c1"));
        Fx.until("ringing", () -> !node(robot, "#answer").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#answer");
        Fx.until("Answer sent", () -> connector.commands.contains(new Command.Answer("c1")));
        connector.push(Scenes.connected("c1"));
        Fx.until("talking", () -> node(robot, "#answer").isDisabled() && !node(robot, "#hangup").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = Fx.get(() -> stage.getScene().getFocusOwner());
        assertEquals("callCard", focused == null ? null : focused.getId(), "focus lands on the call card");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.recorded(Command.Hangup.class), "Space and Enter must not drop the customer");
        assertEquals(List.of(), connector.recorded(Command.Hold.class));
    }

    @Test
    void stateSelectorShowsEachStateInItsOwnColour(FxRobot robot) {
        ready();
        MenuButton selector = node(robot, "#stateSelector");
        Fx.until("ready class", () -> selector.getStyleClass().contains("situation-ready"));
        assertTrue(Fx.get(() -> selector.getStyleClass().contains("state-selector")), "base class kept");
        Paint readyFill = Fx.get(() -> fill(selector));
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        Fx.until("paused class", () -> selector.getStyleClass().contains("situation-not-ready")
                && !selector.getStyleClass().contains("situation-ready"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(() -> selector.getStyleClass().contains("state-selector")), "base class kept");
        Paint pausedFill = Fx.get(() -> fill(selector));
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.OFFLINE, null, null));
        Fx.until("offline class", () -> selector.getStyleClass().contains("situation-offline"));
        WaitForAsyncUtils.waitForFxEvents();
        Paint offlineFill = Fx.get(() -> fill(selector));
        assertNotEquals(readyFill, pausedFill);
        assertNotEquals(readyFill, offlineFill);
        assertNotEquals(pausedFill, offlineFill);
    }

    private static Paint fill(MenuButton b) {
        b.applyCss();
        Background bg = b.getBackground();
        return bg == null || bg.getFills().isEmpty() ? null : bg.getFills().get(bg.getFills().size() - 1).getFill();
    }

    @Test
    void togglesKeepTheirWidthAndNothingMoves(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Button hold = node(robot, "#hold");
        Button mute = node(robot, "#mute");
        List<Double> before = Fx.get(this::controlPositions);
        double holdWidth = Fx.get(hold::getWidth);

        double muteWidth = Fx.get(mute::getWidth);
        connector.push(new Event.CallHeld(Scenes.V, null, "c1"));
        Fx.until("Resume shown", () -> hold.getText().equals("Resume"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(holdWidth, Fx.get(hold::getWidth), 0.5, "Hold and Resume are equally wide");
        assertEquals(before, Fx.get(this::controlPositions), "no control moved");
        connector.push(new Event.CallResumed(Scenes.V, null, "c1"), new Event.CallMuted(Scenes.V, null, "c1"));
        Fx.until("Unmute shown", () -> mute.getText().equals("Unmute"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(muteWidth, Fx.get(mute::getWidth), 0.5, "Mute and Unmute are equally wide");
        assertEquals(before, Fx.get(this::controlPositions), "no control moved");
        assertEquals(List.of(), Fx.get(() -> Layout.cutOff(bar)), "no text cut off");
    }

    private List<Double> controlPositions() {
        return bar.callControls().buttons().stream().filter(Node::isManaged)
                .flatMap(b -> java.util.stream.Stream.of(b.localToScene(0, 0).getX(), b.localToScene(0, 0).getY(),
                        b.getWidth()))
                .toList();
    }

    @Test
    void aMessageComingAndGoingMovesNothing(FxRobot robot) {
        ready();
        talking(robot, "c1");
        double height = Fx.get(() -> stage.getHeight());
        List<Double> before = Fx.get(this::controlPositions);
        double noticeY = Fx.get(() -> node(robot, "#notice").localToScene(0, 0).getY());
        connector.push(new Event.Notice(Scenes.V, null, dev.unibar.core.model.NoticeLevel.WARNING,
                "A long warning from the vendor that goes on and on, longer than the bar is wide, so that it has"
                        + " to wrap onto more than one line of text in the strip below the controls"));
        Fx.until("shown", () -> !((Label) node(robot, "#notice")).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, Fx.get(this::controlPositions));
        assertEquals(height, Fx.get(() -> stage.getHeight()), 0.5, "the window keeps its height");
        assertEquals(noticeY, Fx.get(() -> node(robot, "#notice").localToScene(0, 0).getY()), 0.5);
    }

    @Test
    void aRefusalGoesOnceTheSituationChanges(FxRobot robot) {
        ready();
        connector.respondWith(c -> c instanceof Command.Dial
                ? CompletableFuture.failedFuture(new IllegalStateException("Ramal em intervalo não permite discar"))
                : CompletableFuture.completedFuture(null));
        Fx.run(() -> vm.dial("5511"));
        Label notice = node(robot, "#notice");
        Fx.until("refusal shown", () -> notice.getText().contains("Ramal em intervalo"));
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        Fx.until("refusal gone", () -> notice.getText().isEmpty());
    }

    @Test
    void dialPadIsDisabledWhileThePausedAgentCannotDial(FxRobot robot) {
        ready();
        Button dialPad = node(robot, "#dialPad");
        assertFalse(Fx.get(dialPad::isDisabled), "ready: may dial");
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        Fx.until("paused: no dialing", dialPad::isDisabled);
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null));
        Fx.until("ready again", () -> !dialPad.isDisabled());
    }

    @Test
    void aSessionErrorAfterSignInIsShownAndNotOnTheNextSignInForm(FxRobot robot) {
        ready();
        connector.push(new Event.SessionError(Scenes.V, null, "Token expired on the server", "E1"));
        Label notice = node(robot, "#notice");
        Fx.until("shown in the strip", () -> notice.getText().contains("Token expired"));
        assertTrue(Fx.get(notice::isVisible));
        connector.push(new Event.AgentLoggedOut(Scenes.V, null, null));
        Fx.until("sign-in form", () -> vm.phaseProperty().get() == SessionPhase.CREDENTIALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", Fx.get(() -> ((Label) node(robot, "#loginError")).getText()),
                "an error of the last session is not a sign-in error");
        connector.push(new Event.SessionError(Scenes.V, null, "Wrong password", "E2"));
        Fx.until("a sign-in error is on the form", () -> ((Label) node(robot, "#loginError")).getText()
                .contains("Wrong password"));
    }

    /** EPBX reports a refused sign-in as a session error and fails the login command with the same text. */
    @Test
    void aRefusedSignInIsSaidOnceOnTheForm(FxRobot robot) {
        String text = "The user name or password is incorrect.";
        // As EPBX's connector does, off the FX thread: the session error first, then the failed command.
        connector.respondWith(c -> CompletableFuture.runAsync(() -> {
            connector.push(new Event.SessionError(Scenes.V, null, text, "invalid_grant"));
            throw new java.util.concurrent.CompletionException(new java.io.IOException(text));
        }));
        connector.push(new Event.CredentialsRequired(Scenes.V, null));
        Fx.until("sign-in form", () -> vm.phaseProperty().get() == SessionPhase.CREDENTIALS);
        Fx.run(() -> vm.login("agent", "wrong".toCharArray(), false, null, null));
        Fx.until("the form says it", () -> ((Label) node(robot, "#loginError")).getText().contains("incorrect"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, Fx.get(() -> vm.messageProperty().get()), "the strip does not repeat it");
        connector.push(new Event.Notice(Scenes.V, null, NoticeLevel.ERROR, "The sign-in service is down"));
        Fx.until("another error still reaches the strip", () -> ((Label) node(robot, "#notice")).getText().contains("down"));
    }

    @Test
    void theBarsOwnRefusalsAreInTheAgentsLanguage(FxRobot robot) {
        ready();
        talking(robot, "c1");
        // Dialing while a call is up: the guard refuses before anything is sent.
        Fx.run(() -> vm.dial("123"));
        Fx.until("refusal", () -> vm.messageProperty().get() != null);
        BarViewModel.Message m = Fx.get(() -> vm.messageProperty().get());
        assertEquals("Dial is not possible right now.", m.text(Messages.forLanguage("en")));
        assertEquals("Vytočení teď není možné.", m.text(Messages.forLanguage("cs")));
        assertEquals("Não é possível discar agora.", m.text(Messages.forLanguage("pt-BR")));
        assertEquals(List.of(), connector.recorded(Command.Dial.class));
    }
}
