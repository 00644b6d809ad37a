package dev.unibar.app;

import dev.unibar.bridge.WebPageChannel;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimState;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import dev.unibar.ui.Messages;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: a browser that cannot start, or keeps stopping, leaves the vendor page in the bar's WebView — same
 * session, same connector — with a notice that says why, and for a vendor whose call audio is in its page (MAX),
 * that calls have none there. A start failure ends with a call the simulator really received from the bar.
 */
class BrowserFallbackTest extends PageFaultSuite {

    /** What Chromium prints, and how it exits, when run as root without --no-sandbox (the case the issue met). */
    private static final String ROOT_REFUSAL = "Running as root without --no-sandbox is not supported. See https://crbug.com/638180.";
    @Test
    void maxWhoseBrowserCannotStartRunsInTheWebViewSaysWhyAndThatCallsHaveNoAudio() throws Exception {
        MaxSimulator sim = new MaxSimulator().start();
        Path browser = refusingBrowser();
        open(new MaxModule(), env -> MaxModule.forSimulator(sim, env), options(browser, BrowserOptions.Transport.PIPE), sim::stop);

        awaitInWebView();
        await("MAX subscribed in the WebView", () -> bar().connection() == ConnectionStatus.CONNECTED && bar().agentStateKnown());
        Event.Notice notice = movedNotice();
        assertEquals("page.moved.notStarted.noAudio", notice.key());
        assertEquals("The browser " + browser + " could not start (exited with 1: " + ROOT_REFUSAL
                + "): the vendor page is shown in the bar instead, where calls have no audio.", notice.message());
        assertTrue(notices().noneMatch(n -> "page.failed".equals(n.key())), "not the old dead end: the browser failed, the page did not");
        Node line = OnFx.get(() -> ctx.vendorView().orElseThrow().lookup("#vendorPageMoved"));
        assertEquals("The browser " + browser + " could not start (exited with 1: " + ROOT_REFUSAL
                + "): the vendor page is shown in the bar instead.", OnFx.get(() -> ((javafx.scene.control.Labeled) line).getText()),
                "the vendor panel keeps saying why after the message strip has moved on");

        String call = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        await("the call is live on the bar", () -> bar().calls().containsKey(call)
                && bar().calls().get(call).status() == CallStatus.CONNECTED);
        ctx.session().send(new Command.Hold(call)).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        MaxSimState.Received hold = sim.awaitReceived("HoldEvent", 0, BOUND);
        assertNotNull(hold, "MAX got the bar's hold");
        assertTrue(hold.accepted(), "from the WebView's MAX page: " + hold.note());
        await("held on the bar, as MAX says", () -> bar().calls().get(call).status() == CallStatus.HELD);
    }

    @Test
    void agentDesktopWhoseBrowserCannotStartOverThePortRunsInTheWebViewWithoutAudioWords() throws Exception {
        AgentDesktopSimulator sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        Path browser = refusingBrowser();
        open(new AgentDesktopModule(), env -> AgentDesktopModule.forSimulator(sim, env),
                options(browser, BrowserOptions.Transport.PORT), sim::stop);

        awaitInWebView();
        await("the widget ready in the WebView", () -> bar().phase() == SessionPhase.READY
                && bar().connection() == ConnectionStatus.CONNECTED);
        Event.Notice notice = movedNotice();
        assertEquals("page.moved.notStarted", notice.key(), "AgentDesktop's audio is not in its page: no audio words");
        assertEquals("The browser " + browser + " could not start (exited with 1: " + ROOT_REFUSAL
                + "): the vendor page is shown in the bar instead.", notice.message());

        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        await("ringing", () -> bar().calls().containsKey(call));
        ctx.session().send(new Command.Answer(call));
        await("AgentDesktop recorded the bar's answer", () -> sim.recorded().stream()
                .anyMatch(r -> r.qualified().equals("CONTACT.Answer") && r.accepted() && r.args().contains(call)));
        await("talking", () -> bar().calls().get(call).status() == CallStatus.CONNECTED);
    }

    /**
     * A browser that keeps stopping is restarted within its budget (one restart a minute here), then given up: the
     * page moves to the WebView with "stopped 2 times". The simulator's page session was the browser profile's (a
     * one-time page key, spent there): the WebView's MAX is signed out, so the bar must not claim to know — it stays
     * "not known" with the call unsure, never a green Connected (decision 0076, cost).
     */
    @Test
    void aBrowserThatKeepsCrashingIsGivenUpAndTheBarSaysWhyAndThatItDoesNotKnow() throws Exception {
        MaxSimulator sim = new MaxSimulator().start();
        BrowserOptions real = Browsers.headless("max-crashloop").maxRestarts(1);
        open(new MaxModule(), env -> MaxModule.forSimulator(sim, env), real, sim::stop);
        BrowserPageChannel window = (BrowserPageChannel) ctx.page();
        await("subscribed to MAX in the browser", () -> bar().connection() == ConnectionStatus.CONNECTED && bar().agentStateKnown());
        String call = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        await("the call is live on the bar", () -> bar().calls().containsKey(call)
                && bar().calls().get(call).status() == CallStatus.CONNECTED);

        ProcessHandle first = window.browserProcess().orElseThrow();
        first.destroyForcibly();
        await("restarted once", () -> window.browserProcess().filter(p -> p.pid() != first.pid() && p.isAlive()).isPresent()
                && window.state() == BrowserPageChannel.WindowState.OPEN);
        window.browserProcess().orElseThrow().destroyForcibly();

        awaitInWebView();
        Event.Notice notice = movedNotice();
        assertEquals("page.moved.crashing.noAudio", notice.key());
        assertEquals("The browser " + real.executable() + " stopped 2 times within a minute: the vendor page is shown in the"
                + " bar instead, where calls have no audio.", notice.message());
        WebPageChannel webView = (WebPageChannel) ctx.page();
        await("MAX's page loaded in the WebView and spoke", () -> webView.pipeline().batches() > 0);
        assertEquals(ConnectionStatus.RECONNECTING, bar().connection(), "not known until MAX answers a registration");
        assertFalse(bar().agentStateKnown(), "no counting state the bar cannot vouch for");
        assertEquals(0, PageFault.told(ctx, Event.CallEnded.class, call), "not ended: MAX may still have it");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, BrowserOptions options,
                      Runnable stopSimulator) throws Exception {
        open(() -> VendorContext.openInBrowser(module, setUp, Clock.systemUTC(), options, Messages.forLanguage("en")), stopSimulator);
    }

    private static BrowserOptions options(Path executable, BrowserOptions.Transport transport) throws Exception {
        Path base = Files.createDirectories(Path.of("target", "browser-profiles").toAbsolutePath());
        return new BrowserOptions(executable, Files.createTempDirectory(base, "fallback-")).headless(true).transport(transport);
    }

    /** A "browser" that says what Chromium says as root without --no-sandbox, and exits as it does. */
    private static Path refusingBrowser() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "fake-browsers").toAbsolutePath());
        Path exe = Files.createTempFile(dir, "chromium-", ".sh");
        Files.writeString(exe, "#!/bin/sh\n"
                + "echo '/usr/bin/chromium: 9: [: 25276190720: unexpected operator' >&2\n"
                + "echo '[32663:32663:1207/131039.096136:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] "
                + ROOT_REFUSAL + "' >&2\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return exe;
    }

    /** The page in a WebView, shown in the vendor panel instead of the browser window's status. */
    private void awaitInWebView() throws Exception {
        await("the page moved to a WebView", () -> ctx.page() instanceof WebPageChannel);
        Node panel = OnFx.get(() -> ctx.vendorView().orElseThrow());
        assertTrue(OnFx.get(() -> contains(panel, WebView.class)), "the vendor panel shows the WebView");
        assertFalse(OnFx.get(() -> panel.lookup("#browserPanel") != null), "not the browser window's status any more");
    }

    private static boolean contains(Node n, Class<?> type) {
        if (type.isInstance(n)) return true;
        return n instanceof Parent p && p.getChildrenUnmodifiable().stream().anyMatch(c -> contains(c, type));
    }

    /** The notices the bar was told, as the inspector (and the support bundle's export of it) keeps them. */
    private java.util.stream.Stream<Event.Notice> notices() {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(e -> e instanceof Event.Notice).map(e -> (Event.Notice) e);
    }

    private Event.Notice movedNotice() {
        List<Event.Notice> moved = notices().filter(n -> n.key() != null && n.key().startsWith("page.moved.")).toList();
        assertEquals(1, moved.size(), "one notice says why, and the inspector keeps it: " + moved);
        return moved.get(0);
    }
}
