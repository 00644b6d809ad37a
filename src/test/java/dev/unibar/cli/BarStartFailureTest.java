package dev.unibar.cli;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: a bar started from a menu or a link has no terminal, so a bad configuration is shown in a
 * dialog naming the file, the line and the key, and written as one line on stderr, never a stack trace.
 */
@ExtendWith(ApplicationExtension.class)
class BarStartFailureTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // Only the toolkit (Monocle) is needed: the dialog is the first window the bar would show.
    }

    private Path badConfig() throws Exception {
        Path f = dir.resolve("config.yml");
        Files.writeString(f, "vendor: ucs\nucs:\n  bogus: 1\n");
        return f;
    }

    private Cli cli(ByteArrayOutputStream err, Map<String, String> env) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get, "Linux", dir.resolve("home").toString());
    }

    @Test
    void aBadConfigAtStartShowsADialogWithFileLineAndKeyAndOneLineOnStderr(FxRobot robot) throws Exception {
        Path f = badConfig();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> cli(err, Map.of("DISPLAY", ":0")).run(new String[]{"--config", f.toString()}));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#startupFailure").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#startupFailure").queryAs(DialogPane.class);
        String shown = WaitForAsyncUtils.asyncFx(pane::getContentText).get(10, TimeUnit.SECONDS);
        assertTrue(shown.contains(f + ":3:"), "file and line: " + shown);
        assertTrue(shown.contains("ucs.bogus") && shown.contains("unknown key"), "key and problem: " + shown);
        assertFalse(code.isDone(), "the start waits until the agent has read the dialog");

        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) pane.lookupButton(ButtonType.CLOSE)).fire())
                .get(10, TimeUnit.SECONDS);
        assertEquals(Cli.USAGE, code.get(10, TimeUnit.SECONDS));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("unibar: cannot start: " + f + ":3: ucs.bogus: unknown key; expected one of api, script,"
                + " options, sso, trustedOrigins"), lines);
    }

    @Test
    void withoutADisplayOnlyTheLineIsWritten(FxRobot robot) throws Exception {
        Path f = badConfig();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(err, Map.of()).run(new String[]{"--config", f.toString()});
        assertEquals(Cli.USAGE, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count(), err.toString(StandardCharsets.UTF_8));
        assertTrue(robot.lookup("#startupFailure").tryQuery().isEmpty(), "no dialog where no window can be shown");
    }

    /** The bar started where there is no display at all: one line saying so, not JavaFX's stack trace. */
    @Test
    void withoutADisplayTheBarSaysSoInOneLineWithoutAStackTrace() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.unibar.Main")
                .redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("UNIBAR_CONFIG");
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("home/.state").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        // Issue 22: four lines (the config line, JavaFX's two-line warning, the failure) where README promises one.
        assertEquals(List.of("unibar: cannot start: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"),
                out.lines().toList(), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread")),
                "no stack trace: " + out);
    }

    @Test
    void whetherAWindowCanBeShownIsDecidedWithoutJavaFx() {
        assertTrue(Cli.canShowWindow(Map.<String, String>of()::get, "Windows 11"));
        assertTrue(Cli.canShowWindow(Map.<String, String>of()::get, "Mac OS X"));
        assertFalse(Cli.canShowWindow(Map.<String, String>of()::get, "Linux"));
        assertFalse(Cli.canShowWindow(Map.of("DISPLAY", " ")::get, "Linux"));
        assertTrue(Cli.canShowWindow(Map.of("DISPLAY", ":1")::get, "Linux"));
        assertTrue(Cli.canShowWindow(Map.of("WAYLAND_DISPLAY", "wayland-0")::get, "Linux"));
    }
}
