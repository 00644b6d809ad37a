package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.model.NoticeLevel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every word the bar shows is in the agent's language: each screen and situation of the bar (the states of
 * {@link ScreenshotSuiteTest}, the pop-overs, the menus, "More", the confirmations, the inspector) is rendered in
 * all five languages, and every visible text, prompt and screen-reader name is compared with the English one at
 * the same place. A text that is still the English one in another language fails the test, unless it is the
 * vendor's data, a number or time, or a word the language shares with English (product names, "Chat").
 */
@ExtendWith(ApplicationExtension.class)
class EveryWordTranslatedTest {

    /** The same in every language: product names, media names, the test's own data. */
    private static final Set<String> SHARED = Set.of("Unibar", "UCS", "EPBX", "AgentDesktop", "MAX", "Evolux", "fake",
            "Chat", "SMS", "WhatsApp", "E-mail", "Video", Scenes.AGENT, Scenes.NAME, Scenes.NUMBER, Scenes.QUEUE, "Lucas",
            "Lunch", "Training", "Ramal em intervalo não permite discar", "2002", "2003");
    /** Words a language writes as English does. */
    private static final Map<String, Set<String>> SAME_WORD = Map.of(
            "it", Set.of("Password"),
            "fr", Set.of("Session", "Participants", "Pause"),
            "pt-BR", Set.of(),
            "cs", Set.of());
    /** Numbers, times, counters, keys and punctuation. */
    private static final Pattern NO_WORDS = Pattern.compile("[\\d\\s:+*#().,/·★–—-]*");

    @AfterAll
    static void english() {
        Fx.run(() -> Theme.apply(false));
    }

    @Test
    void noEnglishInAnotherLanguage() {
        Map<String, String> english = texts("en");
        assertTrue(english.size() > 150, "the walk saw the bar: " + english.size() + " texts");
        List<String> problems = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            if (lang.equals("en")) continue;
            Map<String, String> other = texts(lang);
            assertEquals(english.keySet().size(), other.keySet().size(), lang + ": the same places as in English");
            for (Map.Entry<String, String> e : other.entrySet()) {
                String t = e.getValue();
                if (!t.equals(english.get(e.getKey())) || allowed(lang, t)) continue;
                problems.add(lang + " " + e.getKey() + " = \"" + t + "\"");
            }
        }
        assertEquals(List.of(), problems, "English left in other languages");
    }

    private static boolean allowed(String lang, String t) {
        String s = t.strip();
        return s.isEmpty() || NO_WORDS.matcher(s).matches() || SHARED.contains(s)
                || SAME_WORD.getOrDefault(lang, Set.of()).contains(s);
    }

    /** Every text of every screen, by where it is: "state / path of ids" → text. */
    private static Map<String, String> texts(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        Messages msg = Messages.forLanguage(lang);
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        Stage stage = Fx.get(Stage::new);
        BarViewModel vm = Fx.get(() -> new BarViewModel(session));
        BarView bar = TestBar.onStage(stage, vm, lang);
        session.start();
        for (Map.Entry<String, Runnable> s : ScreenshotSuiteTest.states(connector).entrySet()) {
            s.getValue().run();
            WaitForAsyncUtils.waitForFxEvents();
            Fx.until(s.getKey() + " shown", () -> session.store().state() == vm.stateProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            Fx.run(() -> walk(s.getKey(), bar, out, true));
        }
        // The bar's own refusal, in the strip.
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> session.store().state() == vm.stateProperty().get());
        Fx.run(() -> vm.send(new dev.unibar.core.command.Command.Answer("none")));
        Fx.until("refusal shown", () -> vm.messageProperty().get() != null
                && vm.messageProperty().get().level() == NoticeLevel.WARNING);
        Fx.run(() -> walk("refusal", bar, out, true));
        Fx.run(() -> {
            int i = 0;
            for (Node pane : bar.popoverContents()) walk("popover" + i++, pane, out, false);
            menu("session", bar.sessionMenu(), out);
            for (MenuItem m : bar.callControls().more().getItems()) add(out, "more/" + m.getId(), m.getText());
            for (MenuItem m : ((javafx.scene.control.MenuButton) bar.lookup("#stateSelector")).getItems()) {
                add(out, "pill/" + m.getId(), m.getText());
            }
            Node inspector = new InspectorView(session.inspector(), msg);
            walk("inspector", inspector, out, false);
        });
        // The confirmations (the call keeps a session and a call up).
        connector.push(Scenes.ringing("x1"), Scenes.connected("x1"));
        Fx.until("a call", () -> session.store().state() == vm.stateProperty().get() && vm.hasCalls());
        for (Runnable ask : List.<Runnable>of(bar::logout, () -> bar.quit(() -> { }))) {
            Fx.run(ask);
            Fx.until("question shown", () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                    && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));
            Fx.run(() -> {
                for (Window w : List.copyOf(Window.getWindows())) {
                    if (w.getScene() == null || !(w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p)) continue;
                    walk("dialog/" + p.getId(), p, out, false);
                    if (w instanceof Stage st) add(out, "dialog/" + p.getId() + "/title", st.getTitle());
                    ((Stage) w).close();
                }
            });
        }
        Fx.run(stage::close);
        session.stop();
        return out;
    }

    private static void menu(String where, Menu m, Map<String, String> out) {
        add(out, where, m.getText());
        for (MenuItem i : m.getItems()) {
            if (i instanceof Menu sub) menu(where + "/" + sub.getId(), sub, out);
            else add(out, where + "/" + i.getId(), i.getText());
        }
    }

    private static void walk(String state, Node n, Map<String, String> out, boolean visibleOnly) {
        walk(state, n, "", out, visibleOnly);
    }

    private static void walk(String state, Node n, String path, Map<String, String> out, boolean visibleOnly) {
        if (visibleOnly && !n.isVisible()) return;
        String here = path + "/" + (n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName());
        if (n instanceof Labeled l) add(out, state + here + ":text", l.getText());
        if (n instanceof TextInputControl t) add(out, state + here + ":prompt", t.getPromptText());
        add(out, state + here + ":spoken", n.getAccessibleText());
        if (n instanceof TableView<?> table) {
            for (TableColumnBase<?, ?> c : table.getColumns()) add(out, state + here + ":column", c.getText());
        }
        if (n instanceof Parent p) {
            int i = 0;
            for (Node c : p.getChildrenUnmodifiable()) walk(state, c, here + "[" + i++ + "]", out, visibleOnly);
        }
    }

    private static void add(Map<String, String> out, String key, String text) {
        if (text == null || text.isBlank()) return;
        String k = key;
        for (int i = 2; out.containsKey(k); i++) k = key + "#" + i;
        out.put(k, text);
    }
}
