package dev.unibar.bridge.browser;

import dev.unibar.bridge.HostFallback;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which line of what a browser printed as it exited is the reason the agent is told (issue 21). */
class BrowserOutputTest {

    @Test
    void chromiumsErrorLineWinsOverTheWrappersNoiseAndLosesItsPrefix() {
        String debianAsRoot = "/usr/bin/chromium: 9: [: 25276190720: unexpected operator\n"
                + "[32663:32663:1207/131039.096136:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] "
                + "Running as root without --no-sandbox is not supported. See https://crbug.com/638180.\n";
        assertEquals("Running as root without --no-sandbox is not supported. See https://crbug.com/638180.",
                BrowserOutput.reasonIn(debianAsRoot));
        assertEquals("Missing X server or $DISPLAY", BrowserOutput.reasonIn(
                "[1:1:0101/000000.0:FATAL:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\n"));
    }

    @Test
    void withoutAnErrorLineTheLastLineIsTheReasonAndSilenceIsEmpty() {
        assertEquals("sh: 1: exec: /opt/x/chrome: Permission denied",
                BrowserOutput.reasonIn("starting\n\nsh: 1: exec: /opt/x/chrome: Permission denied\n\n"));
        assertEquals("", BrowserOutput.reasonIn(""));
        assertEquals("", BrowserOutput.reasonIn("\n  \n"));
    }

    @Test
    void theNoticeTakesOneLineOfBoundedLength() {
        assertEquals("first", HostFallback.firstLine("\n  first  \nsecond"));
        String longLine = "x".repeat(500);
        String cut = new HostFallback(HostFallback.Why.NOT_STARTED, "/usr/bin/chromium", longLine).detail();
        assertEquals(160, cut.length());
        assertEquals('…', cut.charAt(159));
    }
}
