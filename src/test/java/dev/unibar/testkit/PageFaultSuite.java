package dev.unibar.testkit;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.state.BarState;
import dev.unibar.journal.CallJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** What a vendor's page-fault suite shares ({@link PageFault}): the bar in a host, its simulator, a journal. */
public abstract class PageFaultSuite {

    protected static final Duration BOUND = Duration.ofSeconds(60);

    protected VendorContext ctx;
    protected CallJournal journal;
    private Runnable stopSimulator;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeAll() throws Exception {
        try {
            // As HostedBar does: the page is unloaded before its servers stop (a WebView page polling a dead server
            // has crashed the JVM; a test JVM aborted at exit after BrowserFallbackTest, whose page is in a WebView).
            if (ctx != null && ctx.page() != null) OnFx.run(() -> ctx.page().load("about:blank"));
            if (ctx != null) OnFx.run(() -> ctx.close());
            if (journal != null) journal.close();
        } finally {
            if (stopSimulator != null) stopSimulator.run();
        }
    }

    /** Opens the vendor in {@code host} with a journal recording it, starts it and waits for its page. */
    protected void open(Host host, VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, Runnable stopSimulator)
            throws Exception {
        open(() -> host.open(module, setUp), stopSimulator);
        host.awaitPage(ctx);
    }

    /** Opens the vendor as {@code opener} makes it (on the FX thread) with a journal recording it, and starts it. */
    protected void open(java.util.concurrent.Callable<VendorContext> opener, Runnable stopSimulator) throws Exception {
        this.stopSimulator = stopSimulator;
        ctx = OnFx.get(opener);
        journal = PageFault.journal(ctx);
        ctx.session().start();
    }

    protected BarState bar() {
        return ctx.session().store().state();
    }

    protected void await(String what, BooleanSupplier condition) {
        PageFault.await(ctx, what, BOUND, condition);
    }
}
