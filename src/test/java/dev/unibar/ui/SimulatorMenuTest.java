package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulator menu in Czech: scenario titles from the bundle, and the switch for the automatic demo calls. */
@ExtendWith(ApplicationExtension.class)
class SimulatorMenuTest {

    private final AtomicBoolean demoCalls = new AtomicBoolean(true);
    private final List<Boolean> switched = new CopyOnWriteArrayList<>();
    private MenuBar menus;

    @Start
    void start(Stage stage) {
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        BarContext ctx = new BarContext() {
            public Session session() { return session; }
            public Optional<Node> vendorView() { return Optional.empty(); }
            public LoginForm loginForm() { return LoginForm.plain(null); }
            public List<String> scenarios() { return List.of("inbound", "after-call-work", "no-such-title"); }
            public void runScenario(String name) { }
            public String title() { return "fake"; }
            public void close() { session.stop(); }
            @Override public boolean offersDemoCalls() { return true; }
            @Override public boolean demoCallsOn() { return demoCalls.get(); }
            @Override public void setDemoCalls(boolean on) {
                demoCalls.set(on);
                switched.add(on);
            }
        };
        Scene scene = new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("cs"));
        menus = (MenuBar) scene.lookup("#menuBar");
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    private Menu simulator() {
        return menus.getMenus().stream().filter(m -> "menuSimulator".equals(m.getId())).findFirst().orElseThrow();
    }

    @Test
    void scenariosShowTheirTitlesInTheAgentsLanguage() {
        List<String> texts = Fx.get(() -> simulator().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(texts.contains("Příchozí hovor"), texts.toString());
        assertTrue(texts.contains("Práce po hovoru"), texts.toString());
        assertTrue(texts.contains("Automatické ukázkové hovory"), texts.toString());
        assertFalse(texts.contains("inbound") || texts.contains("after-call-work"), texts.toString());
    }

    @Test
    void theDemoCallsItemSwitchesTheSimulatorsOwnCalls(FxRobot robot) {
        CheckMenuItem item = Fx.get(() -> (CheckMenuItem) simulator().getItems().stream()
                .filter(i -> "menuDemoCalls".equals(i.getId())).findFirst().orElseThrow());
        assertTrue(Fx.get(item::isSelected), "on in demo mode by default");
        Click.on(robot, "Simulátor");
        Click.on(robot, "Automatické ukázkové hovory");
        Fx.until("switched off", () -> switched.equals(List.of(false)) && !item.isSelected());
        // Something else (a flow run) switched them back on: the menu shows it when it opens again.
        demoCalls.set(true);
        Click.on(robot, "Simulátor");
        Fx.until("shown as on", item::isSelected);
        Click.on(robot, "Automatické ukázkové hovory");
        Fx.until("switched off again", () -> switched.equals(List.of(false, false)));
    }
}
