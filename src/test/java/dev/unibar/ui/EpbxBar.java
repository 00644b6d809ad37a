package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.state.BarState;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The native bar on an EPBX simulator over classic SignalR, as the EPBX TestFX tests open it. */
final class EpbxBar {

    static final Duration WAIT = Duration.ofSeconds(20);

    final EpbxSimulator sim;
    final VendorContext ctx;

    EpbxBar(Stage stage, String language) {
        sim = EpbxSimulator.builder().port(0).keepAlive(Duration.ofMillis(500)).build().start();
        ctx = VendorContext.open(new EpbxModule(), env -> EpbxModule.forSimulator(sim, "classic"), Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage(language)));
        stage.show();
        ctx.session().start();
    }

    void close() {
        Fx.run(ctx::close);
    }

    BarState state() {
        return ctx.session().store().state();
    }

    /** The first invocation of a hub method the simulator received. */
    EpbxSimulator.Invocation recorded(String method) {
        EpbxSimulator.Invocation i = sim.awaitRecorded(method, WAIT);
        assertNotNull(i, "the simulator received " + method);
        return i;
    }

    static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }
}
