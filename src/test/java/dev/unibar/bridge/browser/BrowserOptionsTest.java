package dev.unibar.bridge.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser is started as an app window (no tabs, no address bar) and, without a window, headless. */
class BrowserOptionsTest {

    @Test
    void aWindowedBrowserStartsAsAnAppWindowOnAPageChromiumTreatsAsAnApp() {
        List<String> c = new BrowserOptions(Path.of("/usr/bin/chromium"), Path.of("/tmp/p")).command();
        // Seen under Xvfb with Debian's chromium: --app=about:blank opened a tabbed window with an address bar.
        assertTrue(c.contains("--app=data:text/html,%3Ctitle%3EUnibar%3C/title%3E"), c.toString());
        assertFalse(c.contains("--app=about:blank"), c.toString());
        assertFalse(c.contains("--headless=new"), c.toString());
    }

    @Test
    void aHeadlessBrowserStartsOnAboutBlankWhichHeadlessPagesWaitsToLeave() {
        List<String> c = new BrowserOptions(Path.of("/usr/bin/chromium"), Path.of("/tmp/p")).headless(true).command();
        assertTrue(c.contains("--app=about:blank"), c.toString());
        assertTrue(c.contains("--headless=new"), c.toString());
    }
}
