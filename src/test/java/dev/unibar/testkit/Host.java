package dev.unibar.testkit;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.ui.Messages;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The ways a vendor page is hosted, for suites that must pass in every one (issue 11): the WebView, and the
 * browser window over each DevTools transport (the pipe, and the loopback port Windows uses).
 */
public enum Host {
    WEBVIEW, BROWSER, BROWSER_PORT;

    public boolean browser() {
        return this != WEBVIEW;
    }

    /** Skips the calling test, with the reason, when this host cannot run here. */
    public void assumeAvailable() {
        if (browser()) org.junit.jupiter.api.Assumptions.assumeTrue(Browsers.installed().isPresent(), Browsers.SKIP);
    }

    /** Opens the context; on the FX thread. BROWSER skips the test when no browser is installed. */
    public VendorContext open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp) {
        if (this == WEBVIEW) return VendorContext.open(module, setUp, Clock.systemUTC());
        BrowserOptions.Transport transport = this == BROWSER_PORT ? BrowserOptions.Transport.PORT : BrowserOptions.Transport.PIPE;
        return VendorContext.openInBrowser(module, setUp, Clock.systemUTC(),
                Browsers.headless(module.id()).transport(transport), Messages.forLanguage("en"));
    }

    /**
     * Off the FX thread: a browser is a process that takes seconds to start on a loaded machine, longer than
     * the UI assertions wait; wait here until the page has spoken once.
     */
    public void awaitPage(VendorContext ctx) {
        if (ctx.page() instanceof BrowserPageChannel b) {
            Wait.until("the vendor page in the browser delivered its first capture", Duration.ofSeconds(90),
                    () -> b.pipeline().batches() > 0);
        }
    }
}
