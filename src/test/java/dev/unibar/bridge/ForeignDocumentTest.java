package dev.unibar.bridge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 1 and 2 of issue 13: a page the vendor script navigates to, on another loopback port, gets
 * neither the capture bridge nor the WebSocket relay, whatever origin it writes into its entries.
 */
class ForeignDocumentTest {

    private static HostServer host;
    private static HostServer foreign;
    private static EchoServer echo;

    @BeforeAll
    static void setUp() throws Exception {
        FxSupport.startToolkit();
        host = new HostServer();
        foreign = new HostServer();
        host.addPage("/bar", () -> FxSupport.page("<script>unibar.capture({page: 'bar'});</script>"));
        foreign.addPage("/other.html", () -> FxSupport.page("<p>not the vendor</p>"));
        host.start();
        foreign.start();
        echo = new EchoServer().begin();
    }

    @AfterAll
    static void tearDown() throws Exception {
        host.stop();
        foreign.stop();
        echo.stop(2000);
    }

    private static String js(WebPageChannel channel, String script) throws Exception {
        return channel.call(script).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aForeignPageCannotDeliverCapturesWithAForgedOrigin() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/bar"));
            FxSupport.await(Duration.ofSeconds(30), "the host page's capture", () -> recorder.capturedCount() >= 1);

            // The vendor script navigates the main frame away.
            js(channel, "location.href = '" + foreign.url("/other.html") + "'");
            FxSupport.await(Duration.ofSeconds(30), "the foreign page", () -> {
                try {
                    return ("" + foreign.origin()).equals(js(channel, "location.origin"))
                            && "complete".equals(js(channel, "document.readyState"));
                } catch (Exception e) {
                    return false;
                }
            });
            String forged = "[{\"o\":\"" + host.origin() + "\",\"d\":{\"callback\":\"onCallRinging\","
                    + "\"args\":[{\"id\":\"forged\",\"number\":\"666\"}]}}]";
            String outcome = js(channel, "(function () { try { window.unibarBridge.deliver('" + forged + "');"
                    + " return 'sent'; } catch (e) { return 'refused'; } })()");
            assertEquals("refused", outcome, "the foreign page has no bridge");
            assertEquals("undefined", js(channel, "typeof window.unibarSockets"), "nor a relay");
            assertEquals(1, channel.refusedDocuments());

            // Whatever it did, nothing reached the handler: flush a trusted page through the same pipeline.
            channel.load(host.url("/bar"));
            FxSupport.await(Duration.ofSeconds(30), "the host page again", () -> recorder.capturedCount() >= 2);
            assertEquals(2, recorder.capturedCount(), recorder.captured().toString());
            assertTrue(recorder.captured().stream().allMatch(c -> c.line().has("page")), recorder.captured().toString());
        }
    }

    @Test
    void aBridgeKeptFromAnEarlierDocumentIsDeadAfterNavigation() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/bar"));
            FxSupport.await(Duration.ofSeconds(30), "the host page's capture", () -> recorder.capturedCount() >= 1);
            JsBridge first = channel.currentBridge();
            channel.load(foreign.url("/other.html"));
            FxSupport.await(Duration.ofSeconds(30), "the foreign document", () -> channel.refusedDocuments() >= 1);
            first.deliver("[{\"o\":\"" + host.origin() + "\",\"d\":{\"late\":true}}]");
            channel.load(host.url("/bar"));
            FxSupport.await(Duration.ofSeconds(30), "the host page again", () -> recorder.capturedCount() >= 2);
            assertEquals(2, recorder.capturedCount(), recorder.captured().toString());
            assertTrue(channel.pipeline().dropped() >= 1, "the stale delivery is counted");
        }
    }

    @Test
    void theRelayOpensOnlyTheVendorsOwnEndpoints() throws Exception {
        String allowed = "ws://127.0.0.1:" + echo.getPort();
        OriginPolicy policy = OriginPolicy.forHost(host, List.of("http://127.0.0.1:" + echo.getPort()));
        try (WebPageChannel channel = FxSupport.channel(policy)) {
            channel.load(host.url("/bar"));
            FxSupport.await(Duration.ofSeconds(30), "the page", () -> channel.attachments() >= 1);
            // The host page's own port is not a WebSocket endpoint of the vendor, nor is a SIP port.
            js(channel, "window.outcomes = {};"
                    + "['" + allowed + "/echo', 'ws://127.0.0.1:5060/', 'ws://" + host.origin().substring(7) + "/x']"
                    + ".forEach(function (u) { var ws = new WebSocket(u);"
                    + " ws.onopen = function () { outcomes[u] = 'open'; ws.close(); };"
                    + " ws.onerror = function () { outcomes[u] = outcomes[u] || 'error'; }; });");
            FxSupport.await(Duration.ofSeconds(30), "three outcomes",
                    () -> {
                        try {
                            return "3".equals(js(channel, "Object.keys(outcomes).length"));
                        } catch (Exception e) {
                            return false;
                        }
                    });
            assertEquals("open", js(channel, "outcomes['" + allowed + "/echo']"));
            assertEquals("error", js(channel, "outcomes['ws://127.0.0.1:5060/']"));
            assertEquals(2, channel.sockets().refused(), "both refused before any connection was tried");
        }
    }
}
