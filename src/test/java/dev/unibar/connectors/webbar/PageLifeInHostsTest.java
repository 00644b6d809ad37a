package dev.unibar.connectors.webbar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.PageEvent;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.core.model.Event;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The page's life as a web-bar connector sees it, in the two real hosts: each new document reaches
 * {@code pageLoaded} exactly once, after every line of the document before it and before any line of its own; in
 * the browser window a closed window, a reopened one and a killed browser reach {@code pageGone} and
 * {@code pageLoaded} the same way. Exactly once is proven by order: a line captured after the event cannot come
 * before a second copy of it, since both go through the same queue.
 */
class PageLifeInHostsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static HostServer host;
    private AutoCloseable channel;
    private Life life;

    @BeforeAll
    static void servers() {
        host = new HostServer();
        host.addPage("/life", () -> "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"/unibar/shim.js\"></script>"
                + "<script>unibar.capture({name: 'document'});</script></head><body>life</body></html>");
        host.start();
    }

    @AfterAll
    static void stopServers() {
        host.stop();
    }

    @AfterEach
    void close() throws Exception {
        if (life != null) life.stop();
        if (channel != null) channel.close();
    }

    /** A vendor that writes down, in one list and in order, each line it mapped and each hook it was given. */
    static final class Life extends WebBarConnectorTest.CommandlessVendor {
        final List<String> log = new CopyOnWriteArrayList<>();

        Life(PageChannel page) {
            super(WebPage.host(page, () -> host.url("/life")));
        }

        @Override
        protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
            log.add(line.path("name").asText());
            super.deliver(s, line, raw, events);
        }

        @Override
        protected void pageLoaded(boolean reload) {
            log.add(reload ? "reloaded" : "loaded");
        }

        @Override
        protected void pageGone(PageEvent.Kind why) {
            log.add("gone " + why);
        }
    }

    private void awaitLog(String what, List<String> expected) {
        Wait.until(what + ": " + expected, WAIT, () -> life.log.size() >= expected.size());
        assertEquals(expected, life.log, what);
    }

    private String run(PageChannel page, String script) throws Exception {
        return page.call(script).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Starts the connector on the page, and reloads the page from its own script. */
    private void startThenReload(PageChannel page) throws Exception {
        channel = (AutoCloseable) page;
        life = new Life(page);
        life.start(new WebBarConnectorTest.Sink());
        awaitLog("the first document", List.of("loaded", "document"));
        run(page, "location.reload(); 0");
        awaitLog("a reload", List.of("loaded", "document", "reloaded", "document"));
    }

    @Test
    void inTheWebViewEachDocumentIsLoadedOnce() throws Exception {
        FxToolkit.registerPrimaryStage();
        WebPageChannel page = WebPageChannel.create(OriginPolicy.forHost(host, List.of())).get(30, TimeUnit.SECONDS);
        startThenReload(page);

        page.load(host.url("/life"));
        awaitLog("a navigation to the same page", List.of("loaded", "document", "reloaded", "document", "reloaded", "document"));
        Wait.until("the new document answers", WAIT, () -> "life".equals(page.call("document.body && document.body.textContent")
                .toCompletableFuture().join()));
        run(page, "unibar.capture({name: 'later'}); 0");
        awaitLog("no second copy of any load", List.of("loaded", "document", "reloaded", "document", "reloaded", "document", "later"));
    }

    @Test
    void inTheBrowserWindowReloadsClosesReopensAndCrashesEachReachTheirHookOnce() throws Exception {
        BrowserPageChannel page = new BrowserPageChannel(OriginPolicy.forHost(host, List.of()), Browsers.headless("life"));
        startThenReload(page);

        page.closeWindow().get(30, TimeUnit.SECONDS);
        awaitLog("the window closed", List.of("loaded", "document", "reloaded", "document", "gone CLOSED"));

        page.reopen().get(90, TimeUnit.SECONDS);
        awaitLog("reopened", List.of("loaded", "document", "reloaded", "document", "gone CLOSED", "reloaded", "document"));

        page.browserProcess().orElseThrow().destroyForcibly();
        List<String> crashed = List.of("loaded", "document", "reloaded", "document", "gone CLOSED", "reloaded", "document",
                "gone CRASHED", "reloaded", "document");
        awaitLog("the browser killed and restarted", crashed);

        Wait.until("the restarted page answers", WAIT, () -> page.state() == BrowserPageChannel.WindowState.OPEN);
        run(page, "unibar.capture({name: 'later'}); 0");
        Wait.until("a line after the restart", WAIT, () -> life.log.contains("later"));
        List<String> all = new java.util.ArrayList<>(crashed);
        all.add("later");
        assertEquals(all, life.log, "no second copy of any load or loss");
    }
}
