package dev.unibar.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Tells the agent why the bar could not start: a dialog (the agent has no terminal) and one plain line
 * on stderr for whoever reads the logs. Never a stack trace on screen or on stderr.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** The line for stderr, in English like the rest of the command line's: that the bar did not start, and why. */
    public static String line(Throwable cause) {
        return "unibar: cannot start: " + reason(cause);
    }

    /** The innermost message worth showing, on one line (a config error is "file:line: key: problem"). */
    static String reason(Throwable cause) {
        Throwable c = cause;
        while (c.getCause() != null && (c.getMessage() == null || c.getMessage().isBlank())) c = c.getCause();
        String m = c.getMessage() != null && !c.getMessage().isBlank() ? c.getMessage() : c.getClass().getSimpleName();
        return m.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** On the FX thread, while JavaFX runs: writes the line, shows the dialog and waits until it is closed. */
    static void show(Messages msg, Throwable cause, PrintStream err) {
        err.println(line(cause));
        err.flush();
        Alert alert = new Alert(Alert.AlertType.ERROR, reason(cause), ButtonType.CLOSE);
        alert.setTitle(msg.get("app.title"));
        alert.setHeaderText(msg.get("startup.failed"));
        alert.getDialogPane().setId("startupFailure");
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }

    /**
     * From anywhere before the bar's window exists (a bad configuration file, a toolkit that would not
     * start): starts JavaFX if it can, shows the dialog and returns once it is closed. Without a display
     * only the stderr line is written. Either way exactly one line reaches {@code err}.
     *
     * @param mayShowWindow false where no window can be shown (no display): then JavaFX is not even loaded
     */
    public static void report(String languageTag, Throwable cause, PrintStream err, boolean mayShowWindow) {
        if (!mayShowWindow) {
            err.println(line(cause));
            return;
        }
        Messages msg = Messages.forLanguage(languageTag);
        if (Platform.isFxApplicationThread()) {
            show(msg, cause, err);
            return;
        }
        if (!startFx()) {
            err.println(line(cause));
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                show(msg, cause, err);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when JavaFX runs (already, or started now); false where no window can be shown. */
    private static boolean startFx() {
        try {
            Platform.startup(() -> { });
            return true;
        } catch (IllegalStateException alreadyRunning) {
            return true;
        } catch (RuntimeException | Error noDisplay) {
            return false;
        }
    }
}
