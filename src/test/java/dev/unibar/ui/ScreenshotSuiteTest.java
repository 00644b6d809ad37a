package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Participant;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bar in every situation an agent meets (connecting, sign-in, ready, paused, ringing, talking, recording and
 * masked, a consultation, a conference, a chat beside a call, wrap-up counting down and over time, an error,
 * the connection lost during a call) in English and Czech, light and dark, plus a narrow window. Every picture is
 * saved (target/screenshots, or the reference images in docs/screenshots with -Dunibar.screenshots=docs; the
 * narrow ones only in target) and checked: the window never changes width from the first frame on, no visible
 * text is cut off (the details that may shorten aside), and nothing in the primary row, the pill or the timer
 * moves or changes width between states. The same for every vendor in the real bar against its simulator (ready,
 * ringing, talking).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotSuiteTest {

    private static final List<String> LANGUAGES = List.of("en", "cs");
    private static final boolean DOCS = "docs".equals(System.getProperty("unibar.screenshots"));
    private static final Path OUT = Path.of(DOCS ? "docs/screenshots" : "target/screenshots");
    private static final Path NARROW_OUT = Path.of("target/screenshots");

    /** The vendors' states pictured (the day's step after which the picture is taken → the picture's name). */
    private static final Map<String, String> VENDOR_STATES = Map.of("ready", "ready", "rings", "ringing",
            "answer", "talking");

    private Stage primary;

    @Start
    void start(Stage stage) {
        primary = stage;
    }

    @AfterAll
    static void lightAgain() {
        Fx.run(() -> Theme.apply(false));
    }

    @Test
    void everyStateInEveryLanguageAndTheme() throws IOException {
        Files.createDirectories(OUT);
        Files.createDirectories(NARROW_OUT);
        List<String> problems = new ArrayList<>();
        for (boolean dark : new boolean[]{false, true}) {
            for (String lang : LANGUAGES) problems.addAll(run(lang, dark, 0));
        }
        // Narrower than the words need: the buttons fall back to their icons, and still nothing is cut off.
        for (String lang : LANGUAGES) problems.addAll(run(lang, false, 560));
        assertEquals(List.of(), problems);
    }

    /**
     * Every registered vendor in the real bar against its simulator (the WebView), English and Czech: the agent's
     * day ({@code scenarios/agent-day.yml}) played from sign-in to the answered call, pictured ready, ringing and
     * talking as {@code vendor-<vendor>-<state>-<lang>.png}; the window keeps its first frame's width throughout
     * and no text is cut off.
     */
    @Test
    void everyVendorReadyRingingAndTalkingInTheRealBar(FxRobot robot, @TempDir Path journals) throws Exception {
        Files.createDirectories(OUT);
        AgentDay day = AgentDay.read();
        List<String> problems = new ArrayList<>();
        // Where Hang up stands in the primary row while talking, per language and vendor: one place for all.
        Map<String, Map<String, Double>> hangUp = new LinkedHashMap<>();
        for (dev.unibar.connectors.VendorModule m : dev.unibar.app.Vendors.all()) {
            AgentDay.Vendor v = day.vendors().get(m.id());
            if (v == null) {
                problems.add(m.id() + ": no block in agent-day.yml");
                continue;
            }
            for (String lang : LANGUAGES) {
                AgentDayRun run = new AgentDayRun(day, m, v, dev.unibar.testkit.Host.WEBVIEW, robot, primary, lang,
                        journals);
                String tag = m.id() + " " + lang;
                run.afterStep(s -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    double w = Fx.get(primary::getWidth);
                    if (Math.abs(w - run.firstWidth()) > 0.5) {
                        problems.add(tag + " " + s.id() + ": the window changed width from " + run.firstWidth() + " to " + w);
                    }
                    BarView bar = robot.lookup("#bar").query();
                    for (String cut : Fx.get(() -> Layout.cutOff(bar))) problems.add(tag + " " + s.id() + ": cut off: " + cut);
                    String state = VENDOR_STATES.get(s.id());
                    if (state != null) save(primary, OUT.resolve("vendor-" + m.id() + "-" + state + "-" + lang + ".png"));
                    if ("talking".equals(state)) {
                        // No customer lookup in the demo: no vendor's card keeps a place for its picture.
                        if (Fx.get(() -> bar.lookupAll("#callPicture").stream().anyMatch(javafx.scene.Node::isManaged))) {
                            problems.add(tag + ": the call card keeps a picture's place with no customer lookup");
                        }
                        Double x = Fx.get(() -> hangUpInRow(bar));
                        if (x != null) hangUp.computeIfAbsent(lang, k -> new LinkedHashMap<>()).put(m.id(), x);
                    }
                });
                try {
                    for (AgentDay.Step s : day.stepsFor(v)) {
                        run.step(s);
                        if (s.id().equals("answer")) break;
                    }
                } finally {
                    run.close();
                }
            }
        }
        hangUp.forEach((lang, byVendor) -> {
            if (byVendor.values().stream().distinct().count() > 1) {
                problems.add(lang + ": Hang up stands in different places of the row: " + byVendor);
            }
        });
        assertEquals(List.of(), problems);
    }

    /** Hang up's distance from the primary row's left edge, or null when the vendor's bar does not show it. */
    private static Double hangUpInRow(BarView bar) {
        javafx.scene.Node row = bar.callControls();
        javafx.scene.Node b = bar.callControls().button(dev.unibar.core.state.PrimaryActions.Action.HANGUP);
        if (b == null || !b.isVisible() || !b.isManaged() || !row.isVisible()) return null;
        return Math.rint(b.localToScene(0, 0).getX() - row.localToScene(0, 0).getX());
    }

    private List<String> run(String lang, boolean dark, double width) {
        Fx.run(() -> Theme.apply(dark));
        // A vendor with the common set: no recordings to download, no ending of conferences.
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout(
                CommandKind.DOWNLOAD_RECORDING, CommandKind.END_CONFERENCE));
        Session session = new Session(connector, Clock.systemUTC());
        Stage stage = Fx.get(Stage::new);
        BarViewModel vm = Fx.get(() -> new BarViewModel(session));
        BarView bar = TestBar.onStage(stage, vm, lang);
        if (width > 0) {
            Fx.run(() -> stage.setWidth(width));
            Fx.until("window narrowed to " + width, () -> stage.getScene().getWidth() <= width + 0.5);
        }
        double firstWidth = Fx.get(stage::getWidth);
        String tag = lang + "-" + (dark ? "dark" : "light") + (width > 0 ? "-narrow" : "");
        Path out = width > 0 ? NARROW_OUT : OUT;
        List<String> problems = new ArrayList<>();
        Map<String, String> first = new LinkedHashMap<>();
        session.start();
        for (Map.Entry<String, Runnable> s : states(connector).entrySet()) {
            s.getValue().run();
            // Each state is pushed through the coalesced store; wait until the bar shows it, then for its layout.
            WaitForAsyncUtils.waitForFxEvents();
            Fx.until(s.getKey() + " shown", () -> session.store().state() == vm.stateProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            Fx.run(() -> {
                bar.applyCss();
                bar.layout();
            });
            String name = s.getKey();
            save(stage, out.resolve("bar-" + name + "-" + tag + ".png"));
            double w = Fx.get(stage::getWidth);
            if (Math.abs(w - firstWidth) > 0.5) {
                problems.add(tag + " " + name + ": the window changed width from " + firstWidth + " to " + w);
            }
            for (String cut : Fx.get(() -> Layout.cutOff(bar))) problems.add(tag + " " + name + ": cut off: " + cut);
            if (Fx.get(() -> session.store().state().phase() != SessionPhase.READY)) continue;
            for (Map.Entry<String, String> p : Fx.get(() -> places(bar)).entrySet()) {
                String was = first.putIfAbsent(p.getKey(), p.getValue());
                if (was != null && !was.equals(p.getValue())) {
                    problems.add(tag + " " + name + ": " + p.getKey() + " moved from " + was + " to " + p.getValue());
                }
            }
        }
        Fx.run(stage::close);
        session.stop();
        return problems;
    }

    /** The states in order; each builds on the one before, as a shift would. */
    static Map<String, Runnable> states(FakeConnector c) {
        Map<String, Runnable> m = new LinkedHashMap<>();
        m.put("connecting", () -> c.push(new Event.QueueWaiting(Scenes.V, null, 0)));
        m.put("sign-in", () -> c.push(new Event.CredentialsRequired(Scenes.V, null)));
        m.put("ready", () -> c.push(Scenes.loggedInReady()[0], Scenes.loggedInReady()[1], Scenes.loggedInReady()[2],
                Scenes.loggedInReady()[3], new Event.QueueWaiting(Scenes.V, null, 3)));
        m.put("not-ready", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false)));
        m.put("ringing", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null),
                Scenes.ringing("c1")));
        m.put("talking", () -> c.push(Scenes.connected("c1")));
        m.put("recording-masked", () -> c.push(new Event.CallRecordingStarted(Scenes.V, null, "c1"),
                new Event.CallMasked(Scenes.V, null, "c1"), new Event.CallMuted(Scenes.V, null, "c1")));
        m.put("held-consultation", () -> c.push(new Event.CallUnmuted(Scenes.V, null, "c1"),
                new Event.CallHeld(Scenes.V, null, "c1"),
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
                new Event.AgentStateChanged(Scenes.V, Instant.now().minusSeconds(2), AgentState.WRAP_UP, null, null, 120)));
        m.put("wrap-up-over", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null),
                new Event.AgentStateChanged(Scenes.V, Instant.now().minusSeconds(95), AgentState.WRAP_UP, null, null, 60)));
        m.put("error", () -> c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false),
                new Event.Notice(Scenes.V, null, NoticeLevel.ERROR, "Ramal em intervalo não permite discar")));
        m.put("reconnecting", () -> {
            c.push(new Event.AgentStateChanged(Scenes.V, null, AgentState.READY, null, null), Scenes.ringing("c3"),
                    Scenes.connected("c3"));
            c.connection(ConnectionStatus.RECONNECTING);
        });
        return m;
    }

    /** Where each primary control, the pill and the timer sit (x and width; y for the row). */
    private static Map<String, String> places(BarView bar) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>(bar.callControls().slots());
        nodes.add(bar.callControls().dialPadButton());
        nodes.add(bar.callControls().more());
        nodes.add(bar.lookup("#stateSelector"));
        nodes.add(bar.lookup("#timerPlace"));
        nodes.add(bar.lookup("#notice"));
        for (Node n : nodes) {
            if (n == null || !n.isManaged()) continue;
            Bounds b = n.localToScene(n.getLayoutBounds());
            out.put(n.getId(), String.format("x=%.0f y=%.0f w=%.0f", b.getMinX(), b.getMinY(), b.getWidth()));
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
