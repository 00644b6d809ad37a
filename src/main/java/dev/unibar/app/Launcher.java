package dev.unibar.app;

import dev.unibar.app.desktop.AppDirs;
import dev.unibar.app.desktop.DesktopShell;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.Failures;
import dev.unibar.ui.StartupFailure;
import dev.unibar.ui.UnibarApp;
import javafx.application.Application;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Starts the JavaFX bar. Only the no-subcommand path of the command line comes here. */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts the bar, or hands {@code args} to the user's running bar (then returns at once).
     *
     * <p>Start-up order: the vendor's context (simulator, host-page server, connector) is built on its own
     * thread while JavaFX starts, and its WebView is made only after the bar's first frame
     * ({@link DesktopShell}); the window therefore appears as soon as the toolkit is up.
     *
     * @return the exit code: 0, or 1 when the running bar refused the hand-over
     */
    public static int launch(UnibarConfig config, List<String> args, PrintStream out, PrintStream err) {
        DesktopShell.Start start = DesktopShell.claim(config, args, AppDirs.current());
        if (start.shell() == null) {
            boolean refused = start.reply().startsWith("error");
            (refused ? err : out).println("unibar: " + start.reply());
            return refused ? 1 : 0;
        }
        DesktopShell shell = start.shell();
        shell.mark("main");
        CompletableFuture<VendorContext> context = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                context.complete(VendorContext.create(config));
                shell.mark("context");
            } catch (RuntimeException | Error e) {
                context.completeExceptionally(e);
            }
        }, "unibar-context");
        builder.setDaemon(true);
        builder.start();
        UnibarApp.setConfig(config);
        UnibarApp.setContextFactory(c -> {
            shell.mark("toolkit");
            try {
                return context.join();
            } catch (RuntimeException e) {
                Throwable cause = Failures.unwrap(e);
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        });
        UnibarApp.setStageHook((stage, ctx) -> shell.attach(stage, ctx, () -> ((VendorContext) ctx).realizePage()));
        try (shell) {
            Application.launch(UnibarApp.class);
        } catch (RuntimeException noToolkit) {
            // No display, or a toolkit that would not start: one line, not JavaFX's stack trace.
            startupFailed(config.language(), noToolkit, err, false);
            return 1;
        }
        return UnibarApp.startFailed() ? 1 : 0;
    }

    /**
     * The bar cannot start (a bad configuration file, no display): a dialog where a window can be shown
     * and one line on {@code err}, never a stack trace. Returns once the agent closed the dialog.
     */
    public static void startupFailed(String languageTag, Throwable cause, PrintStream err, boolean mayShowWindow) {
        StartupFailure.report(languageTag, cause, err, mayShowWindow);
    }
}
