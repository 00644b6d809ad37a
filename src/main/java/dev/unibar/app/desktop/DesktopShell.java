package dev.unibar.app.desktop;

import dev.unibar.ui.NextFrame;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.Session;
import dev.unibar.ui.BarContext;
import dev.unibar.ui.Messages;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;

/**
 * What makes the bar a desktop citizen, around the window the UI builds: one bar per user (a second
 * start hands its arguments over), dialing from links and {@code unibar dial}, the window's place, log
 * files, the tray icon, a native notification for a ringing call and the support bundle. It also
 * sequences the start-up: the vendor's WebView is made after the bar's first frame.
 */
public final class DesktopShell implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopShell.class.getName());

    private final UnibarConfig config;
    private final AppDirs dirs;
    private final InstanceChannel channel;
    private final Handler logs;
    private final StartupTrace trace = StartupTrace.fromSystemProperties();

    /** A start-up milestone for the trace, if one is being written (see {@link StartupTrace}). */
    public void mark(String name) {
        if (trace != null) trace.mark(name);
    }
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final String startDial;
    private volatile Stage stage;
    private volatile DialRequests dialer;
    private volatile dev.unibar.flow.RecordRequests records;
    private final ResultNote resultNote = new ResultNote();

    private DesktopShell(UnibarConfig config, AppDirs dirs, InstanceChannel channel, String startDial) {
        this.config = config;
        this.dirs = dirs;
        this.channel = channel;
        this.startDial = startDial;
        this.logs = LogFiles.install(dirs.logs(), Redactor.forConfig(config));
    }

    /** What {@link #claim} found: this process is the bar, or another bar took the arguments. */
    public record Start(DesktopShell shell, String reply) {
    }

    /**
     * Becomes the user's bar (then {@code shell} is set), or hands {@code args} to the running bar and
     * returns its reply. Where the channel cannot be set up at all, the bar still starts, alone.
     */
    public static Start claim(UnibarConfig config, List<String> args, AppDirs dirs) {
        InstanceChannel ch = null;
        try {
            InstanceChannel.Claim c = InstanceChannel.claim(dirs.state(), args);
            if (c.handedOff()) return new Start(null, c.reply());
            ch = c.primary();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "single-instance channel unavailable (" + e.getMessage()
                    + "); starting without it");
        }
        String dial = args.size() == 1 && DialTarget.isLink(args.get(0)) ? DialTarget.parse(args.get(0)).orElse(null) : null;
        return new Start(new DesktopShell(config, dirs, ch, dial), null);
    }

    /**
     * Called by the UI on the FX thread after the scene is set and before the stage shows.
     *
     * @param afterFirstFrame what waits for the bar's first frame (the vendor's WebView)
     */
    public void attach(Stage stage, BarContext ctx, Runnable afterFirstFrame) {
        this.stage = stage;
        Messages msg = Messages.forLanguage(config.language());
        Session session = ctx.session();
        mark("scene");
        new WindowMemory(dirs.state().resolve("window.properties")).attach(stage);
        Scene scene = stage.getScene();
        if (trace != null) trace.watch(scene, session.store());
        addSupportBundleItem(scene, msg, session);
        dialer = new DialRequests(session, msg, Clock.systemUTC());
        records = new dev.unibar.flow.RecordRequests(session, () -> ctx.farEnd().orElse(null));

        // After the first frame: the vendor's WebView (heavy, FX thread), then the desktop extras off it.
        NextFrame.then(scene, () -> Platform.runLater(() -> {
            afterFirstFrame.run();
            Thread t = new Thread(() -> installExtras(session, msg), "unibar-desktop-extras");
            t.setDaemon(true);
            t.start();
        }));

        if (channel != null) channel.setHandler(this::handle);
        if (startDial != null) Platform.runLater(() -> dialer.dial(startDial));
        if (MacLinks.applies(System.getProperty("os.name"))) {
            // AWT off the FX thread; macOS queues the link that started the bar until the handler is set.
            Thread t = new Thread(() -> MacLinks.install(System.getProperty("os.name"), this::handle), "unibar-mac-links");
            t.setDaemon(true);
            t.start();
        }
    }

    private void installExtras(Session session, Messages msg) {
        DesktopTray tray = DesktopTray.install(session, msg, this::bringForward, () -> stage.close());
        if (tray != null) closers.add(tray);
        var sink = RingNotifier.notifySend();
        if (sink == null && tray != null) sink = tray::notify;
        if (sink != null) closers.add(new RingNotifier(session.store(), msg.get("incoming.title"), msg.get("incoming.unknown"), sink));
    }

    /** A request from another start of Unibar (already authenticated by the channel). */
    String handle(List<String> args) {
        // unibar flow record: the session's recorder, off the FX thread (it writes a file).
        if (dev.unibar.flow.RecordRequests.handles(args)) return records == null ? "error: the bar is still starting" : records.handle(args);
        String number = null;
        DialTarget.Checked dial = null;
        if (args.size() == 2 && args.get(0).equals("dial")) dial = DialTarget.check(args.get(1));
        else if (args.size() == 1 && DialTarget.isLink(args.get(0))) dial = DialTarget.check(args.get(0));
        if (dial != null) {
            // The reply reaches the caller's terminal: the argument in it is escaped and cut.
            if (dial.problem() != null) return "error: " + dial.problem();
            number = dial.number();
        }
        String n = number;
        CompletableFuture<String> reply = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                bringForward();
                reply.complete(n == null ? "ok: the running bar was brought forward" : dialer.dial(n));
            } catch (RuntimeException e) {
                reply.complete("error: " + e.getMessage());
            }
        });
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "error: the bar did not answer in time";
        }
    }

    private void bringForward() {
        Stage s = stage;
        if (s == null) return;
        if (s.isIconified()) s.setIconified(false);
        if (!s.isShowing()) s.show();
        s.toFront();
        s.requestFocus();
    }

    /** "Save support bundle…" at the end of the View menu (the UI names its menus by id). */
    private void addSupportBundleItem(Scene scene, Messages msg, Session session) {
        if (!(scene.lookup("#menuBar") instanceof MenuBar bar)) return;
        Menu view = bar.getMenus().stream().filter(m -> "menuView".equals(m.getId())).findFirst().orElse(null);
        if (view == null) return;
        MenuItem item = new MenuItem(msg.get("desktop.supportBundle"));
        item.setId("menuSupportBundle");
        item.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(msg.get("desktop.supportBundle.title"));
            fc.setInitialFileName(SupportBundle.fileName(Instant.now()));
            File home = new File(System.getProperty("user.home"));
            if (home.isDirectory()) fc.setInitialDirectory(home);
            File f = fc.showSaveDialog(stage);
            if (f != null) saveSupportBundle(f.toPath(), session, msg);
        });
        int quit = view.getItems().indexOf(view.getItems().stream().filter(i -> "menuQuit".equals(i.getId()))
                .findFirst().orElse(null));
        view.getItems().add(quit < 0 ? view.getItems().size() : quit, item);
    }

    /** Writes the bundle off the FX thread and tells the agent where it went. */
    public CompletableFuture<Path> saveSupportBundle(Path zip, Session session, Messages msg) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                new SupportBundle(LogFiles.files(dirs.logs()), session.inspector(), config).write(zip);
                return zip;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((p, t) -> {
            String text = t == null ? msg.format("desktop.supportBundle.saved", p)
                    : msg.format("desktop.supportBundle.failed", dev.unibar.core.Failures.unwrap(t).getMessage());
            // The agent asked for it: it stays until read and dismissed, whatever the vendor says meanwhile.
            Platform.runLater(() -> resultNote.show(stage, text, t != null));
        });
    }

    @Override
    public void close() {
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing: " + e.getMessage());
            }
        }
        if (channel != null) channel.close();
        if (logs != null) {
            java.util.logging.Logger.getLogger("").removeHandler(logs);
            logs.close();
        }
    }
}
