package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window UnibarApp builds: simulator menu, vendor panel, incoming-call popup and shortcuts. */
@ExtendWith(ApplicationExtension.class)
class AppTest {

    private FakeConnector connector;
    private Session session;
    private final List<String> scenariosRun = new CopyOnWriteArrayList<>();
    private Label vendorPage;

    @Start
    void start(Stage stage) {
        vendorPage = new Label("vendor page");
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        session = new Session(connector, Clock.systemUTC());
        BarContext ctx = new BarContext() {
            public Session session() { return session; }
            public Optional<Node> vendorView() { return Optional.of(vendorPage); }
            public LoginForm loginForm() { return new LoginForm(true, List.of(), false, null, null, null); }
            public List<String> scenarios() { return List.of("inbound-call", "burst"); }
            public void runScenario(String name) { scenariosRun.add(name); }
            public String title() { return "Unibar — fake"; }
            public void close() { session.stop(); }
        };
        Scene scene = new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en"));
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        session.start();
    }

    @Test
    void simulatorMenuRunsScenarios(FxRobot robot) {
        MenuBar menus = robot.lookup("#menuBar").query();
        assertEquals(List.of("View", "Session", "Simulator"), Fx.get(() -> menus.getMenus().stream().map(m -> m.getText()).toList()));
        Click.on(robot, "Simulator");
        Click.on(robot, "burst");
        Fx.until("scenario run", () -> scenariosRun.equals(List.of("burst")));
    }

    @Test
    void vendorPanelHoldsTheVendorsView(FxRobot robot) {
        assertTrue(Fx.get(() -> robot.lookup("#vendorPanel").query().isVisible()));
        assertTrue(Fx.get(() -> vendorPage.getScene() != null), "vendor node is in the window");
    }

    @Test
    void incomingCallPopupAnswers(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        connector.push(Scenes.ringing("c7"));
        Fx.until("popup shown", () -> robot.lookup("#incomingAnswer").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Scenes.NUMBER, Fx.get(() -> ((Label) robot.lookup("#incomingNumber").query()).getText()));
        Click.on(robot, "#incomingAnswer");
        Fx.until("Answer recorded", () -> connector.commands.contains(new Command.Answer("c7")));
        Fx.until("popup gone", () -> robot.lookup("#incomingAnswer").tryQuery().isEmpty());
    }

    @Test
    void hangupShortcutOnlyWhenAllowed(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> session.store().state().agentState() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#callCard");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.H)
                .release(javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), connector.recorded(Command.Hangup.class), "nothing to hang up");
        connector.push(Scenes.ringing("c8"), Scenes.connected("c8"));
        Fx.until("talking", () -> session.store().state().activeCall().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#callCard");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.H)
                .release(javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        Fx.until("Hangup by shortcut", () -> connector.commands.contains(new Command.Hangup("c8")));
    }

    private static void shortcut(FxRobot robot, javafx.scene.input.KeyCode k) {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, k)
                .release(k, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
    }

    @Test
    void inspectorAndDialPadShortcutsOpenTheirWindows(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> session.store().state().agentState() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
        Click.on(robot, "#callCard");
        shortcut(robot, javafx.scene.input.KeyCode.D);
        Fx.until("dial pad open", () -> robot.lookup("#dialNumber").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        Click.on(robot, "#callCard");
        shortcut(robot, javafx.scene.input.KeyCode.I);
        Fx.until("inspector open", () -> robot.lookup("#inspectorTable").tryQuery().isPresent());
    }

    @Test
    void conferenceAndAccountCode(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        connector.push(Scenes.ringing("c1"), Scenes.connected("c1"));
        Fx.until("talking", () -> More.offered(robot, "conference"));
        WaitForAsyncUtils.waitForFxEvents();
        More.choose(robot, "conference");
        Click.on(robot, "#conferenceStart");
        Fx.until("Conference", () -> connector.commands.contains(new Command.Conference("c1", null, false)));
        connector.push(new dev.unibar.core.model.Event.CallEnded(Scenes.V, null, "c1", null));
        Fx.until("call gone, account code still allowed", () -> session.store().state().calls().isEmpty()
                && More.offered(robot, "moreAccountCode"));
        WaitForAsyncUtils.waitForFxEvents();
        More.choose(robot, "moreAccountCode");
        Click.on(robot, "#accountCodeField").write("ACME-42");
        Click.on(robot, "#accountCodeSave");
        Fx.until("SetAccountCode for the last call", () -> connector.commands.contains(
                new Command.SetAccountCode("c1", "ACME-42", null, false)));
    }

    @Test
    void theWindowHasIcons() {
        assertEquals(4, UnibarApp.icons().size());
        assertTrue(UnibarApp.icons().stream().noneMatch(javafx.scene.image.Image::isError));
    }

    @Test
    void theIconsComeRightAfterTheFirstFrame() {
        Stage[] made = new Stage[1];
        Fx.run(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.control.Label("x")));
            UnibarApp.iconsAfterFirstFrame(s);
            assertTrue(s.getIcons().isEmpty(), "not before the first frame");
            s.show();
            made[0] = s;
        });
        Fx.until("icons after the first frame", () -> made[0].getIcons().size() == 4);
        Fx.run(made[0]::close);
    }
}
