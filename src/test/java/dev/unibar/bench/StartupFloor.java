package dev.unibar.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The floor of {@link StartupBenchmark}: the smallest JavaFX window (a Stage with one Label), started
 * from the module path, writing the same {@code main}, {@code visible} and {@code interactive} marks as the
 * bar. {@link PackagedStartupBenchmark} runs it packaged like the bar instead (its {@link FloorImage});
 * {@code -Dunibar.startup.exitAfter=visible} quits it after its first frame, as the bar's AppCDS training
 * start quits after {@code connected}.
 */
public final class StartupFloor extends Application {

    private static long t0;
    private static Path trace;
    private static String exitAfter;

    public static void main(String[] args) {
        t0 = Long.getLong("unibar.startup.t0", ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()));
        trace = Path.of(System.getProperty("unibar.startup.trace"));
        exitAfter = System.getProperty("unibar.startup.exitAfter");
        mark("main");
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Floor"), 600, 200);
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            mark("visible");
        };
        scene.addPostLayoutPulseListener(first[0]);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            mark("interactive");
            Platform.exit();
        });
        stage.setTitle("StartupFloor");
        stage.setScene(scene);
        stage.show();
    }

    private static void mark(String name) {
        try {
            Files.writeString(trace, name + " " + (System.currentTimeMillis() - t0) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (name.equals(exitAfter)) Platform.runLater(Platform::exit);
    }
}
