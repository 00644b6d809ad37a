package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.testkit.Host;
import javafx.stage.Stage;

import java.util.function.Function;

/** The bar on the test stage with a vendor page in the given host, session started, page loaded. */
final class HostedBar {

    private HostedBar() {
    }

    /** Skips the calling test when the host cannot run here (no browser). Call off the FX thread. */
    static VendorContext show(Host host, Stage stage, VendorModule module, Function<VendorEnvironment, VendorSetup> setUp) {
        return show(host, stage, module, setUp, "en");
    }

    /** The same with the bar in {@code language}. */
    static VendorContext show(Host host, Stage stage, VendorModule module, Function<VendorEnvironment, VendorSetup> setUp,
                              String language) {
        host.assumeAvailable();
        VendorContext[] ctx = new VendorContext[1];
        // The first WebView and scene of a JVM take long on a loaded machine: 10 s failed under CI-like load.
        Fx.get(() -> {
            ctx[0] = host.open(module, setUp);
            stage.setScene(new UnibarApp().buildScene(stage, ctx[0], Messages.forLanguage(language)));
            stage.show();
            ctx[0].session().start();
            return null;
        }, 60);
        host.awaitPage(ctx[0]);
        return ctx[0];
    }

    /** Unloads the page before its servers stop (a page polling a dead server has crashed the JVM), then closes. */
    static void close(VendorContext ctx) {
        if (ctx == null) return;
        if (ctx.page() != null) Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }
}
