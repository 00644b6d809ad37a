package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.connectors.epbx.EpbxModule;

import dev.unibar.core.Session;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No text in the bar is hard-coded: built in Portuguese with a call on hold during a consultation,
 * every Labeled's text is a bundle value, a bundle pattern filled in, or the vendor's own data.
 */
@ExtendWith(ApplicationExtension.class)
class LabelsFromBundleTest {

    private FakeConnector connector;
    private BarViewModel vm;
    private BarView bar;
    private Messages msg;

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        vm = new BarViewModel(session);
        msg = Messages.forLanguage("pt-BR");
        bar = new BarView(vm, msg, new LoginForm(false, EpbxModule.DEVICE_TYPES, false, null, null, null), null, () -> { });
        stage.setScene(new Scene(bar));
        stage.show();
        session.start();
    }

    @Test
    void everyLabelComesFromTheBundleOrTheData(FxRobot robot) {
        connector.push(Scenes.loggedInReady());
        connector.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false));
        connector.push(Scenes.ringing("c1"), Scenes.connected("c1"));
        connector.push(new Event.CallHeld(Scenes.V, null, "c1"),
                new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2003")),
                new Event.CallConnected(Scenes.V, null, "c2", null),
                new Event.CallMuted(Scenes.V, null, "c2"),
                new Event.QueueWaiting(Scenes.V, null, 4));
        connector.malformed("{x", "bad");
        Fx.until("consultation shown", () -> vm.heldCallProperty().get() != null && vm.mutedProperty().get()
                && vm.malformedCountProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        List<Pattern> allowed = new ArrayList<>();
        ResourceBundle b = msg.bundle();
        for (String k : Collections.list(b.getKeys())) {
            String v = b.getString(k);
            // A pattern's placeholders stand for data; everything else must match literally.
            String[] parts = v.replace("''", "'").split("\\{\\d}", -1);
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) re.append(".+");
                re.append(Pattern.quote(parts[i]));
            }
            allowed.add(Pattern.compile(re.toString()));
        }
        Set<String> data = Set.of(FakeConnector.VENDOR, Scenes.AGENT, "2003", Scenes.NUMBER, Scenes.NAME, Scenes.QUEUE,
                "Lunch");
        Pattern duration = Pattern.compile("\\d{2}:\\d{2}");

        List<String> seen = new ArrayList<>();
        List<String> stray = new ArrayList<>();
        Fx.run(() -> walk(bar, n -> {
            if (!(n instanceof Labeled l)) return;
            String t = l.getText();
            if (t == null || t.isEmpty()) return;
            seen.add(t);
            boolean ok = data.contains(t) || duration.matcher(t).matches()
                    || allowed.stream().anyMatch(p -> p.matcher(t).matches());
            if (!ok) stray.add((n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName()) + "=" + t);
        }));
        // The popovers and the Session menu are outside the bar's scene graph; the dial keys are digits.
        Pattern key = Pattern.compile("[0-9*#]");
        List<String> strayElsewhere = new ArrayList<>();
        List<String> seenElsewhere = new ArrayList<>();
        Fx.run(() -> {
            for (Node pane : bar.popoverContents()) {
                walk(pane, n -> {
                    if (!(n instanceof Labeled l)) return;
                    String t = l.getText();
                    if (t == null || t.isEmpty() || key.matcher(t).matches()) return;
                    seenElsewhere.add(t);
                    if (allowed.stream().noneMatch(p -> p.matcher(t).matches())) strayElsewhere.add("#" + n.getId() + "=" + t);
                });
                walkPrompts(pane, t -> {
                    if (allowed.stream().noneMatch(p -> p.matcher(t).matches())) strayElsewhere.add("prompt=" + t);
                });
            }
            List<javafx.scene.control.MenuItem> items = new ArrayList<>(bar.sessionMenu().getItems());
            items.addAll(bar.callControls().more().getItems());
            for (javafx.scene.control.MenuItem i : items) {
                String t = i.getText();
                if (t != null && allowed.stream().noneMatch(p -> p.matcher(t).matches())) strayElsewhere.add(i.getId() + "=" + t);
            }
        });
        assertEquals(List.of(), strayElsewhere, "popover or menu text not from the bundle");
        assertTrue(seenElsewhere.containsAll(List.of("Iniciar conferência", "Ramal interno", "Suspender")),
                "the walk saw the popovers: " + seenElsewhere);
        assertEquals("Sessão", Fx.get(() -> bar.sessionMenu().getText()));

        assertTrue(seen.size() > 20, "the walk saw the bar: " + seen);
        assertTrue(seen.contains("Retomar") || seen.contains("Espera"), "hold button seen in Portuguese: " + seen);
        assertTrue(seen.contains("Em chamada"), "on a call while the vendor still says paused: " + seen);
        assertEquals(List.of(), stray, "labels not from the bundle");
        assertTrue(vm.isSupported(CommandKind.CONFERENCE));
    }

    private static void walkPrompts(Node n, java.util.function.Consumer<String> f) {
        walk(n, c -> {
            if (c instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null
                    && !t.getPromptText().isEmpty()) f.accept(t.getPromptText());
        });
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, f);
    }
}
