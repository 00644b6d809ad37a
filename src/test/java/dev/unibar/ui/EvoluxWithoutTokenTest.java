package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.evolux.EvoluxConfig;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without an Evolux API token there is no click-to-call: no dial pad, and the bar says where calls are made. */
@ExtendWith(ApplicationExtension.class)
class EvoluxWithoutTokenTest {

    private EvoluxSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        sim = new EvoluxSimulator(0, "unused-token").start();
        EvoluxConfig noToken = new EvoluxConfig(sim.phoneUrl(), null, null, null, null);
        ctx = VendorContext.open(new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, noToken, env), Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
        ctx.session().start();
    }

    @AfterEach
    void stop() {
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    @Test
    void theDialPadIsHiddenAndTheBarSaysCallsArePlacedInTheEvoluxPanel(FxRobot robot) {
        Fx.until("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        assertFalse(ctx.session().connector().capabilities().supports(CommandKind.DIAL));
        assertFalse(Fx.get(() -> robot.lookup("#dialPad").query().isVisible()), "no dial pad without a token");
        Label notice = robot.lookup("#notice").query();
        assertTrue(Fx.get(notice::getText).contains("Calls are placed, and pauses started and ended, in the Evolux panel"), Fx.get(notice::getText));
        assertEquals("evolux.start.noAudio.callsInPanel", ctx.session().store().state().lastNotice().key(), "keyed: the bar renders it in the agent's language");
        assertTrue(sim.apiCalls().isEmpty());
    }
}
