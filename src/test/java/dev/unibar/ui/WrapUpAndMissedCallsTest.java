package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: the account-code pop-over names the caller, wrap-up codes and countdown, the missed-call notice. */
@ExtendWith(ApplicationExtension.class)
class WrapUpAndMissedCallsTest {

    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private FakeConnector connector;
    private BarViewModel vm;
    private BarView bar;

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        TestBar t = TestBar.show(stage, connector, b -> b.setAccountCodes(List.of("Sale", "No sale")));
        vm = t.vm();
        bar = t.bar();
    }

    private void ready() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.agentStateProperty().get() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    @Test
    void theAccountCodePopOverSaysWhoTheCallIsWithNotItsId(FxRobot robot) {
        ready();
        String id = "a9f3-77c1-internal";
        connector.push(Scenes.ringing(id));
        connector.push(Scenes.connected(id));
        // During the call the code is one click away in "More"; in after-call work it is in the row.
        Fx.until("account code offered", () -> More.offered(bar, "moreAccountCode"));
        More.choose(robot, "moreAccountCode");
        Label line = Fx.get(() -> bar.accountCodePopOver().callLine());
        Fx.until("call named", () -> !line.getText().isEmpty());
        String text = Fx.get(line::getText);
        assertEquals("With " + Scenes.NAME + " (" + Scenes.NUMBER + ") · " + Scenes.QUEUE, text);
        assertFalse(text.contains(id));
    }

    @Test
    void duringWrapUpTheConfiguredCodesAreOneClickAway(FxRobot robot) {
        ready();
        connector.push(Scenes.ringing("c1"));
        connector.push(Scenes.connected("c1"));
        connector.push(new Event.CallEnded(Scenes.V, null, "c1", null));
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.WRAP_UP, null, null, 60));
        Fx.until("wrap-up", () -> vm.agentStateProperty().get() == AgentState.WRAP_UP
                && !node(robot, "#accountCode").isDisabled() && node(robot, "#accountCode").isVisible()
                && node(robot, "#goReady").isVisible());
        assertFalse(More.offered(bar, "moreAccountCode"), "the codes are in the row, not in More as well");
        Click.on(robot, "#accountCode");
        Fx.until("the ended call is named", () -> bar.accountCodePopOver().callLine().getText().startsWith("With "));
        assertEquals("No sale", Fx.get(() -> ((Button) node(robot, "#accountCodeChoice1")).getText()));
        Click.on(robot, "#accountCodeChoice0");
        Fx.until("code sent", () -> connector.commands.contains(new Command.SetAccountCode("c1", "Sale", null, false)));
    }

    @Test
    void wrapUpWithALimitCountsDownToZeroThenOverInRedWithoutMoving(FxRobot robot) {
        ready();
        Label timer = node(robot, "#timeInState");
        Fx.until("ready counts up", () -> timer.getText().matches("\\d\\d:\\d\\d"));
        connector.push(new Event.AgentStateChanged(Scenes.V, Instant.now().minusSeconds(5), AgentState.WRAP_UP,
                null, null, 60));
        // Time left, counting down to zero: never "-00:55" (which read as time over).
        Fx.until("counting down", () -> timer.getText().matches("00:5\\d") && vm.timerCountsDownProperty().get());
        assertFalse(Fx.get(() -> timer.getPseudoClassStates().contains(OVER)));
        int first = seconds(Fx.get(timer::getText));
        Fx.until("down, not up", () -> seconds(timer.getText()) < first);
        WaitForAsyncUtils.waitForFxEvents();
        Node place = node(robot, "#timerPlace");
        Bounds before = Fx.get(() -> place.localToScene(place.getBoundsInLocal()));
        Bounds textBefore = Fx.get(() -> timer.localToScene(timer.getBoundsInLocal()));
        assertTrue(Fx.get(() -> timer.getTooltip() == null), "the tooltip is made when the mouse first comes");
        Click.hover(robot, timer);
        Fx.until("tooltip made on hover", () -> timer.getTooltip() != null);
        assertTrue(Fx.get(() -> timer.getTooltip().getText()).contains("after-call work"));

        // A second after-call work (the reducer keeps the start of a state that does not change) begun long ago.
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null));
        Fx.until("ready again", () -> !vm.timerCountsDownProperty().get());
        connector.push(new Event.AgentStateChanged(Scenes.V, Instant.now().minusSeconds(100), AgentState.WRAP_UP,
                null, null, 30));
        Fx.until("past the limit, in red", () -> timer.getText().matches("\\+01:1\\d")
                && timer.getPseudoClassStates().contains(OVER));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds after = Fx.get(() -> place.localToScene(place.getBoundsInLocal()));
        assertEquals(before.getMinX(), after.getMinX(), 0.5, "the timer's place does not move");
        assertEquals(before.getWidth(), after.getWidth(), 0.5, "nor change its width");
        assertEquals(textBefore.getMinX(), Fx.get(() -> timer.localToScene(timer.getBoundsInLocal())).getMinX(), 0.5,
                "the time starts where it did");
        assertEquals(javafx.scene.paint.Color.web("#cf222e"), Fx.get(() -> timer.getBackground().getFills().get(0).getFill()),
                "over time is red");

        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null));
        Fx.until("counting up again when ready", () -> !timer.getPseudoClassStates().contains(OVER)
                && !vm.timerCountsDownProperty().get());
    }

    private static int seconds(String t) {
        String[] p = t.replace("+", "").split(":");
        int s = 0;
        for (String x : p) s = s * 60 + Integer.parseInt(x);
        return s;
    }

    @Test
    void aCallThatRangOutIsAMissedCallUntilCleared(FxRobot robot) {
        ready();
        Button badge = node(robot, "#missedCalls");
        assertFalse(Fx.get(badge::isVisible));
        // Answered and rejected calls are not missed.
        connector.push(Scenes.ringing("ok"));
        connector.push(Scenes.connected("ok"));
        connector.push(new Event.CallEnded(Scenes.V, null, "ok", null));
        Fx.until("answered call over", () -> vm.calls().isEmpty() && node(robot, "#answer").isDisabled());
        connector.push(Scenes.ringing("no"));
        Fx.until("ringing", () -> !node(robot, "#reject").isDisabled());
        Click.on(robot, "#reject");
        Fx.until("rejected", () -> connector.commands.contains(new Command.Reject("no")));
        connector.push(new Event.CallEnded(Scenes.V, null, "no", null));
        Fx.until("rejected call over", () -> vm.calls().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Fx.get(badge::isVisible), () -> "answered and rejected calls are not missed: " + bar.statusLine().missedCalls().snapshot());

        connector.push(Scenes.ringing("m1"));
        Fx.until("ringing", () -> !vm.calls().isEmpty());
        connector.push(new Event.CallEnded(Scenes.V, null, "m1", "no_answer"));
        Fx.until("badge shown", () -> badge.isVisible() && badge.getText().equals("Missed: 1"));
        Click.on(robot, "#missedCalls");
        Label row = Fx.get(() -> (Label) bar.statusLine().lookupAll("#missedRow0").stream().findFirst()
                .orElseGet(() -> (Label) ((javafx.scene.Parent) Fx.get(() -> node(robot, "#missedPane"))).lookup("#missedRow0")));
        assertTrue(Fx.get(row::getText).contains(Scenes.NAME + " (" + Scenes.NUMBER + ") · " + Scenes.QUEUE),
                Fx.get(row::getText));
        Click.on(robot, "#missedClear");
        Fx.until("cleared", () -> !badge.isVisible());
    }

    @Test
    void aMissedCallIsCalledBackFromTheList(FxRobot robot) {
        ready();
        connector.push(Scenes.ringing("m2"));
        Fx.until("ringing", () -> !vm.calls().isEmpty());
        connector.push(new Event.CallEnded(Scenes.V, null, "m2", null));
        Fx.until("badge shown", () -> node(robot, "#missedCalls").isVisible());
        Click.on(robot, "#missedCalls");
        Click.on(robot, "#missedCallBack0");
        Fx.until("dialled", () -> connector.commands.contains(new Command.Dial(Scenes.NUMBER)));
        Fx.until("taken off the list", () -> !node(robot, "#missedCalls").isVisible());
    }
}
