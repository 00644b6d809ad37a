package dev.unibar.app;

import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.bridge.browser.DevToolsChoice;
import dev.unibar.bridge.browser.BrowserPageChannel.WindowState;
import dev.unibar.config.PageHosting;
import dev.unibar.ui.Messages;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Host pages shown in a Chromium-family app window (browser mode, issue 11); the bar's vendor panel says
 * where the page is and offers to reopen a closed window.
 */
final class BrowserPages extends PageHost<BrowserPageChannel> {

    private final BrowserOptions options;
    private final Messages msg;
    private BrowserPanel panel;

    BrowserPages(Clock clock, BrowserOptions options, Messages msg) {
        super(clock);
        this.options = options;
        this.msg = msg;
    }

    /** How the bar starts a vendor's browser: its profile folder, and the configured transport or the platform's. */
    static BrowserOptions options(Path executable, String vendor, PageHosting.Transport configured) {
        String os = System.getProperty("os.name", "");
        BrowserOptions o = new BrowserOptions(executable, profileDir(vendor, os, System::getenv, System.getProperty("user.home")));
        return o.transport(transport(configured, os));
    }

    /**
     * The configured transport; unset, the platform's. Windows cannot hand a pipe over, so a configured pipe
     * there is the port, said in the log, rather than a browser that never starts.
     */
    static BrowserOptions.Transport transport(PageHosting.Transport configured, String osName) {
        BrowserOptions.Transport platform = BrowserOptions.Transport.forOs(osName);
        if (configured == null) return platform;
        if (configured == PageHosting.Transport.PORT) return BrowserOptions.Transport.PORT;
        if (platform == BrowserOptions.Transport.PORT) {
            System.getLogger(BrowserPages.class.getName()).log(System.Logger.Level.WARNING,
                    "browser.transport: pipe is not possible on " + osName + "; using the loopback port");
            return BrowserOptions.Transport.PORT;
        }
        return BrowserOptions.Transport.PIPE;
    }

    /** Whether and how browser mode runs on this machine (decision 0038: not silently on a shared Windows host). */
    static DevToolsChoice choice(PageHosting.Transport configured, String osName, Function<String, String> env) {
        return DevToolsChoice.choose(osName, env, configured == PageHosting.Transport.PORT);
    }

    /** The per-user profile folder of a vendor's browser window. */
    static Path profileDir(String vendor, String osName, Function<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            base = (local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local")).resolve("Unibar");
        } else if (os.startsWith("mac")) {
            base = Path.of(userHome, "Library", "Application Support", "Unibar");
        } else {
            String xdg = env.apply("XDG_DATA_HOME");
            base = (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share"))
                    .resolve("unibar");
        }
        return base.resolve("browser").resolve(vendor);
    }

    @Override
    BrowserPageChannel newChannel(OriginPolicy policy) {
        return new BrowserPageChannel(policy, options);
    }

    /** Chromium carries WebRTC, and the microphone is granted up front to the trusted origins. */
    @Override
    public boolean pagesCarryWebRtc() {
        return true;
    }

    @Override
    Optional<Node> view() {
        if (page() == null) return Optional.empty();
        if (panel == null) panel = new BrowserPanel(page(), msg);
        return Optional.of(panel);
    }
}
