package dev.unibar.app.desktop;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import dev.unibar.ui.Messages;
import javafx.application.Platform;

import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.function.Consumer;

/**
 * The tray icon, where the desktop has a tray (Windows, macOS, most Linux desktops; not a bare X server):
 * the agent state in its tooltip and quick actions (show the bar, ready, pause, answer, quit), each
 * enabled only when the guard allows it. AWT is loaded only here and only after the bar is up, so the
 * tray costs the start-up nothing.
 */
public final class DesktopTray implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopTray.class.getName());

    private final Session session;
    private final Messages msg;
    private final TrayIcon icon;
    private final MenuItem ready;
    private final MenuItem pause;
    private final MenuItem answer;
    private final Consumer<BarState> listener = this::update;

    private DesktopTray(Session session, Messages msg, TrayIcon icon, MenuItem ready, MenuItem pause, MenuItem answer) {
        this.session = session;
        this.msg = msg;
        this.icon = icon;
        this.ready = ready;
        this.pause = pause;
        this.answer = answer;
    }

    /**
     * True when this desktop shows tray icons (loads AWT: call off the FX thread). On Linux AWT's X toolkit
     * shares the process with JavaFX's GTK one, and a JVM that loaded it crashed at exit under Xvfb
     * (SIGSEGV in AWT-XAWT after GDK's "XSetErrorHandler() called with a GDK error trap pushed"); so there
     * AWT is loaded only in a desktop session ({@code XDG_CURRENT_DESKTOP} set), where a tray can exist.
     * {@code -Dunibar.tray=false} turns the tray off everywhere, {@code =true} forces the attempt.
     */
    public static boolean supported() {
        String forced = System.getProperty("unibar.tray");
        if ("false".equals(forced)) return false;
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        String session = System.getenv("XDG_CURRENT_DESKTOP");
        if (linux && !"true".equals(forced) && (session == null || session.isBlank())) return false;
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Adds the icon, or returns null where there is no tray. Call off the FX thread.
     *
     * @param show     brings the bar forward (run on the FX thread by the caller's choice)
     * @param quit     closes the bar
     */
    public static DesktopTray install(Session session, Messages msg, Runnable show, Runnable quit) {
        if (!supported()) {
            LOG.log(System.Logger.Level.INFO, "no system tray on this desktop; the bar runs without a tray icon");
            return null;
        }
        try {
            SystemTray tray = SystemTray.getSystemTray();
            Image image = java.awt.Toolkit.getDefaultToolkit().getImage(DesktopTray.class.getResource(
                    "/dev/unibar/ui/icons/unibar-32.png"));
            PopupMenu menu = new PopupMenu();
            MenuItem open = new MenuItem(msg.get("desktop.tray.show"));
            MenuItem ready = new MenuItem(msg.get("state.READY"));
            MenuItem pause = new MenuItem(msg.get("state.NOT_READY"));
            MenuItem answer = new MenuItem(msg.get("button.answer"));
            MenuItem exit = new MenuItem(msg.get("menu.quit"));
            menu.add(open);
            menu.addSeparator();
            menu.add(ready);
            menu.add(pause);
            menu.add(answer);
            menu.addSeparator();
            menu.add(exit);
            TrayIcon icon = new TrayIcon(image, "Unibar", menu);
            icon.setImageAutoSize(true);
            DesktopTray t = new DesktopTray(session, msg, icon, ready, pause, answer);
            open.addActionListener(e -> Platform.runLater(show));
            icon.addActionListener(e -> Platform.runLater(show));
            exit.addActionListener(e -> Platform.runLater(quit));
            ready.addActionListener(e -> t.send(new Command.SetState(AgentState.READY, null)));
            pause.addActionListener(e -> t.send(new Command.SetState(AgentState.NOT_READY, t.firstPauseReason())));
            answer.addActionListener(e -> t.answerRinging());
            tray.add(icon);
            session.store().subscribe(t.listener);
            t.update(session.store().state());
            return t;
        } catch (java.awt.AWTException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tray icon not added: " + e.getMessage());
            return null;
        }
    }

    /** A native notification through the tray (Windows toasts, macOS notification centre). */
    public void notify(String title, String text) {
        icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
    }

    private void update(BarState s) {
        var caps = session.connector().capabilities();
        String state = s.agentState() == null ? msg.get("state.unknown") : msg.get("state." + s.agentState().name());
        java.awt.EventQueue.invokeLater(() -> {
            icon.setToolTip("Unibar – " + state);
            ready.setEnabled(Guard.allowed(caps, s, CommandKind.SET_STATE) && s.agentState() != AgentState.READY);
            pause.setEnabled(Guard.allowed(caps, s, CommandKind.SET_STATE) && s.agentState() == AgentState.READY);
            answer.setEnabled(Guard.allowed(caps, s, CommandKind.ANSWER) && s.ringingInbound().isPresent());
        });
    }

    private String firstPauseReason() {
        return session.store().state().pauseReasons().stream().findFirst().map(PauseReason::id).orElse(null);
    }

    private void answerRinging() {
        session.store().state().ringingInbound().map(CallView::id)
                .ifPresent(id -> send(new Command.Answer(id)));
    }

    private void send(Command c) {
        Platform.runLater(() -> session.send(c));
    }

    @Override
    public void close() {
        session.store().unsubscribe(listener);
        java.awt.EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
