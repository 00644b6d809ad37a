package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole window in Czech: pop-up shortcuts, open menus, the inspector, the vendor panel, titles. */
@ExtendWith(ApplicationExtension.class)
class BarWindowTest {

    private FakeConnector connector;
    private Session session;
    private UnibarApp app;
    private Stage stage;
    private final Region vendorPage = new Region();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vendorPage.setPrefSize(500, 420);
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        session = new Session(connector, Clock.systemUTC());
        BarContext ctx = new BarContext() {
            public Session session() { return session; }
            public Optional<Node> vendorView() { return Optional.of(vendorPage); }
            public dev.unibar.core.LoginForm loginForm() { return dev.unibar.core.LoginForm.plain(null); }
            public List<String> scenarios() { return List.of("inbound", "remote-hangup", "made-up"); }
            public void runScenario(String name) { }
            public String title() { return "Unibar – fake (demo)"; }
            public void close() { session.stop(); }
        };
        Messages cs = Messages.forLanguage("cs");
        app = new UnibarApp();
        Scene scene = app.buildScene(stage, ctx, cs);
        stage.setTitle(UnibarApp.title(cs, ctx));
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        session.start();
    }

    private static void shortcut(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, k).release(k, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private void ready() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> session.store().state().agentState() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void titleAndSimulatorItemsAreInTheAgentsLanguage(FxRobot robot) {
        assertEquals("Unibar – fake (ukázka)", Fx.get(stage::getTitle));
        Click.on(robot, "Simulátor");
        assertTrue(robot.lookup("Příchozí hovor").tryQuery().isPresent(), "a known scenario has its title");
        assertTrue(robot.lookup("made-up").tryQuery().isPresent(), "an unknown one is shown as given");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void answerShortcutWorksWhileThePopUpHasTheKeyboard(FxRobot robot) {
        ready();
        connector.push(Scenes.ringing("c1"));
        Fx.until("pop-up", () -> robot.lookup("#incomingAnswer").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Window popup = robot.lookup("#incomingAnswer").query().getScene().getWindow();
        Fx.run(popup::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow(popup);
        Click.on(robot, "#incomingNumber");
        shortcut(robot, KeyCode.A);
        Fx.until("Answer by shortcut from the pop-up", () -> connector.commands.contains(new Command.Answer("c1")));
    }

    @Test
    void aCallArrivingLeavesAnOpenStateMenuOpen(FxRobot robot) {
        ready();
        MenuButton selector = robot.lookup("#stateSelector").query();
        Click.on(robot, "#stateSelector");
        Fx.until("menu open", selector::isShowing);
        connector.push(Scenes.ringing("c2"));
        Fx.until("ringing", () -> session.store().state().ringingInbound().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertTrue(Fx.get(selector::isShowing), "the agent's open menu stays open");
        Fx.run(selector::hide);
    }

    @Test
    void inspectorOpensBesideTheBarAndItsShortcutClosesIt(FxRobot robot) {
        ready();
        Click.on(robot, "#callCard");
        shortcut(robot, KeyCode.I);
        Fx.until("inspector open", () -> app.inspectorStage() != null && app.inspectorStage().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        Stage inspector = app.inspectorStage();
        boolean overlaps = Fx.get(() -> inspector.getY() < stage.getY() + stage.getHeight()
                && stage.getY() < inspector.getY() + inspector.getHeight()
                && inspector.getX() < stage.getX() + stage.getWidth()
                && stage.getX() < inspector.getX() + inspector.getWidth());
        assertFalse(overlaps, "the inspector does not cover the bar");
        // A long line is shown whole in the detail view.
        String longRaw = "{\"event\":\"x\",\"payload\":\"" + "y".repeat(600) + "\"}";
        connector.pushRaw(longRaw, new dev.unibar.core.model.Event.QueueWaiting(Scenes.V, null, 3));
        robot.targetWindow(inspector);
        Fx.until("row", () -> inspector.getScene().lookup("#inspectorTable") != null
                && !((javafx.scene.control.TableView<?>) inspector.getScene().lookup("#inspectorTable")).getItems().isEmpty());
        Fx.run(() -> {
            var table = (javafx.scene.control.TableView<?>) inspector.getScene().lookup("#inspectorTable");
            table.getSelectionModel().select(table.getItems().size() - 1);
        });
        TextArea detail = (TextArea) Fx.get(() -> inspector.getScene().lookup("#inspectorDetail"));
        assertNotNull(detail);
        Fx.until("detail shows the whole message", () -> detail.getText().contains(longRaw));
        Fx.run(inspector::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        shortcut(robot, KeyCode.I);
        Fx.until("inspector closed by its shortcut", () -> !inspector.isShowing());
    }

    @Test
    void vendorPanelGrowsAndShrinksTheWindowOnceItsAnimationIsOver(FxRobot robot) {
        ready();
        double collapsed = Fx.get(stage::getHeight);
        Fx.run(() -> ((javafx.scene.control.TitledPane) robot.lookup("#vendorPanel").query()).setExpanded(true));
        Fx.until("window grew to show the vendor's bar", () -> stage.getHeight() >= collapsed + 400);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(() -> vendorPage.getHeight() >= 400), "the vendor's bar is visible");
        Fx.run(() -> ((javafx.scene.control.TitledPane) robot.lookup("#vendorPanel").query()).setExpanded(false));
        Fx.until("window back to its compact height", () -> Math.abs(stage.getHeight() - collapsed) < 2);
    }
}
