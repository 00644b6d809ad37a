package dev.unibar.testkit;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.ui.Messages;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** The two ways a vendor page is hosted, for suites that must pass in both (issue 11). */
public enum Host {
    WEBVIEW, BROWSER;

    /** Skips the calling test, with the reason, when this host cannot run here. */
    public void assumeAvailable() {
        if (this == BROWSER) org.junit.jupiter.api.Assumptions.assumeTrue(Browsers.installed().isPresent(), Browsers.SKIP);
    }

    /** Opens the context; on the FX thread. BROWSER skips the test when no browser is installed. */
    public VendorContext open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp) {
        if (this == WEBVIEW) return VendorContext.open(module, setUp, Clock.systemUTC());
        return VendorContext.openInBrowser(module, setUp, Clock.systemUTC(), Browsers.headless(module.id()),
                Messages.forLanguage("en"));
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
