package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class BarViewTest {

    private FakeConnector connector;
    private Session session;
    private BarViewModel vm;
    private BarView bar;

    @Start
    void start(Stage stage) {
        // The vendor lacks account codes and ending conferences: those controls must not be shown.
        connector = new FakeConnector(FakeConnector.capabilitiesWithout(CommandKind.SET_ACCOUNT_CODE,
                CommandKind.END_CONFERENCE));
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
        Fx.until("bar usable", () -> vm.agentStateProperty().get() == AgentState.READY);
        // The window refits to its new content on a later pulse; clicks must wait for it.
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void talking(FxRobot robot, String id) {
        connector.push(Scenes.ringing(id));
        connector.push(Scenes.connected(id));
        Fx.until("call connected", () -> !node(robot, "#hold").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitCommand(String what, Command expected) {
        Fx.until(what, () -> connector.commands.contains(expected));
    }

    @Test
    void ringAnswerConnectShowsTheCallAndTicks(FxRobot robot) {
        ready();
        Button answer = node(robot, "#answer");
        assertTrue(Fx.get(answer::isDisabled), "nothing rings yet");
        assertFalse(Fx.get(answer::isVisible), "no Answer in the row while nothing rings");
        connector.push(Scenes.ringing("c1"));
        Fx.until("answer shown and enabled", () -> !answer.isDisabled() && answer.isVisible());
        assertTrue(Fx.get(() -> node(robot, "#hold").isDisabled()), "hold is forbidden while ringing");
        assertFalse(Fx.get(() -> node(robot, "#hold").isVisible()), "and not in the row: Answer has its place");
        assertTrue(Fx.get(() -> node(robot, "#dialPad").isDisabled()), "dial is forbidden while a call is up");

        Click.on(robot, "#answer");
        awaitCommand("Answer recorded", new Command.Answer("c1"));

        connector.push(Scenes.connected("c1"));
        Label number = node(robot, "#callNumber");
        Label duration = node(robot, "#callDuration");
        Fx.until("number shown", () -> Scenes.NUMBER.equals(number.getText()));
        assertEquals(Scenes.NAME, Fx.get(() -> ((Label) node(robot, "#callName")).getText()));
        assertEquals(Scenes.QUEUE, Fx.get(() -> ((Label) node(robot, "#callQueue")).getText()));
        String first = Fx.get(duration::getText);
        assertTrue(first.matches("\\d\\d:\\d\\d"), first);
        Fx.until("duration ticks", () -> !duration.getText().equals(first) && duration.getText().matches("\\d\\d:\\d\\d"));
        assertTrue(Fx.get(answer::isDisabled), "answer is disabled again once talking");
        assertFalse(Fx.get(answer::isVisible), "and Hold is in its place");
        assertTrue(Fx.get(() -> node(robot, "#hold").isVisible()));
    }

    @Test
    void holdResumeMuteUnmute(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Button hold = node(robot, "#hold");
        assertEquals("Hold", Fx.get(hold::getText));
        Click.on(robot, "#hold");
        awaitCommand("Hold", new Command.Hold("c1"));
        connector.push(new Event.CallHeld(Scenes.V, null, "c1"));
        Fx.until("shown as held", () -> hold.getText().equals("Resume") && node(robot, "#heldBadge").isVisible());
        Click.on(robot, "#hold");
        awaitCommand("Resume", new Command.Resume("c1"));
        connector.push(new Event.CallResumed(Scenes.V, null, "c1"));
        Fx.until("back to hold", () -> hold.getText().equals("Hold"));

        Button mute = node(robot, "#mute");
        Click.on(robot, "#mute");
        awaitCommand("Mute", new Command.Mute("c1"));
        connector.push(new Event.CallMuted(Scenes.V, null, "c1"));
        Fx.until("shown as muted", () -> mute.getText().equals("Unmute") && node(robot, "#mutedBadge").isVisible());
        Click.on(robot, "#mute");
        awaitCommand("Unmute", new Command.Unmute("c1"));
    }

    @Test
    void blindTransferSendsTheTypedTargetByClickOrEnter(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2002");
        Click.on(robot, "#blindTransfer");
        awaitCommand("BlindTransfer", new Command.BlindTransfer("c1", "2002", false));
        // Enter in the number does the same (it used to empty the field and do nothing).
        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2003");
        robot.type(KeyCode.ENTER);
        awaitCommand("BlindTransfer by Enter", new Command.BlindTransfer("c1", "2003", false));
    }

    @Test
    void consultThenCompleteTransfer(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Button complete = node(robot, "#completeTransfer");
        assertTrue(Fx.get(complete::isDisabled), "nothing to complete before a consultation");
        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2003");
        Click.on(robot, "#consult");
        awaitCommand("Consult", new Command.Consult("c1", "2003", false));

        connector.push(new Event.CallHeld(Scenes.V, null, "c1"));
        connector.push(new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2003")));
        connector.push(new Event.CallConnected(Scenes.V, null, "c2", null));
        Fx.until("consultation shown", () -> "2003".equals(((Label) node(robot, "#callNumber")).getText())
                && node(robot, "#heldLine").isVisible()
                && Scenes.NUMBER.equals(((Label) node(robot, "#heldNumber")).getText()));
        Fx.until("complete enabled", () -> !complete.isDisabled());
        Click.on(robot, "#completeTransfer");
        awaitCommand("CompleteTransfer", new Command.CompleteTransfer("c1"));
    }

    @Test
    void pauseWithAReasonThenReady(FxRobot robot) {
        ready();
        MenuButton selector = node(robot, "#stateSelector");
        assertEquals("Ready", Fx.get(selector::getText));
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#reason-lunch");
        awaitCommand("SetState lunch", new Command.SetState(AgentState.NOT_READY, "lunch"));
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        Fx.until("paused shown", () -> selector.getText().equals("Not ready")
                && selector.getStyleClass().contains("situation-not-ready")
                && ((Label) node(robot, "#stateReason")).getText().equals("Lunch"));
        Fx.until("time in state shown", () -> ((Label) node(robot, "#timeInState")).getText().matches("\\d\\d:\\d\\d"));

        Click.on(robot, "#stateSelector");
        assertTrue(robot.lookup("Not ready: Training ★ productive").tryQuery().isPresent(), "productive marker shown");
        Click.on(robot, "#state-READY");
        awaitCommand("SetState ready", new Command.SetState(AgentState.READY, null));
    }

    @Test
    void forbiddenIsDisabledAndMissingCapabilityIsHidden(FxRobot robot) {
        ready();
        assertFalse(Fx.get(() -> node(robot, "#dialPad").isDisabled()), "dial allowed with no call");
        assertTrue(Fx.get(() -> node(robot, "#hangup").isDisabled()));
        assertFalse(Fx.get(() -> node(robot, "#hangup").isVisible()), "no Hang up in the row with no call");
        assertTrue(Fx.get(() -> node(robot, "#hangup").isManaged()), "its place is kept: the vendor can hang up");
        assertFalse(Fx.get(() -> node(robot, "#accountCode").isManaged()), "vendor has no account codes");
        List<String> more = Fx.get(() -> bar.callControls().more().getItems().stream().map(i -> i.getId()).toList());
        assertFalse(more.contains("endConference"), "vendor cannot end conferences: " + more);
        assertFalse(more.contains("moreAccountCode"), more.toString());
        assertTrue(more.contains("conference"), more.toString());
        assertFalse(More.offered(bar, "conference"), "no conference without a call");
        talking(robot, "c1");
        assertTrue(Fx.get(() -> node(robot, "#answer").isDisabled()));
        assertTrue(Fx.get(() -> node(robot, "#hangup").isVisible() && !node(robot, "#hangup").isDisabled()));
        assertTrue(More.offered(bar, "conference"), "conference offered during the call");
    }

    @Test
    void dialPadDialsOnEnter(FxRobot robot) {
        ready();
        Click.on(robot, "#dialPad");
        Click.on(robot, "#key5");
        Click.on(robot, "#key5");
        Click.on(robot, "#dialNumber").write("123");
        robot.type(KeyCode.ENTER);
        awaitCommand("Dial", new Command.Dial("55123"));
    }

    @Test
    void recordingDownloadAsksForAFolder(FxRobot robot) {
        ready();
        Fx.run(() -> bar.setFolderChooser(w -> new File("/tmp/recs")));
        assertFalse(More.offered(bar, "downloadRecording"), "no recording yet");
        connector.push(new Event.CallRecording(Scenes.V, null, "c9", "http://127.0.0.1/rec/c9.wav"));
        Fx.until("recording offered", () -> More.offered(bar, "downloadRecording"));
        More.choose(robot, "downloadRecording");
        awaitCommand("DownloadRecording", new Command.DownloadRecording("c9", new File("/tmp/recs").getAbsolutePath()));
    }

    @Test
    void aConfiguredRecordingsFolderIsUsedWithoutAsking(FxRobot robot) {
        ready();
        connector.recordingsFolder = true;
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Fx.run(() -> bar.setFolderChooser(w -> {
            asked.incrementAndGet();
            return new File("/tmp/recs");
        }));
        connector.push(new Event.CallRecording(Scenes.V, null, "c9", "http://127.0.0.1/rec/c9.wav"));
        Fx.until("recording offered", () -> More.offered(bar, "downloadRecording"));
        More.choose(robot, "downloadRecording");
        awaitCommand("DownloadRecording", new Command.DownloadRecording("c9", null));
        assertEquals(0, asked.get(), "no folder dialog when the configuration names the folder");
    }

    @Test
    void aFailingCommandShowsTheVendorsMessage(FxRobot robot) {
        ready();
        talking(robot, "c1");
        connector.respondWith(c -> CompletableFuture.failedFuture(new IllegalStateException("Nenhuma chamada ativa")));
        Click.on(robot, "#hangup");
        Label notice = node(robot, "#notice");
        Fx.until("error shown", () -> "Nenhuma chamada ativa".equals(notice.getText()) && notice.isVisible()
                && notice.getStyleClass().contains("error"));
    }

    @Test
    void shortcutsActOnlyWhenAllowed(FxRobot robot) {
        ready();
        Click.on(robot, "#callCard");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        connector.push(Scenes.ringing("c1"));
        Fx.until("ringing", () -> !node(robot, "#answer").isDisabled());
        assertEquals(List.of(), connector.recorded(Command.Answer.class), "no answer before anything rang");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitCommand("Answer by shortcut", new Command.Answer("c1"));
    }

    @Test
    void theCallPanelIsInTheFirstFrameSoTheBarsWidthIsKnownThere(FxRobot robot) {
        Stage[] other = new Stage[1];
        BarView[] fresh = new BarView[1];
        double[] firstWidth = new double[1];
        boolean inFirstFrame = Fx.get(() -> {
            fresh[0] = new BarView(new BarViewModel(new Session(new FakeConnector(FakeConnector.capabilitiesWithout()),
                    Clock.systemUTC())), Messages.forLanguage("en"), LoginForm.plain(null), null, null);
            other[0] = new Stage();
            Scene scene = new Scene(fresh[0]);
            scene.getStylesheets().add(UnibarApp.stylesheet());
            other[0].setScene(scene);
            other[0].show();
            firstWidth[0] = other[0].getWidth();
            return fresh[0].lookup("#callPanel") != null && fresh[0].lookup("#answer") != null;
        });
        assertTrue(inFirstFrame, "the first frame has the call panel (hidden): its row is the bar's width");
        assertFalse(Fx.get(() -> fresh[0].lookup("#callPanel").isVisible()), "hidden until the session is ready");
        double row = Fx.get(() -> fresh[0].callControls().widthWithText());
        assertTrue(firstWidth[0] + 0.5 >= row, "the first frame (" + firstWidth[0] + ") fits the row (" + row + ")");
        assertEquals(0, Fx.get(fresh[0]::popOversMade), "no pop-over in the first frame");
        Fx.run(other[0]::close);
    }

    @Test
    void theCallPanelShowsWhenReadyAndStaysTheSamePanel(FxRobot robot) {
        ready();
        assertTrue(Fx.get(() -> node(robot, "#callPanel").isVisible()), "the call panel shows once ready");
        Node panel = node(robot, "#callPanel");
        connector.push(new Event.AgentLoggedOut(Scenes.V, null, null));
        Fx.until("logged out", () -> !panel.isVisible());
        connector.push(Scenes.loggedInReady());
        Fx.until("ready again", () -> panel.isVisible());
        assertEquals(1, robot.lookup("#callPanel").queryAll().size(), "the same panel, made once");
    }

    @Test
    void popOversAreMadeOnFirstUseAndTheDialShortcutMakesItsPad(FxRobot robot) {
        ready();
        assertEquals(0, Fx.get(bar::popOversMade), "the bar makes no pop-over before one is opened");
        Click.on(robot, "#callCard");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.until("dial pad open", () -> robot.lookup("#dialNumber").tryQuery().map(n -> n.isVisible()
                && n.getScene().getWindow().isShowing()).orElse(false));
        assertEquals(1, Fx.get(bar::popOversMade), "only the dial pad was made");
        robot.write("42");
        robot.type(KeyCode.ENTER);
        awaitCommand("Dial from the pad the shortcut opened", new Command.Dial("42"));
        Click.on(robot, "#dialPad");
        Fx.until("dial pad open again", () -> robot.lookup("#dialNumber").query().getScene().getWindow().isShowing());
        assertEquals(1, Fx.get(bar::popOversMade), "the same pad is opened again, not a new one");
    }

    @Test
    void burstsOfStoreUpdatesAreCoalesced() throws Exception {
        ready();
        Fx.until("initial update done", () -> true);
        long before = vm.fxUpdateCount();
        // Hold the FX thread while 10,000 updates land, so the count does not depend on timing.
        CountDownLatch fxHeld = new CountDownLatch(1);
        CountDownLatch burstDone = new CountDownLatch(1);
        javafx.application.Platform.runLater(() -> {
            fxHeld.countDown();
            try {
                burstDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(fxHeld.await(10, TimeUnit.SECONDS));
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 10_000; i++) session.store().apply(new Event.QueueWaiting(Scenes.V, null, i));
            burstDone.countDown();
        });
        producer.start();
        producer.join(30_000);
        Fx.until("final state shown", () -> Integer.valueOf(10_000).equals(vm.waitingCallersProperty().get())
                && ((Label) bar.lookup("#waitingCallers")).getText().equals("10,000 waiting"));
        long updates = vm.fxUpdateCount() - before;
        assertTrue(updates >= 1 && updates <= 3, "10,000 store updates caused " + updates + " FX updates");

    }
}
