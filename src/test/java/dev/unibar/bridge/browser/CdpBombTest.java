package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, in real headless Chromium over both transports: a same-site frame called {@code unibarCdpDeliver}
 * with 60 million characters, the DevTools reader ran out of memory, the browser's restart failed and the bar
 * went on showing a stale call. Now no frame (nor the page's own scripts) sees the binding at all, and a message
 * over the transport's limit, even from the trusted page's own bridge, is skipped alone: the reader lives on,
 * the window stays open, captures and commands go on.
 */
class CdpBombTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static HostServer host;
    private static HostServer sameSite;
    private BrowserPageChannel page;
    private final List<JsonNode> captured = new CopyOnWriteArrayList<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();
    private final List<BrowserPageChannel.WindowState> states = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void servers() {
        sameSite = new HostServer();
        // Another port of 127.0.0.1: same site, another origin. It reports what it can reach, then tries anyway.
        sameSite.addPage("/frame", () -> "<!doctype html><html><body><script>"
                + "var child = document.body.appendChild(document.createElement('iframe'));"
                + "var seen = {self: typeof window.unibarCdpDeliver, blankChild: typeof child.contentWindow.unibarCdpDeliver};"
                + "try { window.unibarCdpDeliver('\\u017e'.repeat(2e7)); } catch (e) { seen.call = String(e.name); }"
                + "top.postMessage(JSON.stringify(seen), '*');"
                + "</script></body></html>");
        sameSite.start();
        host = new HostServer();
        host.addPage("/vendor", () -> "<!doctype html><html><head><script src=\"/unibar/shim.js\"></script></head><body><script>"
                + "window.addEventListener('message', function (e) {"
                + "  if (e.origin !== '" + sameSite.origin() + "') return;"
                + "  unibar.capture({frameSees: JSON.parse(e.data), topSees: typeof window.unibarCdpDeliver});"
                // The bomb through the trusted page's own bridge: far over the DevTools limit.
                + "  window.unibarBridge.deliver('[{\"o\":\"x\",\"d\":\"' + '\\u017e'.repeat(2e7) + '\"}]');"
                + "  unibar.capture({after: 'bomb'});"
                + "});</script><iframe src=\"" + sameSite.url("/frame") + "\"></iframe></body></html>");
        host.start();
    }

    @AfterAll
    static void stopServers() {
        host.stop();
        sameSite.stop();
    }

    @AfterEach
    void close() {
        if (page != null) page.close();
    }

    @ParameterizedTest
    @EnumSource(BrowserOptions.Transport.class)
    void noFrameReachesTheBindingAndAnOversizedMessageCostsOnlyItself(BrowserOptions.Transport transport) throws Exception {
        page = new BrowserPageChannel(OriginPolicy.forHost(host, List.of()), Browsers.headless("bomb").transport(transport));
        page.onWindowState(states::add);
        page.setCaptureHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                captured.add(line);
            }

            @Override
            public void malformed(String raw, String reason) {
                malformed.add(reason);
            }

            @Override
            public void dropped(String origin, String raw) {
            }
        });
        page.load(host.url("/vendor"));
        Wait.until("the capture after the bomb", WAIT, () -> captured.stream().anyMatch(c -> c.has("after")));

        JsonNode report = captured.stream().filter(c -> c.has("frameSees")).findFirst().orElseThrow();
        assertEquals("undefined", report.path("frameSees").path("self").asText(), report.toString());
        assertEquals("undefined", report.path("frameSees").path("blankChild").asText(), report.toString());
        assertEquals("TypeError", report.path("frameSees").path("call").asText(), "calling it fails in the frame: " + report);
        assertEquals("undefined", report.path("topSees").asText(), "nor do the page's own scripts see it");

        Wait.until("the oversized message counted", WAIT, () -> malformed.stream().anyMatch(r -> r.contains("over the DevTools limit")));
        assertEquals(1, page.refusedCalls(), "the oversized call alone: no call from any other context reached Java");
        assertEquals(BrowserPageChannel.WindowState.OPEN, page.state());
        assertFalse(states.contains(BrowserPageChannel.WindowState.RESTARTING), "the reader survived: " + states);
        assertEquals("2", page.call("1+1").toCompletableFuture().get(30, TimeUnit.SECONDS), "commands still run");
        page.call("unibar.capture({later: true})");
        Wait.until("a capture after it all", WAIT, () -> captured.stream().anyMatch(c -> c.has("later")));
        assertTrue(page.browserProcess().orElseThrow().isAlive());
    }
}
