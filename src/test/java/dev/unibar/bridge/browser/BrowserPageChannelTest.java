package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser channel against Debian's chromium, headless, over each DevTools transport (the pipe and the
 * loopback port): the shim runs before the page's scripts, captures
 * arrive, an untrusted top document is refused by the origin the browser reports, scripts and their errors
 * come back as in the WebView, and the window's life cycle (closed, killed, shut) is followed.
 */
class BrowserPageChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static HostServer host;
    private static HostServer other;
    private BrowserPageChannel page;
    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private final List<BrowserPageChannel.WindowState> states = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void servers() {
        host = new HostServer();
        // A page script that captures at once: it runs before any attach could happen, so only a shim
        // registered ahead of the document sees it.
        host.addPage("/one", () -> "<!doctype html><html><head><script src=\"/unibar/shim.js\"></script>"
                + "<script>unibar.capture({page: 'one', early: true});</script></head><body>one</body></html>");
        host.start();
        other = new HostServer();
        other.addPage("/evil", () -> "<!doctype html><html><body><script>unibar.capture({page: 'evil'});"
                + "window.postMessage({forged: true}, '*');</script></body></html>");
        other.start();
    }

    @AfterAll
    static void stopServers() {
        host.stop();
        other.stop();
    }

    private BrowserPageChannel open(String name, BrowserOptions.Transport transport) {
        // No fake prompt: the microphone works only where Unibar granted it up front.
        page = new BrowserPageChannel(OriginPolicy.forHost(host, List.of()), Browsers.headless(name, false).transport(transport));
        page.onWindowState(states::add);
        page.setCaptureHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                captured.add(raw);
            }

            @Override
            public void malformed(String raw, String reason) {
            }

            @Override
            public void dropped(String origin, String raw) {
                dropped.add(origin);
            }
        });
        return page;
    }

    @AfterEach
    void close() {
        if (page != null) page.close();
    }

    private String micPermission() throws Exception {
        page.call("window.__mic = null; navigator.permissions.query({name: 'microphone'}).then(s => window.__mic = s.state); 0")
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        Wait.until("the permission state", WAIT, () -> page.call("window.__mic").toCompletableFuture().join() != null);
        return page.call("window.__mic").toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(BrowserOptions.Transport.class)
    void capturesFromTheFirstScriptAndRunsCommands(BrowserOptions.Transport transport) throws Exception {
        open("captures", transport).load(host.url("/one"));
        Wait.until("the early capture", WAIT, () -> captured.contains("{\"page\":\"one\",\"early\":true}"));
        assertEquals("2", page.call("1+1").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals("{\"a\":[1,\"x\"]}", page.call("({a: [1, 'x']})").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertNull(page.call("undefined").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals("one", page.call("document.body.textContent").toCompletableFuture().get(30, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> page.call("null.x").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertInstanceOf(WebPageChannel.JsException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("TypeError"), e.getCause().getMessage());
        page.call("unibar.capture({cmd: 'later'})");
        Wait.until("a capture caused by a command", WAIT, () -> captured.contains("{\"cmd\":\"later\"}"));
        assertEquals(0, page.refusedCalls());
        // The trusted host origin got the microphone up front: no prompt, a live track.
        assertEquals("granted", micPermission());
        page.call("navigator.mediaDevices.getUserMedia({audio: true}).then(s => window.__track = s.getAudioTracks()[0].readyState,"
                + " e => window.__track = 'refused: ' + e.name); 0");
        Wait.until("the microphone opened", WAIT, () -> "live".equals(page.call("window.__track").toCompletableFuture().join()));
    }

    @ParameterizedTest
    @EnumSource(BrowserOptions.Transport.class)
    void aTopDocumentOfAnUntrustedOriginIsRefusedByItsContextOrigin(BrowserOptions.Transport transport) throws Exception {
        open("untrusted", transport).load(other.url("/evil"));
        Wait.until("the untrusted page's bridge call refused and reported", WAIT,
                () -> page.refusedCalls() >= 1 && dropped.contains(other.origin()));
        assertTrue(captured.isEmpty(), "nothing from an untrusted document: " + captured);
        assertEquals(0, page.pipeline().batches(), "refused before the pipeline");
        assertEquals("prompt", micPermission(), "no microphone for an origin Unibar does not trust");
        page.load(host.url("/one"));
        Wait.until("the trusted page still captures", WAIT, () -> captured.contains("{\"page\":\"one\",\"early\":true}"));
    }

    @ParameterizedTest
    @EnumSource(BrowserOptions.Transport.class)
    void aClosedWindowIsReportedAndReopensWithItsPage(BrowserOptions.Transport transport) throws Exception {
        open("closed", transport).load(host.url("/one"));
        Wait.until("open", WAIT, () -> captured.size() == 1);
        page.closeWindow().get(30, TimeUnit.SECONDS);
        Wait.until("closed reported", WAIT, () -> page.state() == BrowserPageChannel.WindowState.CLOSED);
        assertEquals(1, captured.size(), "a closed window is not reopened behind the agent's back");
        page.reopen().get(60, TimeUnit.SECONDS);
        Wait.until("the page again", WAIT, () -> captured.size() == 2);
        assertEquals(BrowserPageChannel.WindowState.OPEN, page.state());
    }

    @ParameterizedTest
    @EnumSource(BrowserOptions.Transport.class)
    void aKilledBrowserIsRestartedAndQuittingClosesIt(BrowserOptions.Transport transport) throws Exception {
        open("killed", transport).load(host.url("/one"));
        Wait.until("open", WAIT, () -> captured.size() == 1);
        ProcessHandle first = page.browserProcess().orElseThrow();
        first.destroyForcibly();
        Wait.until("restarted with its page", WAIT, () -> captured.size() == 2);
        assertTrue(states.contains(BrowserPageChannel.WindowState.RESTARTING), states.toString());
        ProcessHandle second = page.browserProcess().orElseThrow();
        assertTrue(second.pid() != first.pid());
        page.close();
        Wait.until("the browser is gone", WAIT, () -> !second.isAlive());
        assertEquals(BrowserPageChannel.WindowState.SHUT, page.state());
    }
}
