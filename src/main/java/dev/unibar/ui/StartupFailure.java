package dev.unibar.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the agent why the bar could not start: a dialog (the agent has no terminal) and one plain line
 * on stderr for whoever reads the logs. Never a stack trace on screen.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** The line for stderr: what failed, in the agent's language, and why. */
    public static String line(Messages msg, Throwable cause) {
        return msg.get("startup.failed") + ": " + reason(cause);
    }

    static String reason(Throwable cause) {
        Throwable c = cause;
        while (c.getCause() != null && (c.getMessage() == null || c.getMessage().isBlank())) c = c.getCause();
        return c.getMessage() != null && !c.getMessage().isBlank() ? c.getMessage() : c.getClass().getSimpleName();
    }

    /** On the FX thread, while JavaFX runs: shows the dialog and waits until the agent closes it. */
    static void show(Messages msg, Throwable cause) {
        System.err.println("unibar: " + line(msg, cause));
        Alert alert = new Alert(Alert.AlertType.ERROR, reason(cause), ButtonType.CLOSE);
        alert.setTitle(msg.get("app.title"));
        alert.setHeaderText(msg.get("startup.failed"));
        alert.getDialogPane().setId("startupFailure");
        alert.showAndWait();
    }

    /**
     * From anywhere before the window exists (a bad configuration file): starts JavaFX if it can, shows
     * the dialog and returns once it is closed. Without a display only the stderr line is written.
     */
    public static void report(String languageTag, Throwable cause) {
        Messages msg = Messages.forLanguage(languageTag);
        if (!Platform.isFxApplicationThread() && !startFx()) {
            System.err.println("unibar: " + line(msg, cause));
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                show(msg, cause);
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

    private static boolean startFx() {
        AtomicBoolean ok = new AtomicBoolean(true);
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            return true;
        } catch (RuntimeException | Error noDisplay) {
            ok.set(false);
        }
        return ok.get();
    }
}
