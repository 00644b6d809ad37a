package dev.unibar.app;

import dev.unibar.bridge.HostFallback;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.bridge.browser.DevToolsChoice;
import dev.unibar.bridge.browser.BrowserPageChannel.WindowState;
import dev.unibar.config.PageHosting;
import dev.unibar.ui.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Host pages shown in a Chromium-family app window (browser mode, issue 11); the bar's vendor panel says
 * where the page is and offers to reopen a closed window. A browser that cannot start or keeps stopping, or none
 * found, leaves the page in the bar's WebView ({@link FallbackPage}).
 */
final class BrowserPages extends PageHost<FallbackPage> {

    private final BrowserOptions options;
    private final HostFallback missing;
    private final Messages msg;
    private StackPane panel;

    BrowserPages(Clock clock, BrowserOptions options, Messages msg) {
        super(clock);
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.missing = null;
        this.msg = msg;
    }

    /** Browser mode without a browser to start: the page is in the WebView from the start, and the agent told why. */
    BrowserPages(Clock clock, HostFallback missing, Messages msg) {
        super(clock);
        this.options = null;
        this.missing = java.util.Objects.requireNonNull(missing, "missing");
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
    FallbackPage newChannel(OriginPolicy policy) {
        return options == null ? new FallbackPage(policy, missing) : new FallbackPage(policy, new BrowserPageChannel(policy, options));
    }

    /**
     * Chromium carries WebRTC, and the microphone is granted up front to the trusted origins. The vendor is set up
     * for it even when its page ends up in the WebView: the kit then says that its calls have no audio (the
     * vendor's own "no audio, set embed: browser" would be wrong advice for an agent whose browser failed).
     */
    @Override
    public boolean pagesCarryWebRtc() {
        return true;
    }

    @Override
    PageChannel shown() {
        return page() == null ? null : page().shown();
    }

    /**
     * The WebView under one line that keeps saying why the page is here (the bar's message strip moves on to the
     * vendor's next notice within seconds). The notice said more (no call audio, for a WebRTC vendor).
     */
    private Node moved(Node webView, FallbackPage page) {
        HostFallback why = page.fallback().orElseThrow();
        Label line = new Label(msg.notice(Event.Notice.keyed(null, null, NoticeLevel.WARNING, why.noticeKey(false), why.noticeArgs())));
        line.setId("vendorPageMoved");
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.setPadding(new javafx.geometry.Insets(0, 0, 6, 0));
        VBox.setVgrow(webView, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(line, webView);
    }

    /** The browser window's panel, replaced by the WebView if the page moves there. */
    @Override
    Optional<Node> view() {
        FallbackPage page = page();
        if (page == null) return Optional.empty();
        // Only the WebView from the start: the bar then makes room for a page from its first frame.
        if (page.browser() == null) {
            DeferredPage w = page.webView();
            return Optional.of(w.real() != null ? w.real().view() : w.view());
        }
        if (panel == null) {
            panel = new StackPane();
            panel.setId("vendorPageHolder");
            page.onMoved(webView -> panel.getChildren().setAll(moved(webView, page)));
            if (panel.getChildren().isEmpty()) panel.getChildren().setAll(new BrowserPanel(page.browser(), msg));
        }
        return Optional.of(panel);
    }
}
