package dev.unibar.bridge;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts in, results and errors out; the bridge survives navigation; pages without the shim get it. */
class PageChannelTest {

    private static HostServer host;

    @BeforeAll
    static void setUp() throws Exception {
        FxSupport.startToolkit();
        host = new HostServer();
        host.addPage("/one", () -> FxSupport.page("<script>unibar.capture({page: 'one'});</script>"));
        host.addPage("/two", () -> FxSupport.page("<script>unibar.capture({page: 'two'});"
                + "localStorage.setItem('k', 'v'); unibar.capture({stored: localStorage.getItem('k')});</script>"));
        host.addPage("/plain", () -> "<!doctype html><html><body>no shim here</body></html>");
        host.start();
    }

    @AfterAll
    static void tearDown() {
        host.stop();
    }

    private static String get(CompletableFuture<String> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void scriptsReturnTheirValueAsAString() throws Exception {
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "the page", () -> channel.attachments() >= 1);
            assertEquals("2", get(channel.call("1+1")));
            assertEquals("abc", get(channel.call("'abc'")));
            assertEquals("{\"a\":[1,true]}", get(channel.call("({a: [1, true]})")));
            assertNull(get(channel.call("var declared = 5;")));
            assertEquals("5", get(channel.call("declared")), "scripts run in the global scope");
            assertNull(get(channel.call("null")));
        }
    }

    @Test
    void aThrowingScriptFailsTheFutureWithTheJavaScriptMessage() throws Exception {
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "the page", () -> channel.attachments() >= 1);

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> get(channel.call("throw new Error('vendor says no')")));
            assertInstanceOf(WebPageChannel.JsException.class, e.getCause());
            assertEquals("Error: vendor says no", e.getCause().getMessage());

            e = assertThrows(ExecutionException.class, () -> get(channel.call("AGENTDESKTOP.CONTACT.Hold('1')")));
            assertTrue(e.getCause().getMessage().startsWith("ReferenceError:"), e.getCause().getMessage());
            assertTrue(e.getCause().getMessage().contains("AGENTDESKTOP"), e.getCause().getMessage());

            e = assertThrows(ExecutionException.class, () -> get(channel.call("this is not javascript")));
            assertTrue(e.getCause().getMessage().startsWith("SyntaxError"), e.getCause().getMessage());

            assertEquals("2", get(channel.call("1+1")), "the page still works after errors");
        }
    }

    @Test
    void callsFromTheFxThreadRunInline() throws Exception {
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "the page", () -> channel.attachments() >= 1);
            CompletableFuture<Boolean> doneInline = new CompletableFuture<>();
            Platform.runLater(() -> doneInline.complete(channel.call("3*3").isDone()));
            assertTrue(doneInline.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theBridgeReattachesAfterASecondLoad() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "page one", () -> recorder.capturedCount() >= 1);
            channel.load(host.url("/two"));
            FxSupport.await(Duration.ofSeconds(30), "page two", () -> recorder.capturedCount() >= 3);

            List<FxSupport.Captured> got = recorder.captured();
            assertEquals("one", got.get(0).line().path("page").asText());
            assertEquals("two", got.get(1).line().path("page").asText());
            assertEquals("v", got.get(2).line().path("stored").asText(), "localStorage works on the host origin");
            assertEquals(2, channel.attachments());
            assertEquals(3, got.size());
        }
    }

    @Test
    void aPageWithoutTheShimGetsItInjected() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/plain"));
            FxSupport.await(Duration.ofSeconds(30), "the page", () -> channel.attachments() >= 1);
            get(channel.call("window.postMessage({eventName: 'late'}, '*')"));
            FxSupport.await(Duration.ofSeconds(30), "the posted message", () -> recorder.capturedCount() >= 1);
            assertEquals("late", recorder.captured().get(0).line().path("eventName").asText());
        }
    }

    @Test
    void consoleOutputIsKeptOutOfTheCaptureStream() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "page one", () -> recorder.capturedCount() >= 1);
            get(channel.call("console.warn('careful', {n: 1}); unibar.capture({after: true})"));
            FxSupport.await(Duration.ofSeconds(30), "the capture after the log", () -> recorder.capturedCount() >= 2);
            assertEquals(List.of("warn: careful {\"n\":1}"), recorder.console());
            assertEquals(2, recorder.capturedCount());
            assertEquals(1, channel.pipeline().consoleLines());
        }
    }

    @Test
    void theShimReportsUnserializableValuesAndParsesStringifiedMessages() throws Exception {
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/one"));
            FxSupport.await(Duration.ofSeconds(30), "page one", () -> recorder.capturedCount() >= 1);
            get(channel.call("var cyclic = {}; cyclic.self = cyclic; unibar.capture(cyclic);"
                    + "unibar.capture(function () {});"
                    + "window.postMessage(JSON.stringify({eventName: 'wrapped'}), '*');"
                    + "setTimeout(function () { unibar.capture({last: 1}); }, 20);"));
            FxSupport.await(Duration.ofSeconds(30), "the last capture", () -> recorder.capturedCount() >= 3);

            List<FxSupport.Malformed> bad = recorder.malformed();
            assertEquals(2, bad.size(), bad.toString());
            assertTrue(bad.get(0).reason().startsWith("page value could not be serialized: "), bad.get(0).reason());
            assertEquals("page value could not be serialized: value of type function", bad.get(1).reason());
            List<FxSupport.Captured> got = recorder.captured();
            assertEquals("wrapped", got.get(1).line().path("eventName").asText());
            assertEquals(1, got.get(2).line().path("last").asInt());
        }
    }

    @Test
    void capturesFlowWhileASlowFrameIsStillLoading() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean frameServed = new AtomicBoolean();
        HostServer slow = new HostServer();
        slow.addPage("/slow", () -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            frameServed.set(true);
            return "<p>vendor bar</p>";
        });
        slow.start();
        host.addPage("/framed", () -> FxSupport.page("<script>unibar.capture({early: 1});</script>"
                + "<iframe src=\"" + slow.url("/slow") + "\"></iframe>"));
        FxSupport.Recorder recorder = new FxSupport.Recorder();
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            channel.setCaptureHandler(recorder);
            channel.load(host.url("/framed"));
            FxSupport.await(Duration.ofSeconds(15), "the capture", () -> recorder.capturedCount() >= 1);
            assertFalse(frameServed.get(), "the frame had not loaded yet");
            assertEquals(1, channel.attachments());
            release.countDown();
            FxSupport.await(Duration.ofSeconds(15), "the frame", frameServed::get);
            assertEquals("2", get(channel.call("1+1")));
            assertEquals(1, channel.attachments(), "SUCCEEDED does not attach the same window twice");
        } finally {
            release.countDown();
            slow.stop();
        }
    }

    @Test
    void loggedUrlsLoseTheirQuery() {
        assertEquals("https://bar.vendor.com/app", WebPageChannel.withoutQuery("https://bar.vendor.com/app?token=s3cret#x"));
        assertEquals("https://bar.vendor.com/app", WebPageChannel.withoutQuery("https://bar.vendor.com/app#t=s3cret?y"));
        assertEquals("", WebPageChannel.withoutQuery(null));
    }

    @Test
    void theViewIsTheChannelsOwnNode() throws Exception {
        try (WebPageChannel channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()))) {
            assertSame(channel.view(), channel.view());
            assertThrows(IllegalStateException.class, () -> new WebPageChannel(new OriginPolicy()),
                    "off the FX thread");
        }
    }
}
