package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.core.inspect.Inspector;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, a foreign frame inside the vendor page, in the WebView and in browser mode: a flood of messages over
 * the 1 MiB limit posted to the top window must not grow the bar's memory (they were kept raw as "malformed"
 * inspector entries: 1 GB after 62), and a flood of too-deep objects must not void the vendor's own events
 * (4 of 20 arrived). The assertions are on what the inspector holds and counts, never on the garbage collector.
 */
class HostileFramesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int FLOOD = 12;
    private static HostServer host;
    private static HostServer foreign;
    private PageChannel page;
    private final Inspector inspector = new Inspector(5_000, Clock.systemUTC());
    private final List<JsonNode> captured = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        FxSupport.startToolkit();
        foreign = new HostServer();
        // 16 MB a message, as the probe posted; the next one once the previous has been handed over.
        foreign.addPage("/huge", () -> "<!doctype html><html><body><script>var n = 0;"
                + "(function next() { if (n++ < " + FLOOD + ") { top.postMessage('\\u017e'.repeat(8e6), '*'); setTimeout(next, 20); } })();"
                + "</script></body></html>");
        foreign.addPage("/deep", () -> "<!doctype html><html><body><script>"
                + "function deep() { var o = {}; for (var i = 0; i < 70; i++) o = {a: o}; return o; }"
                + "setInterval(function () { for (var k = 0; k < 3; k++) top.postMessage(deep(), '*'); }, 4);"
                + "</script></body></html>");
        foreign.start();
        host = new HostServer();
        // The vendor page counts the foreign frame's messages itself and says when all have come: its own capture
        // then follows the shim's count of them through the same pipeline, in order.
        host.addPage("/huge", () -> FxSupport.page("<script>var seen = 0;"
                + "window.addEventListener('message', function (e) { if (e.origin === '" + foreign.origin() + "' && ++seen === "
                + FLOOD + ") { for (var i = 0; i < 3; i++) unibar.capture({own: '\\u017e'.repeat(8e6)});"
                + " unibar.capture({done: seen}); } });</script>"
                + "<iframe src=\"" + foreign.url("/huge") + "\"></iframe>"));
        // The vendor's own 20 calls, posted while the foreign frame posts poison every 4 ms.
        host.addPage("/deep", () -> FxSupport.page("<iframe src=\"" + foreign.url("/deep") + "\" onload=\"var i = 0;"
                + "(function call() { if (++i <= 20) { window.postMessage({call: i}, '*'); setTimeout(call, 15); } })();\"></iframe>"));
        host.start();
    }

    @AfterAll
    static void stopServers() {
        host.stop();
        foreign.stop();
    }

    @AfterEach
    void close() throws Exception {
        if (page instanceof AutoCloseable c) c.close();
    }

    private PageChannel open(Host where) throws Exception {
        where.assumeAvailable();
        OriginPolicy policy = OriginPolicy.forHost(host, List.of());
        page = where == Host.WEBVIEW ? FxSupport.channel(policy)
                : new BrowserPageChannel(policy, Browsers.headless("hostile"));
        // What the session does with them: the inspector keeps every problem.
        page.setCaptureHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                captured.add(line);
                inspector.mapped("test", raw, List.of());
            }

            @Override
            public void malformed(String raw, String reason) {
                inspector.malformed("test", raw, reason);
            }

            @Override
            public void dropped(String origin, String raw) {
                inspector.dropped("test", raw, "message from untrusted origin " + origin);
            }
        });
        return page;
    }

    private CapturePipeline pipeline() {
        return page instanceof WebPageChannel w ? w.pipeline() : ((BrowserPageChannel) page).pipeline();
    }

    @ParameterizedTest
    @EnumSource(value = Host.class, names = {"WEBVIEW", "BROWSER"})
    void hugeMessagesFromAForeignFrameAreCountedAndNeverKept(Host where) throws Exception {
        open(where).load(host.url("/huge"));
        Wait.until("the vendor page saw the whole flood", WAIT, () -> captured.stream().anyMatch(c -> c.has("done")));
        assertEquals(FLOOD, captured.stream().filter(c -> c.has("done")).findFirst().orElseThrow().path("done").asInt());
        assertEquals(FLOOD, pipeline().dropped(), "every foreign message counted as dropped");
        assertEquals(3, pipeline().malformed(), "only the vendor's own three huge captures are malformed");
        assertEquals(FLOOD, inspector.droppedCount());
        assertEquals(3, inspector.malformedCount());
        // 12 × 16 MB from the frame and 3 × 16 MB of the vendor's own: the inspector holds a few kilobytes of it.
        assertTrue(inspector.retainedBytes() < 64 * 1024, "retained " + inspector.retainedBytes() + " bytes");
        assertTrue(inspector.snapshot().stream().allMatch(e -> e.raw() == null || e.raw().length() <= Inspector.MAX_RAW_CHARS + 40),
                "every entry is an excerpt");
    }

    @ParameterizedTest
    @EnumSource(value = Host.class, names = {"WEBVIEW", "BROWSER"})
    void aForeignFramesPoisonCostsTheVendorNoEvent(Host where) throws Exception {
        open(where).load(host.url("/deep"));
        Wait.until("the vendor's 20 calls", WAIT, () -> captured.stream().filter(c -> c.has("call")).count() >= 20);
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(),
                captured.stream().filter(c -> c.has("call")).map(c -> c.path("call").asInt()).toList());
        Wait.until("the poison counted", WAIT, () -> pipeline().dropped() >= 3);
        assertEquals(0, pipeline().malformed(), "the foreign poison is dropped, never malformed");
    }
}
