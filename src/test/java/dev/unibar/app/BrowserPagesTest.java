package dev.unibar.app;

import dev.unibar.bridge.browser.BrowserOptions.Transport;
import dev.unibar.config.PageHosting;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the browser host tells vendors, and which DevTools transport the bar picks on each platform. */
class BrowserPagesTest {

    @Test
    void theBrowserWindowCarriesWebRtcAndTheWebViewDoesNot() {
        java.nio.file.Path exe = java.nio.file.Path.of("/usr/bin/chromium");
        try (BrowserPages browser = new BrowserPages(Clock.systemUTC(),
                new dev.unibar.bridge.browser.BrowserOptions(exe, java.nio.file.Path.of("target", "unused-profile")),
                dev.unibar.ui.Messages.forLanguage("en"));
             WebViewPages webView = new WebViewPages(Clock.systemUTC())) {
            assertTrue(browser.pagesCarryWebRtc());
            assertFalse(webView.pagesCarryWebRtc());
        }
    }

    @Test
    void windowsUsesThePortEverywhereElseThePipeUnlessConfigured() {
        assertEquals(Transport.PORT, BrowserPages.transport(null, "Windows 11"));
        assertEquals(Transport.PIPE, BrowserPages.transport(null, "Linux"));
        assertEquals(Transport.PIPE, BrowserPages.transport(null, "Mac OS X"));
        assertEquals(Transport.PORT, BrowserPages.transport(PageHosting.Transport.PORT, "Linux"), "configurable everywhere");
        assertEquals(Transport.PORT, BrowserPages.transport(PageHosting.Transport.PORT, "Mac OS X"));
        assertEquals(Transport.PIPE, BrowserPages.transport(PageHosting.Transport.PIPE, "Linux"));
        assertEquals(Transport.PORT, BrowserPages.transport(PageHosting.Transport.PIPE, "Windows 10"),
                "no pipe can be handed over on Windows");
    }
}
