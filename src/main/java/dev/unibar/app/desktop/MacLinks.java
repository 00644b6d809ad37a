package dev.unibar.app.desktop;

import java.awt.Desktop;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * macOS does not start an app with a clicked {@code tel:} link as an argument: Launch Services sends the
 * app (starting it if needed) an "open URL" event, which Java delivers to {@link Desktop}'s open-URI
 * handler. The URL types are declared in the app's Info.plist (packaging/macos/Info.plist.in). The handler
 * hands the link to the same path as a second start's arguments, so it is checked and dialed the same
 * way. On Linux and Windows links arrive as arguments (desktop entry {@code %u}, registry {@code "%1"});
 * there this does nothing and does not load AWT.
 */
final class MacLinks {

    private static final System.Logger LOG = System.getLogger(MacLinks.class.getName());

    private MacLinks() {
    }

    /** Only macOS delivers links as events. */
    static boolean applies(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    /** What a second start would have been given for {@code uri}: the link, if it is one Unibar dials. */
    static Optional<List<String>> arguments(URI uri) {
        String s = uri == null ? null : uri.toString();
        return s != null && DialTarget.isLink(s) ? Optional.of(List.of(s)) : Optional.empty();
    }

    /**
     * Installs the handler where the platform has one (macOS). It runs on AWT's thread, so the hand-over,
     * which waits for the FX thread, gets a thread of its own. Links that arrived before (the one that
     * started the bar) are queued by AWT and delivered once the handler is set.
     *
     * @return whether a handler was installed
     */
    static boolean install(String osName, Function<List<String>, String> handOver) {
        if (!applies(osName)) return false;
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
                return false;
            }
            Desktop.getDesktop().setOpenURIHandler(e -> arguments(e.getURI()).ifPresent(args -> {
                Thread t = new Thread(() -> LOG.log(System.Logger.Level.INFO, "link: " + handOver.apply(args)),
                        "unibar-link");
                t.setDaemon(true);
                t.start();
            }));
            return true;
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "links cannot be received from macOS: " + e);
            return false;
        }
    }
}
