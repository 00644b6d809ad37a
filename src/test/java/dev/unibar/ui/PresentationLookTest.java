package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.Situation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the presentation looks like: one colour per situation, the same in both themes and whether the pill has
 * a menu or not (vendors that change the state only in their own panel); the second click of a double-click on
 * Answer does not reach the Hold that took its place; a vendor's page keeps the light look in the dark theme;
 * the inspector never opens above the screen.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationLookTest {

    private FakeConnector connector;
    private BarViewModel vm;
    private BarView bar;
    private int pass;

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        TestBar t = TestBar.show(stage, connector);
        vm = t.vm();
        bar = t.bar();
    }

    @AfterEach
    void light() {
        Fx.run(() -> Theme.apply(false));
    }

    private void shown(Situation s) {
        Fx.until("situation " + s, () -> vm.situationProperty().get() == s);
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> {
            bar.applyCss();
            bar.layout();
        });
    }

    /** The colour drawn last, on top: the face (a theme's first fills are borders and focus rings). */
    private static Paint fill(Region r) {
        if (r.getBackground() == null || r.getBackground().getFills().isEmpty()) return Color.TRANSPARENT;
        var fills = r.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    /** Walks the agent through every situation and reads the pill's colour and word in each. */
    private Map<Situation, String> looks(Region pill) {
        Map<Situation, String> out = new EnumMap<>(Situation.class);
        Runnable read = () -> out.put(vm.situationProperty().get(),
                Fx.get(() -> fill(pill) + " " + ((Labeled) pill).getText()));
        connector.push(Scenes.loggedInReady());
        connector.connection(ConnectionStatus.RECONNECTING);
        shown(Situation.NOT_KNOWN);
        read.run();
        connector.connection(ConnectionStatus.CONNECTED);
        shown(Situation.READY);
        read.run();
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        shown(Situation.NOT_READY);
        read.run();
        String call = "look" + (++pass);
        connector.push(Scenes.ringing(call));
        shown(Situation.RINGING);
        read.run();
        connector.push(Scenes.connected(call));
        shown(Situation.ON_CALL);
        read.run();
        connector.push(new Event.CallEnded(Scenes.V, null, call, "remote"),
                new Event.AgentStateChanged(Scenes.V, null, AgentState.WRAP_UP, null, null, 60));
        shown(Situation.WRAP_UP);
        read.run();
        connector.push(new Event.AgentLoggedOut(Scenes.V, null, null));
        shown(Situation.OFFLINE);
        read.run();
        return out;
    }

    @Test
    void everySituationHasOneColourInBothThemes(FxRobot robot) {
        Region pill = robot.lookup("#stateSelector").query();
        Map<Situation, String> light = looks(pill);
        assertEquals(Situation.values().length, light.size(), light.toString());
        assertEquals(light.size(), new HashSet<>(light.values()).size(), "one look per situation: " + light);
        assertEquals("0x1a7f37ff Ready", light.get(Situation.READY));
        assertEquals("0x8250dfff On call", light.get(Situation.ON_CALL), "talking is never a green Ready");
        assertTrue(light.get(Situation.NOT_KNOWN).startsWith("0x00000000 "), "not known has no colour: " + light);
        Fx.run(() -> Theme.apply(true));
        assertEquals(light, looks(pill), "the dark theme shows the same colours");
    }

    @Test
    void aVendorThatChangesTheStateInItsOwnPanelShowsTheSamePill(FxRobot robot) {
        FakeConnector readOnly = new FakeConnector(FakeConnector.capabilitiesWithout(CommandKind.SET_STATE));
        Session s = new Session(readOnly, Clock.systemUTC());
        Stage other = Fx.get(Stage::new);
        BarViewModel otherVm = Fx.get(() -> new BarViewModel(s));
        BarView otherBar = TestBar.onStage(other, otherVm, "en");
        s.start();
        readOnly.push(Scenes.loggedInReady());
        readOnly.push(Scenes.ringing("c1"), Scenes.connected("c1"));
        connector.push(Scenes.loggedInReady());
        connector.push(Scenes.ringing("c1"), Scenes.connected("c1"));
        Fx.until("both on a call", () -> otherVm.situationProperty().get() == Situation.ON_CALL
                && vm.situationProperty().get() == Situation.ON_CALL);
        WaitForAsyncUtils.waitForFxEvents();
        Region label = Fx.get(() -> (Region) otherBar.lookup("#stateReadOnly"));
        Region menu = robot.lookup("#stateSelector").query();
        assertTrue(Fx.get(label::isVisible), "the read-only pill shows");
        assertFalse(Fx.get(() -> otherBar.lookup("#stateSelector").isVisible()), "no menu where the vendor has none");
        assertEquals(Fx.get(() -> fill(menu)), Fx.get(() -> fill(label)), "the same colour");
        assertEquals(Fx.get(() -> ((Labeled) menu).getText()), Fx.get(() -> ((Labeled) label).getText()), "the same word");
        Fx.run(other::close);
        s.stop();
    }

    private static void click(Button b, int count) {
        double x = b.getWidth() / 2;
        double y = b.getHeight() / 2;
        javafx.geometry.Point2D screen = b.localToScreen(x, y);
        for (javafx.event.EventType<MouseEvent> t : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED)) {
            b.fireEvent(new MouseEvent(t, x, y, screen.getX(), screen.getY(), MouseButton.PRIMARY, count,
                    false, false, false, false, t == MouseEvent.MOUSE_PRESSED, false, false, false, false, true, null));
        }
    }

    @Test
    void theSecondClickOfADoubleClickOnAnswerNeverHoldsTheCaller(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        connector.push(Scenes.ringing("c1"));
        Button answer = robot.lookup("#answer").query();
        Button hold = robot.lookup("#hold").query();
        Fx.until("ringing", () -> answer.isVisible() && !answer.isDisabled());
        Fx.run(() -> click(answer, 1));
        Fx.until("answered", () -> connector.commands.contains(new Command.Answer("c1")));
        connector.push(Scenes.connected("c1"));
        Fx.until("Hold in Answer's place", () -> hold.isVisible() && !hold.isDisabled());
        assertEquals(Fx.get(() -> answer.getParent()), Fx.get(() -> hold.getParent()), "the same slot");
        Fx.run(() -> click(hold, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(connector.recorded(Command.Hold.class).isEmpty(), "the double-click's second click did nothing");
        Fx.run(() -> click(hold, 1));
        Fx.until("a click of its own holds", () -> connector.commands.contains(new Command.Hold("c1")));
    }

    @Test
    void aVendorsPageKeepsItsLightLookInTheDarkTheme() {
        Button inPage = new Button("Entrar");
        Button inBar = new Button("Bar");
        inPage.setFocusTraversable(false);
        inBar.setFocusTraversable(false);
        StackPane page = new StackPane(inPage);
        Fx.run(() -> {
            Theme.asTheVendorMadeIt(page);
            Stage s = new Stage();
            Scene scene = new Scene(new VBox(page, inBar));
            scene.getStylesheets().add(UnibarApp.stylesheet());
            s.setScene(scene);
            s.show();
            Theme.apply(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color pageButton = (Color) Fx.get(() -> {
            page.getScene().getRoot().applyCss();
            return fill(inPage);
        });
        Color barButton = (Color) Fx.get(() -> fill(inBar));
        assertTrue(pageButton.getBrightness() > 0.9, "the page's button stays light: " + pageButton);
        assertTrue(barButton.getBrightness() < 0.4, "the bar's own button is dark: " + barButton);
        Fx.run(() -> ((Stage) page.getScene().getWindow()).close());
    }

    @Test
    void theInspectorNeverOpensAboveTheScreen() {
        Map<String, Double> at = new LinkedHashMap<>();
        Fx.run(() -> {
            javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 400, screen.getHeight() - 150));
            owner.setX(screen.getMinX() + 10);
            owner.setY(screen.getMinY() + 100);
            owner.show();
            Stage inspector = new Stage();
            inspector.setScene(new Scene(new StackPane(), 600, 480));
            inspector.show();
            InspectorView.placeBeside(inspector, owner);
            at.put("y", inspector.getY());
            at.put("top", screen.getMinY());
            inspector.close();
            owner.close();
        });
        assertTrue(at.get("y") >= at.get("top"), "inspector at y=" + at.get("y") + ", screen from " + at.get("top"));
    }

    @Test
    void theReasonAndTheConnectionSayWhatThePillCannot(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        Labeled reason = robot.lookup("#stateReason").query();
        Fx.until("the reason beside the pill", () -> reason.getText().equals("Lunch"));
        connector.connection(ConnectionStatus.RECONNECTING);
        Fx.until("the connection beside a not-known pill", () -> reason.getText().equals("Reconnecting…")
                && ((Labeled) robot.lookup("#stateSelector").query()).getText().equals("Not known")
                && ((Labeled) robot.lookup("#timeInState").query()).getText().isEmpty());
        assertNotEquals("", Fx.get(() -> ((Node) robot.lookup("#stateSelector").query()).getAccessibleText()));
    }

    @Test
    void followMeTheAgentSetStaysInSightUntilCancelled(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        Labeled chip = robot.lookup("#followMeActive").query();
        Fx.until("ready", () -> vm.situationProperty().get() == Situation.READY);
        assertFalse(Fx.get(chip::isVisible), "nothing while no follow-me is set");
        connector.push(new Event.AgentFollowMe(Scenes.V, null, true, List.of("11999990000", "2005")));
        Fx.until("shown", () -> chip.isVisible() && chip.getText().equals("Follow-me: 11999990000, 2005"));
        connector.push(new Event.AgentFollowMe(Scenes.V, null, false, List.of()));
        Fx.until("gone once cancelled", () -> !chip.isVisible());
    }
}
