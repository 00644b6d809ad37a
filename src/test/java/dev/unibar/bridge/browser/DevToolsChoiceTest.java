package dev.unibar.bridge.browser;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Decision 0038 (issue 22): on Windows browser mode can only use the loopback port, which every user of the machine
 * can reach. On a host several agents share, it runs only when the configuration chooses the port, with a warning;
 * otherwise the WebView. Never run on Windows here: these are the choices, from the OS name and the session's
 * environment Windows sets.
 */
class DevToolsChoiceTest {

    private static Function<String, String> env(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m::get;
    }

    @Test
    void posixHasThePipeOrTheChosenPort() {
        assertEquals(DevToolsChoice.PIPE, DevToolsChoice.choose("Linux", env(), false));
        assertEquals(DevToolsChoice.PIPE, DevToolsChoice.choose("Mac OS X", env("SESSIONNAME", "RDP-Tcp#3"), false));
        assertEquals(DevToolsChoice.PORT, DevToolsChoice.choose("Linux", env(), true));
    }

    @Test
    void aWindowsDesktopAtItsConsoleUsesThePort() {
        assertEquals(DevToolsChoice.PORT, DevToolsChoice.choose("Windows 11", env("SESSIONNAME", "Console"), false));
        assertEquals(DevToolsChoice.PORT, DevToolsChoice.choose("Windows 10", env(), false));
        assertEquals(DevToolsChoice.PORT, DevToolsChoice.choose("Windows 10", env("SESSIONNAME", "Console"), true));
    }

    @Test
    void aSharedWindowsHostRefusesBrowserModeUnlessThePortIsChosen() {
        for (Object[] host : new Object[][]{
                {"Windows Server 2019", env("SESSIONNAME", "Console")},
                {"Windows Server 2022", env()},
                {"Windows 10", env("SESSIONNAME", "RDP-Tcp#12")},
                {"Windows 11", env("SESSIONNAME", "ICA-CGP#4")},
                {"Windows 10", env("CLIENTNAME", "AGENT-PC-07")}}) {
            String os = (String) host[0];
            @SuppressWarnings("unchecked") Function<String, String> e = (Function<String, String>) host[1];
            DevToolsChoice refused = DevToolsChoice.choose(os, e, false);
            assertEquals(DevToolsChoice.REFUSED_ON_SHARED_HOST, refused, os);
            assertNull(refused.transport(), "no browser at all");
            DevToolsChoice chosen = DevToolsChoice.choose(os, e, true);
            assertEquals(DevToolsChoice.PORT_ON_SHARED_HOST, chosen, os);
            assertEquals(BrowserOptions.Transport.PORT, chosen.transport());
        }
    }
}
