package dev.unibar.bridge.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where each platform's installers put Edge, Chrome and Chromium; a configured path is the only one tried. */
class BrowserFinderTest {

    private static Optional<Path> find(Path configured, String os, Map<String, String> env, Set<Path> installed) {
        return BrowserFinder.find(configured, os, env::get, installed::contains);
    }

    @Test
    void linuxFindsDebianChromiumOrChrome() {
        assertEquals(Optional.of(Path.of("/usr/bin/chromium")), find(null, "Linux", Map.of(), Set.of(Path.of("/usr/bin/chromium"))));
        assertEquals(Optional.of(Path.of("/opt/google/chrome/google-chrome")),
                find(null, "Linux", Map.of(), Set.of(Path.of("/opt/google/chrome/google-chrome"))));
        assertEquals(Optional.empty(), find(null, "Linux", Map.of(), Set.of()));
    }

    @Test
    void windowsPrefersEdge() {
        Path edge = Path.of("C:\\Program Files (x86)", "Microsoft", "Edge", "Application", "msedge.exe");
        Path chrome = Path.of("C:\\Program Files", "Google", "Chrome", "Application", "chrome.exe");
        Map<String, String> env = Map.of("ProgramFiles(x86)", "C:\\Program Files (x86)", "ProgramFiles", "C:\\Program Files");
        assertEquals(Optional.of(edge), find(null, "Windows 11", env, Set.of(edge, chrome)));
        assertEquals(Optional.of(chrome), find(null, "Windows 11", env, Set.of(chrome)));
    }

    @Test
    void macLooksInApplications() {
        Path chrome = Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
        assertEquals(Optional.of(chrome), find(null, "Mac OS X", Map.of("HOME", "/Users/jana"), Set.of(chrome)));
    }

    @Test
    void aConfiguredPathIsTheOnlyOneTried() {
        Path mine = Path.of("/opt/mine/chrome");
        assertEquals(Optional.of(mine), find(mine, "Linux", Map.of(), Set.of(mine, Path.of("/usr/bin/chromium"))));
        assertEquals(Optional.empty(), find(mine, "Linux", Map.of(), Set.of(Path.of("/usr/bin/chromium"))),
                "a wrong path is reported, not replaced by another browser");
    }
}
