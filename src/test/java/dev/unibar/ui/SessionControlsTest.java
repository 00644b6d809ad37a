package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;

import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The controls beyond the basic call buttons, through the window UnibarApp builds: the Session menu
 * (change phone, queues, log out), the logout confirmation, the dial pad's queue and internal flag, the
 * transfer's internal flag and the conference popover. Each is checked for the exact command it sends,
 * for following the guard and for disappearing when the vendor lacks the command.
 */
@ExtendWith(ApplicationExtension.class)
class SessionControlsTest {

    private Stage stage;
    private FakeConnector connector;
    private Session session;
    private BarView bar;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setX(0);
        stage.setY(0);
        build(FakeConnector.capabilitiesWithout(true), true);
        stage.show();
    }

    /** Replaces the window content: a fresh session on a connector with these capabilities. */
    private void build(Capabilities caps, boolean distinguishesInternal) {
        if (session != null) session.stop();
        connector = new FakeConnector(caps);
        Session s = new Session(connector, Clock.systemUTC());
        session = s;
        BarContext ctx = new BarContext() {
            public Session session() { return s; }
            public Optional<Node> vendorView() { return Optional.empty(); }
            public LoginForm loginForm() { return new LoginForm(false, List.of(), distinguishesInternal, null, null, null); }
            public List<String> scenarios() { return List.of(); }
            public void runScenario(String name) { }
            public String title() { return "Unibar — fake"; }
            public void close() { s.stop(); }
        };
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        bar = (BarView) stage.getScene().lookup("#bar");
        s.start();
    }

    private void rebuild(Capabilities caps, boolean distinguishesInternal) {
        Fx.run(() -> build(caps, distinguishesInternal));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private MenuItem item(String id) {
        return Fx.get(() -> bar.sessionMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow());
    }

    private void ready() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> session.store().state().agentState() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void talking(FxRobot robot, String id) {
        connector.push(Scenes.ringing(id), Scenes.connected(id));
        Fx.until("talking", () -> !node(robot, "#hold").isDisabled() && robot.lookup("#incomingAnswer").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitCommand(String what, Command expected) {
        Fx.until(what + " recorded, saw " + connector.commands, () -> connector.commands.contains(expected));
    }

    private void menu(FxRobot robot, String itemId) {
        Click.on(robot, "Session");
        Click.on(robot, itemId);
    }

    // ---- Session menu ----

    @Test
    void sessionMenuFollowsTheGuard(FxRobot robot) {
        for (String id : List.of("menuLogout", "menuChangePhone", "menuQueues")) {
            assertTrue(Fx.get(item(id)::isVisible), id + " shown: the vendor supports it");
            assertTrue(Fx.get(item(id)::isDisable), id + " forbidden before the session is ready");
        }
        assertTrue(Fx.get(() -> node(robot, "#logout").isDisabled()));
        assertTrue(Fx.get(() -> node(robot, "#logout").isVisible()));
        ready();
        for (String id : List.of("menuLogout", "menuChangePhone", "menuQueues")) {
            assertFalse(Fx.get(item(id)::isDisable), id + " allowed once ready");
        }
        assertFalse(Fx.get(() -> node(robot, "#logout").isDisabled()));
        connector.push(new Event.AgentLoggedOut(Scenes.V, null, null));
        Fx.until("forbidden again after logout", () -> item("menuLogout").isDisable()
                && item("menuQueues").isDisable() && node(robot, "#logout").isDisabled());
        assertEquals(List.of(), connector.commands, "no command sent by merely looking");
    }

    @Test
    void sessionMenuHidesWhatTheVendorLacks(FxRobot robot) {
        rebuild(FakeConnector.capabilitiesWithout(CommandKind.LOGOUT, CommandKind.IDENTIFY,
                CommandKind.SUSPEND_QUEUE, CommandKind.RESUME_QUEUE), false);
        ready();
        for (String id : List.of("menuLogout", "menuChangePhone", "menuQueues")) {
            assertFalse(Fx.get(item(id)::isVisible), id + " hidden: the vendor lacks it");
        }
        assertFalse(Fx.get(() -> node(robot, "#logout").isVisible()));
        assertFalse(Fx.get(() -> node(robot, "#logout").isManaged()), "takes no room in the status line");
    }

    @Test
    void changePhoneWhileReadySendsIdentify(FxRobot robot) {
        ready();
        menu(robot, "#menuChangePhone");
        awaitCommand("Identify", new Command.Identify());
    }

    @Test
    void changePhoneIsForbiddenWhereTheVendorOnlyAllowsItWhilePairing(FxRobot robot) {
        rebuild(FakeConnector.capabilitiesWithout(), false);
        ready();
        assertTrue(Fx.get(item("menuChangePhone")::isVisible));
        assertTrue(Fx.get(item("menuChangePhone")::isDisable), "IDENTIFY is not allowed in READY here");
        Fx.run(() -> item("menuChangePhone").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.recorded(Command.Identify.class));
    }

    // ---- logout ----

    @Test
    void logoutAlwaysAsksAndAStrayKeyInTheQuestionKeepsTheSession(FxRobot robot) {
        ready();
        menu(robot, "#menuLogout");
        Fx.until("question", () -> robot.lookup("#logoutConfirm").tryQuery().isPresent());
        Fx.until("the safe answer has the keyboard", () -> robot.lookup("#logoutCancel").query().isFocused());
        assertFalse(Fx.get(() -> ((javafx.scene.control.Button) robot.lookup("#logoutConfirm").query()).isDefaultButton()),
                "Enter never approves");
        robot.type(KeyCode.ENTER);
        Fx.until("closed by Enter", () -> robot.lookup("#logoutConfirm").tryQuery().isEmpty());
        assertEquals(List.of(), connector.recorded(Command.Logout.class), "Enter kept the session");

        // Shift+Tab from the call card lands on Log out: Space there asks, it never signs out at once.
        Click.on(robot, "#callCard");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        Fx.until("Log out focused", () -> robot.lookup("#logout").query().isFocused());
        robot.type(KeyCode.SPACE);
        Fx.until("question again", () -> robot.lookup("#logoutConfirm").tryQuery().isPresent());
        Fx.until("the safe answer has the keyboard", () -> robot.lookup("#logoutCancel").query().isFocused());
        robot.type(KeyCode.SPACE);
        Fx.until("closed by Space", () -> robot.lookup("#logoutConfirm").tryQuery().isEmpty());
        assertEquals(List.of(), connector.recorded(Command.Logout.class), "Space kept the session");

        Click.on(robot, "#logout");
        Fx.until("question a third time", () -> robot.lookup("#logoutConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#logoutConfirm");
        awaitCommand("Logout once confirmed", new Command.Logout());
    }

    @Test
    void quitAsksOnlyWhenItWouldDropASession(FxRobot robot) {
        java.util.concurrent.atomic.AtomicInteger quits = new java.util.concurrent.atomic.AtomicInteger();
        Fx.run(() -> bar.quit(quits::incrementAndGet));
        assertEquals(1, quits.get(), "nothing to drop before the sign-in: quits at once");
        ready();
        Click.on(robot, "View");
        Click.on(robot, "#menuQuit");
        Fx.until("View, Quit asks", () -> robot.lookup("#quitConfirm").tryQuery().isPresent());
        Fx.until("the safe answer has the keyboard", () -> robot.lookup("#quitCancel").query().isFocused());
        robot.type(KeyCode.ENTER);
        Fx.until("closed by Enter", () -> robot.lookup("#quitConfirm").tryQuery().isEmpty());
        assertTrue(Fx.get(stage::isShowing), "the bar is still there");
        Fx.run(() -> bar.quit(quits::incrementAndGet));
        Fx.until("asked again", () -> robot.lookup("#quitConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#quitConfirm");
        Fx.until("quit once confirmed", () -> quits.get() == 2);
    }

    @Test
    void theAgentStateIsInTheSessionMenuAndReachedByTab(FxRobot robot) {
        ready();
        menu(robot, "#menu-reason-lunch");
        awaitCommand("pause from the Session menu", new Command.SetState(AgentState.NOT_READY, "lunch"));
        menu(robot, "#menu-state-READY");
        awaitCommand("ready from the Session menu", new Command.SetState(AgentState.READY, null));

        Click.on(robot, "#callCard");
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 8 && !seen.contains("stateSelector"); i++) {
            robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node owner = Fx.get(() -> stage.getScene().getFocusOwner());
            seen.add(owner == null ? "none" : String.valueOf(owner.getId()));
        }
        assertTrue(seen.contains("stateSelector"), "Shift+Tab reaches the state pill: " + seen);
        robot.type(KeyCode.SPACE);
        Fx.until("its menu open", () -> robot.lookup("#reason-lunch").tryQuery().map(Node::isVisible).orElse(false));
        for (int i = 0; i < 4 && !Fx.get(() -> robot.lookup("#reason-lunch").query().isFocused()); i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.type(KeyCode.ENTER);
        awaitCommand("a state picked with the keyboard", new Command.SetState(AgentState.NOT_READY, "lunch"));
    }

    @Test
    void logoutDuringACallAsksFirst(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Click.on(robot, "#logout");
        Fx.until("confirmation shown", () -> robot.lookup("#logoutConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.recorded(Command.Logout.class), "nothing sent before the answer");
        Click.on(robot, "#logoutCancel");
        Fx.until("confirmation closed", () -> robot.lookup("#logoutConfirm").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.recorded(Command.Logout.class), "cancel keeps the session");

        menu(robot, "#menuLogout");
        Fx.until("confirmation shown again", () -> robot.lookup("#logoutConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#logoutConfirm");
        awaitCommand("Logout after confirming", new Command.Logout());
        assertEquals(1, connector.recorded(Command.Logout.class).size());
    }

    // ---- queues ----

    @Test
    void queuesSuspendAndResumeTheTypedQueue(FxRobot robot) {
        ready();
        menu(robot, "#menuQueues");
        Fx.until("queue popover", () -> robot.lookup("#queueId").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#queueId").write("q7");
        // The vendors take numeric queue ids: the field keeps the digits only.
        assertEquals("7", Fx.get(() -> ((javafx.scene.control.TextField) node(robot, "#queueId")).getText()));
        Click.on(robot, "#suspendQueue");
        awaitCommand("SuspendQueue", new Command.SuspendQueue("7"));

        menu(robot, "#menuQueues");
        Fx.until("queue popover again", () -> robot.lookup("#resumeQueue").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#resumeQueue");
        awaitCommand("ResumeQueue", new Command.ResumeQueue("7"));

        // The popover's buttons follow the guard while it is open.
        menu(robot, "#menuQueues");
        Fx.until("queue popover a third time", () -> robot.lookup("#suspendQueue").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(Fx.get(() -> node(robot, "#suspendQueue").isDisabled()));
        connector.push(new Event.AgentLoggedOut(Scenes.V, null, null));
        // Logging out may also close the popover (its anchor is re-laid out); either way nothing can be sent.
        Fx.until("queue buttons forbidden after logout", () -> unusable(robot, "#suspendQueue")
                && unusable(robot, "#resumeQueue"));
    }

    @Test
    void aBlankQueueIdSendsNothing(FxRobot robot) {
        ready();
        menu(robot, "#menuQueues");
        Fx.until("queue popover", () -> robot.lookup("#suspendQueue").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#suspendQueue");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.commands);
    }

    @Test
    void queueButtonsHideOneByOne(FxRobot robot) {
        rebuild(FakeConnector.capabilitiesWithout(CommandKind.RESUME_QUEUE), false);
        ready();
        assertTrue(Fx.get(item("menuQueues")::isVisible), "suspending alone still needs the menu");
        menu(robot, "#menuQueues");
        Fx.until("queue popover", () -> robot.lookup("#suspendQueue").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(Fx.get(() -> node(robot, "#resumeQueue").isVisible()), "the vendor cannot resume queues");
    }

    // ---- dial pad ----

    @Test
    void dialSendsTheQueueAndTheInternalFlag(FxRobot robot) {
        ready();
        Click.on(robot, "#dialPad");
        Fx.until("dial pad", () -> robot.lookup("#dialInternal").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#dialNumber").write("2005");
        Click.on(robot, "#dialQueue").write("camp1");
        Click.on(robot, "#dialInternal");
        Click.on(robot, "#dial");
        awaitCommand("Dial with queue and internal", new Command.Dial("2005", "camp1", true));

        Click.on(robot, "#dialPad");
        Fx.until("dial pad again", () -> robot.lookup("#dialQueue").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Fx.get(() -> ((CheckBox) node(robot, "#dialInternal")).isSelected()), "internal resets per call");
        Fx.run(() -> ((javafx.scene.control.TextField) node(robot, "#dialQueue")).clear());
        Click.on(robot, "#dialNumber").write("0800123");
        Click.on(robot, "#dial");
        awaitCommand("Dial without queue", new Command.Dial("0800123", null, false));
    }

    @Test
    void dialWithoutTheInternalChoiceForVendorsThatDoNotNeedIt(FxRobot robot) {
        rebuild(FakeConnector.capabilitiesWithout(true), false);
        ready();
        Click.on(robot, "#dialPad");
        Fx.until("dial pad", () -> robot.lookup("#dialQueue").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Fx.get(() -> node(robot, "#dialInternal").isVisible()), "UCS-like vendor: no internal box");
        Click.on(robot, "#dialNumber").write("777000111");
        Click.on(robot, "#dialQueue").write("directCall");
        Click.on(robot, "#dial");
        awaitCommand("Dial direct", new Command.Dial("777000111", "directCall", false));
    }

    // ---- transfer ----

    @Test
    void transferSendsTheInternalFlag(FxRobot robot) {
        ready();
        talking(robot, "c1");
        Click.on(robot, "#transfer");
        Fx.until("transfer popover", () -> robot.lookup("#transferInternal").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#transferTarget").write("2002");
        Click.on(robot, "#transferInternal");
        Click.on(robot, "#blindTransfer");
        awaitCommand("internal BlindTransfer", new Command.BlindTransfer("c1", "2002", true));

        Click.on(robot, "#transfer");
        Fx.until("transfer popover again", () -> robot.lookup("#consult").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#transferTarget").write("3003");
        Click.on(robot, "#transferInternal");
        Click.on(robot, "#consult");
        awaitCommand("internal Consult", new Command.Consult("c1", "3003", true));
    }

    @Test
    void transferHasNoInternalChoiceForVendorsThatDoNotNeedIt(FxRobot robot) {
        rebuild(FakeConnector.capabilitiesWithout(true), false);
        ready();
        talking(robot, "c1");
        Click.on(robot, "#transfer");
        Fx.until("transfer popover", () -> robot.lookup("#consult").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(Fx.get(() -> node(robot, "#transferInternal").isVisible()));
    }

    // ---- conference ----

    @Test
    void conferenceWithAParticipant(FxRobot robot) {
        ready();
        assertFalse(More.offered(bar, "conference"), "no conference without a call");
        talking(robot, "c1");
        More.choose(robot, "conference");
        Fx.until("conference popover", () -> robot.lookup("#conferenceStart").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(() -> node(robot, "#conferenceInternal").isVisible()));
        Click.on(robot, "#conferenceParticipant").write("3003");
        Click.on(robot, "#conferenceInternal");
        Click.on(robot, "#conferenceStart");
        awaitCommand("Conference with participant", new Command.Conference("c1", "3003", true));
    }

    @Test
    void conferenceWithoutAParticipantJoinsTheHeldCallerAndTheConsultedParty(FxRobot robot) {
        ready();
        talking(robot, "c1");
        connector.push(new Event.CallHeld(Scenes.V, null, "c1"),
                new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2003")),
                new Event.CallConnected(Scenes.V, null, "c2", null));
        Fx.until("consultation", () -> node(robot, "#heldLine").isVisible() && More.offered(bar, "conference"));
        WaitForAsyncUtils.waitForFxEvents();
        More.choose(robot, "conference");
        Fx.until("conference popover", () -> robot.lookup("#conferenceStart").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        // In a consultation there is no number to give: the conference joins the two parties the agent has.
        assertFalse(robot.lookup("#conferenceParticipant").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(robot.lookup("#conferenceInternal").tryQuery().map(Node::isVisible).orElse(false));
        Click.on(robot, "#conferenceStart");
        awaitCommand("Conference of held and consulted", new Command.Conference("c1", null, false));
    }

    @Test
    void conferenceStartFollowsTheGuardAndHidesWhenUnsupported(FxRobot robot) {
        ready();
        talking(robot, "c1");
        More.choose(robot, "conference");
        Fx.until("conference popover", () -> robot.lookup("#conferenceStart").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(Fx.get(() -> node(robot, "#conferenceStart").isDisabled()));
        connector.push(new Event.CallEnded(Scenes.V, null, "c1", null));
        Fx.until("start forbidden once the call ended", () -> unusable(robot, "#conferenceStart"));
        assertEquals(List.of(), connector.recorded(Command.Conference.class));

        rebuild(FakeConnector.capabilitiesWithout(true, CommandKind.CONFERENCE), true);
        ready();
        assertFalse(Fx.get(() -> bar.callControls().more().getItems().stream().anyMatch(i -> "conference".equals(i.getId()))),
                "vendor without conferences");
    }

    /** Absent, hidden or disabled: the agent cannot press it. */
    private static boolean unusable(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery()
                .map(n -> n.isDisabled() || !n.isVisible() || n.getScene() == null || n.getScene().getWindow() == null
                        || !n.getScene().getWindow().isShowing())
                .orElse(true);
    }
}
