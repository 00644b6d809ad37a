package dev.unibar.app.desktop;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.Recorded;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Seen;
import dev.unibar.testkit.Wait;
import dev.unibar.ui.Messages;
import dev.unibar.ui.UnibarApp;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production start-up path around a real UCS simulator: the context built off the FX thread (as
 * {@code Launcher} does), {@link UnibarApp#start} with the desktop shell as its stage hook, and the
 * single-instance channel driven as a second start of Unibar would.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopShellTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private UcsSimulator sim;
    private VendorContext ctx;
    private DesktopShell shell;
    private AppDirs dirs;
    private boolean deferredAtStart;

    @Start
    void start(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("unibar-desktop");
        dirs = new AppDirs(tmp.resolve("logs"), tmp.resolve("state"), tmp.resolve("data"));
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        ctx = CompletableFuture.supplyAsync(() -> VendorContext.open(new UcsModule(),
                env -> UcsModule.forSimulator(sim, env), Clock.systemUTC())).get(20, TimeUnit.SECONDS);
        deferredAtStart = !ctx.pageMade();
        UnibarConfig config = UnibarConfig.demoConfig();
        shell = DesktopShell.claim(config, List.of(), dirs).shell();
        UnibarApp.setConfig(config);
        UnibarApp.setContextFactory(c -> ctx);
        UnibarApp.setStageHook((s, c) -> shell.attach(s, c, ctx::realizePage));
        new UnibarApp().start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UnibarApp.setStageHook(null);
        if (ctx.page() != null) {
            WaitForAsyncUtils.asyncFx(() -> ctx.page().load("about:blank")).get(10, TimeUnit.SECONDS);
            try {
                Wait.until("page unloaded", Duration.ofSeconds(5), () -> sim.connectedPages() == 0);
            } catch (AssertionError slowUnload) {
                // cleanup only
            }
        }
        WaitForAsyncUtils.asyncFx(ctx::close).get(10, TimeUnit.SECONDS);
        shell.close();
        sim.stop();
    }

    @Test
    void theBarShowsBeforeTheVendorPageWhichArrivesAfterTheFirstFrame(FxRobot robot) {
        assertTrue(deferredAtStart, "built off the FX thread, the context has no WebView yet");
        Wait.until("the vendor page made and connected", WAIT, () -> ctx.page() != null
                && ctx.session().store().state().connection() == ConnectionStatus.CONNECTED);
        TitledPane panel = robot.lookup("#vendorPanel").queryAs(TitledPane.class);
        StackPane holder = (StackPane) panel.getContent();
        assertEquals(1, holder.getChildren().size());
        assertTrue(holder.getChildren().get(0) instanceof WebView, "the WebView sits in the vendor panel");
    }

    @Test
    void aSecondStartBringsTheBarForwardAndADialBeforeLoginGoesOutOnceReady(FxRobot robot) throws Exception {
        assertEquals("ok: the running bar was brought forward", InstanceChannel.send(dirs.state(), List.of()));
        String reply = InstanceChannel.send(dirs.state(), List.of("tel:+420 601 123 456"));
        assertEquals("ok: will dial +420601123456 once the agent is logged in", reply);
        Wait.until("the bar tells the agent", WAIT, () -> "Will dial +420601123456 once you are logged in."
                .equals(fx(() -> robot.lookup("#notice").queryAs(Label.class).getText())));
        assertEquals("error: not a number to dial: \"javascript:alert(1)\"",
                InstanceChannel.send(dirs.state(), List.of("dial", "javascript:alert(1)")));

        Wait.until("login form", WAIT, () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS);
        Click.on(robot, "#password").write("agent");
        Click.on(robot, "#login");
        Wait.until("device picker", WAIT, () -> fx(() -> !robot.lookup("#deviceList").queryAs(ListView.class).getItems().isEmpty()));
        fx(() -> {
            robot.lookup("#deviceList").queryAs(ListView.class).getSelectionModel().select(0);
            return null;
        });
        Click.on(robot, "#pairDevice");
        Recorded dial = sim.awaitRecorded("dial", WAIT);
        assertNotNull(dial, "the simulator received dial() once the bar was ready");
        assertEquals("+420601123456", dial.args().get(0));
    }

    @Test
    void theSupportBundleIsSavedFromTheViewMenu(FxRobot robot) throws Exception {
        Object item = findMenuItem(robot);
        assertNotNull(item, "View menu has the support bundle item");
        Path zip = dirs.data().resolve("bundle.zip");
        Files.createDirectories(dirs.data());
        shell.saveSupportBundle(zip, ctx.session(), Messages.forLanguage("en")).get(20, TimeUnit.SECONDS);
        assertTrue(Files.size(zip) > 0);
        Wait.until("the agent is told where it went", WAIT,
                () -> fx(() -> robot.lookup("#" + ResultNote.ID).tryQueryAs(Label.class).map(Label::getText).orElse("")).contains("bundle.zip"));
    }

    /**
     * Issue 22: "saved to …" went with the next vendor notice (or its timer) before the agent read it. The result of
     * the agent's own action stays until the agent dismisses it or acts in the bar again.
     */
    @Test
    void theSupportBundlesResultStaysUntilTheAgentActs(FxRobot robot) throws Exception {
        Path zip = dirs.data().resolve("kept.zip");
        Files.createDirectories(dirs.data());
        shell.saveSupportBundle(zip, ctx.session(), Messages.forLanguage("en")).get(20, TimeUnit.SECONDS);
        Wait.until("the result is shown", WAIT, () -> fx(() -> robot.lookup("#" + ResultNote.ID).tryQuery().isPresent()));
        ctx.session().store().apply(new dev.unibar.core.model.Event.Notice("ucs", null,
                dev.unibar.core.model.NoticeLevel.WARNING, "a vendor notice meanwhile"));
        Wait.until("the vendor notice is in the strip", WAIT,
                () -> fx(() -> robot.lookup("#notice").queryAs(Label.class).getText()).contains("a vendor notice meanwhile"));
        assertTrue(fx(() -> robot.lookup("#" + ResultNote.ID).queryAs(Label.class).getText()).contains("kept.zip"),
                "the agent's own result is still there");
        robot.clickOn("#menuBar");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        Wait.until("the agent's next action takes it away", WAIT,
                () -> fx(() -> robot.lookup("#" + ResultNote.ID).tryQuery().isEmpty()));
    }

    private static Object findMenuItem(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menuSupportBundle".equals(i.getId())).findFirst().orElse(null));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return Platform.isFxApplicationThread() ? c.call() : WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
