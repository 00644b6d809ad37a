package dev.unibar.app.desktop;

import dev.unibar.core.state.BarState;
import dev.unibar.core.state.BarStore;
import dev.unibar.core.state.CallView;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A native desktop notification when a new inbound call rings, once per call. On Linux it goes through
 * {@code notify-send} (the desktop's notification service), elsewhere through the tray icon (Windows
 * toasts, macOS notification centre); with neither, the bar's own popup is the only signal.
 */
public final class RingNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RingNotifier.class.getName());

    private final BarStore store;
    private final String title;
    private final String unknown;
    private final BiConsumer<String, String> sink;
    private final Consumer<BarState> listener = this::onState;
    private String announced;

    public RingNotifier(BarStore store, String title, String unknown, BiConsumer<String, String> sink) {
        this.store = store;
        this.title = title;
        this.unknown = unknown;
        this.sink = sink;
        store.subscribe(listener);
    }

    private synchronized void onState(BarState s) {
        CallView c = s.ringingInbound().orElse(null);
        String id = c == null ? null : c.id();
        if (id == null || Objects.equals(id, announced)) {
            if (id == null) announced = null;
            return;
        }
        announced = id;
        String number = c.call().remoteNumber();
        String name = c.call().remoteName();
        String text = (number == null || number.isBlank() ? unknown : number) + (name == null || name.isBlank() ? "" : "  " + name);
        sink.accept(title, text);
    }

    /** The Linux notification service through notify-send, or null when it is not installed. */
    public static BiConsumer<String, String> notifySend() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "notify-send");
            if (f.canExecute()) {
                String exe = f.getAbsolutePath();
                return (title, text) -> {
                    // Arguments, not a shell line; the body may carry markup, so the vendor's text is escaped.
                    List<String> cmd = new ArrayList<>(List.of(exe, "--app-name=Unibar", "--icon=unibar",
                            "--urgency=critical", "--expire-time=15000", title, escape(text)));
                    try {
                        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    } catch (java.io.IOException e) {
                        LOG.log(System.Logger.Level.INFO, "notify-send failed: " + e.getMessage());
                    }
                };
            }
        }
        return null;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        store.unsubscribe(listener);
    }
}
