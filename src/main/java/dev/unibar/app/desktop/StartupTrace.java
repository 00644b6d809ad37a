package dev.unibar.app.desktop;

import dev.unibar.ui.NextFrame;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.BarStore;
import dev.unibar.core.state.ConnectionStatus;
import javafx.application.Platform;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Start-up milestones for the benchmark and the AppCDS training start, off unless
 * {@code -Dunibar.startup.trace=FILE} is given: one line {@code <mark> <ms>} per milestone, in
 * milliseconds since {@code -Dunibar.startup.t0} (epoch ms, set by whoever launched the process) or else
 * since the process started. Marks: {@code visible} (the window's first frame), {@code interactive}
 * (the first key or mouse press the bar received), {@code connected} (the vendor page or server
 * connected), and on the way {@code main} (the launcher runs), {@code toolkit} (JavaFX asks for the
 * context), {@code context} (the vendor context is built) and {@code scene} (the bar's scene is built).
 * {@code -Dunibar.startup.exitAfter=MARK} quits the bar once that mark is written.
 */
public final class StartupTrace {

    public static final String VISIBLE = "visible";
    public static final String INTERACTIVE = "interactive";
    public static final String CONNECTED = "connected";

    private final Path file;
    private final long t0;
    private final String exitAfter;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    private StartupTrace(Path file, long t0, String exitAfter) {
        this.file = file;
        this.t0 = t0;
        this.exitAfter = exitAfter;
    }

    /** The trace the system properties ask for, or null. */
    public static StartupTrace fromSystemProperties() {
        String f = System.getProperty("unibar.startup.trace");
        if (f == null || f.isBlank()) return null;
        long t0;
        try {
            t0 = Long.parseLong(System.getProperty("unibar.startup.t0", ""));
        } catch (NumberFormatException e) {
            t0 = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                    .orElse(System.currentTimeMillis());
        }
        return new StartupTrace(Path.of(f), t0, System.getProperty("unibar.startup.exitAfter"));
    }

    /** Watches a scene for its first frame and first input, and a store for the connection. FX thread. */
    public void watch(Scene scene, BarStore store) {
        NextFrame.then(scene, () -> mark(VISIBLE));
        EventHandler<InputEvent> input = new EventHandler<>() {
            @Override
            public void handle(InputEvent e) {
                mark(INTERACTIVE);
                scene.removeEventFilter(KeyEvent.KEY_PRESSED, this);
                scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, this);
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        Consumer<BarState> onState = new Consumer<>() {
            @Override
            public void accept(BarState s) {
                if (s.connection() == ConnectionStatus.CONNECTED) {
                    mark(CONNECTED);
                    store.unsubscribe(this);
                }
            }
        };
        store.subscribe(onState);
        onState.accept(store.state());
    }

    public void mark(String name) {
        if (!written.add(name)) return;
        long ms = System.currentTimeMillis() - t0;
        try {
            Files.writeString(file, name + " " + ms + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.getLogger(StartupTrace.class.getName()).log(System.Logger.Level.WARNING,
                    "start-up trace not written: " + e.getMessage());
        }
        if (name.equals(exitAfter)) Platform.runLater(Platform::exit);
    }

}
