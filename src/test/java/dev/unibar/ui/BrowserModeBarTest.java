package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.bridge.browser.BrowserPageChannel.WindowState;
import dev.unibar.config.PageHosting;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.Wait;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the agent sees of browser mode: the vendor panel says the page is in its own window; a closed window is
 * told in the bar and offered again; no browser means the WebView and a message saying so.
 */
@ExtendWith(ApplicationExtension.class)
class BrowserModeBarTest {

    private Stage stage;
    private EvoluxSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (ctx != null) {
            Fx.run(() -> ctx.page().load("about:blank"));
            Fx.run(ctx::close);
        }
        if (sim != null) sim.close();
    }

    private void show() {
        Fx.run(() -> {
            stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
            stage.show();
            ctx.session().start();
        });
    }

    @Test
    void aClosedWindowIsToldAndReopenedFromTheBar(FxRobot robot) throws Exception {
        Host.BROWSER.assumeAvailable();
        sim = new EvoluxSimulator(0, "evx-token-bar-test").start();
        ctx = HostedBar.show(Host.BROWSER, stage, new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, env));
        BrowserPageChannel page = (BrowserPageChannel) ctx.page();
        Label status = robot.lookup("#browserWindowStatus").query();
        Node reopen = robot.lookup("#reopenVendorWindow").query();
        Fx.until("the panel says where the page is", () -> status.getText().contains("its own window") && !reopen.isVisible());
        Fx.until("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);

        page.closeWindow().get(30, TimeUnit.SECONDS);
        Label notice = robot.lookup("#notice").query();
        Fx.until("the bar tells the agent", () -> notice.getText().contains("vendor window was closed"));
        Fx.until("and offers to reopen it", () -> reopen.isVisible() && status.getText().contains("closed"));

        long before = page.pipeline().batches();
        Click.on(robot, "#reopenVendorWindow");
        Wait.until("the page is back and talking", Duration.ofSeconds(90),
                () -> page.state() == WindowState.OPEN && page.pipeline().batches() > before);
        Fx.until("the offer goes away", () -> !reopen.isVisible());
    }

    @Test
    void withoutABrowserThePageOpensInTheBarAndTheBarSaysSo(FxRobot robot) {
        UnibarConfig demo = new UnibarConfig(null, null, "evolux", "en", Map.of(), null,
                new PageHosting(Map.of(), Path.of("/nonexistent/unibar-test/chrome")));
        Fx.run(() -> ctx = VendorContext.create(demo));
        show();
        assertInstanceOf(WebView.class, Fx.get(() -> ctx.vendorView().orElseThrow()), "the WebView instead");
        Label notice = robot.lookup("#notice").query();
        // It names the browser the agent configured, and Evolux's phone is WebRTC: no audio in the bar (issue 21).
        Fx.until("the message", () -> notice.getText().equals("The configured browser /nonexistent/unibar-test/chrome was not"
                + " found or cannot be run: the vendor page is shown in the bar instead, where calls have no audio."));
        assertTrue(robot.lookup("#browserPanel").tryQuery().isEmpty());
    }
}
