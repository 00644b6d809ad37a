package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Participant;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bar in each state (offline, ready, ringing, talking, recording + masked, held + consultation,
 * conference, a chat beside a call, wrap-up, error) in
 * English, Czech and Brazilian Portuguese, light and dark. Every picture is saved (target/screenshots,
 * or docs/screenshots with -Dunibar.screenshots=docs, the reference images) and checked: no visible
 * text is cut off, and no call control or the state selector moves or changes width between states.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotSuiteTest {

    private static final List<String> LANGUAGES = List.of("en", "cs", "pt-BR");
    private static final Path OUT = Path.of("docs".equals(System.getProperty("unibar.screenshots"))
            ? "docs/screenshots" : "target/screenshots");

    @AfterAll
    static void lightAgain() {
        Fx.run(() -> Theme.apply(false));
    }

    @Test
    void everyStateInEveryLanguageAndTheme() throws IOException {
        Files.createDirectories(OUT);
        List<String> problems = new ArrayList<>();
        for (boolean dark : new boolean[]{false, true}) {
            for (String lang : LANGUAGES) problems.addAll(run(lang, dark, 0));
        }
        // Narrower than the words need: the buttons fall back to their icons, and still nothing is cut off.
        for (String lang : LANGUAGES) problems.addAll(run(lang, false, 680));
        assertEquals(List.of(), problems);
    }

    private List<String> run(String lang, boolean dark, double width) {
        Fx.run(() -> Theme.apply(dark));
        // A vendor with the common set: no account codes, no recordings, no ending of conferences.
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout(CommandKind.SET_ACCOUNT_CODE,
                CommandKind.DOWNLOAD_RECORDING, CommandKind.END_CONFERENCE));
        Session session = new Session(connector, Clock.systemUTC());
        Stage stage = Fx.get(Stage::new);
        BarView bar = Fx.get(() -> {
            BarViewModel vm = new BarViewModel(session);
            BarView b = new BarView(vm, Messages.forLanguage(lang), dev.unibar.core.LoginForm.plain(null), null, () -> { });
            Scene scene = new Scene(b);
            scene.getStylesheets().add(UnibarApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            return b;
        });
        session.start();
        String tag = lang + "-" + (dark ? "dark" : "light") + (width > 0 ? "-narrow" : "");
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> positions = new LinkedHashMap<>();
        String[] first = {null};
        Map<String, Runnable> states = states(connector);
        for (Map.Entry<String, Runnable> s : states.entrySet()) {
            s.getValue().run();
            WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            if (width > 0) {
                // The window's new size reaches the scene asynchronously: measure only once it has, or the first
                // state is measured at the old width and every later one seems to have moved.
                Fx.run(() -> stage.setWidth(width));
                Fx.until("window narrowed to " + width, () -> stage.getScene().getWidth() <= width + 0.5);
                WaitForAsyncUtils.waitForFxEvents();
            }
            Fx.run(() -> {
                bar.applyCss();
                bar.layout();
            });
            String name = s.getKey();
            save(stage, OUT.resolve("bar-" + name + "-" + tag + ".png"));
            for (String cut : Fx.get(() -> Layout.cutOff(bar))) problems.add(tag + " " + name + ": cut off: " + cut);
            Map<String, String> now = Fx.get(() -> places(bar));
            if (first[0] == null) first[0] = name;
            for (Map.Entry<String, String> p : now.entrySet()) {
                List<String> seen = positions.computeIfAbsent(p.getKey(), k -> new ArrayList<>());
                if (!seen.isEmpty() && !seen.get(0).equals(p.getValue())) {
                    problems.add(tag + " " + name + ": " + p.getKey() + " moved from " + seen.get(0) + " to "
                            + p.getValue());
                }
                seen.add(p.getValue());
            }
        }
        Fx.run(stage::close);
        session.stop();
        return problems;
    }

    /** The states in order; each builds on the one before, as a shift would. */
    private static Map<String, Runnable> states(FakeConnector c) {
        Map<String, Runnable> m = new LinkedHashMap<>();
        m.put("offline", () -> {
            c.push(Scenes.loggedInReady());
            c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.OFFLINE, null, null));
        });
        m.put("ready", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null),
                new Event.QueueWaiting(Scenes.V, null, 3)));
        m.put("ringing", () -> c.push(Scenes.ringing("c1")));
        m.put("talking", () -> c.push(Scenes.connected("c1")));
        m.put("recording-masked", () -> c.push(new Event.CallRecordingStarted(Scenes.V, null, "c1"),
                new Event.CallMasked(Scenes.V, null, "c1")));
        m.put("held-consultation", () -> c.push(new Event.CallHeld(Scenes.V, null, "c1"),
                new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2002")),
                new Event.CallConnected(Scenes.V, null, "c2", null)));
        m.put("conference", () -> c.push(new Event.CallEnded(Scenes.V, null, "c2", "agent"),
                new Event.CallResumed(Scenes.V, null, "c1"), new Event.CallConferenced(Scenes.V, null, "c1"),
                new Event.CallParticipant(Scenes.V, null, "c1", new Participant("p1", "2002", "connected")),
                new Event.CallParticipant(Scenes.V, null, "c1", new Participant("p2", "2003", "dialing"))));
        m.put("chat", () -> c.push(new Event.CallRinging(Scenes.V, null, "chat1", Scenes.contact("chat1", "chat", "Lucas")),
                new Event.CallConnected(Scenes.V, null, "chat1", null)));
        m.put("wrap-up", () -> c.push(new Event.CallEnded(Scenes.V, null, "chat1", "agent"),
                new Event.CallEnded(Scenes.V, null, "c1", "remote"),
                new Event.AgentStateChanged(Scenes.V, null, AgentState.WRAP_UP, null, null)));
        m.put("error", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false),
                new Event.Notice(Scenes.V, null, NoticeLevel.ERROR, "Ramal em intervalo não permite discar")));
        return m;
    }

    /** Where each call control and the state selector sit (x and width; y for the row). */
    private static Map<String, String> places(BarView bar) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>(bar.callControls().buttons());
        nodes.addAll(bar.callExtras().buttons());
        nodes.add(bar.lookup("#stateSelector"));
        nodes.add(bar.lookup("#notice"));
        for (Node n : nodes) {
            if (n == null || !n.isManaged()) continue;
            Bounds b = n.localToScene(n.getLayoutBounds());
            String where = n.getId().equals("stateSelector")
                    ? String.format("x=%.0f y=%.0f", b.getMinX(), b.getMinY())
                    : String.format("x=%.0f y=%.0f w=%.0f", b.getMinX(), b.getMinY(), b.getWidth());
            out.put(n.getId(), where);
        }
        return out;
    }

    private static void save(Stage stage, Path file) {
        WritableImage img = Fx.get(() -> stage.getScene().snapshot(null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, r.getArgb(x, y));
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
