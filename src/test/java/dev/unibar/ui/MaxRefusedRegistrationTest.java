package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.testkit.Seen;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** MAX refuses a subscription with no valid type: its reason reaches the bar. */
@ExtendWith(ApplicationExtension.class)
class MaxRefusedRegistrationTest {

    private MaxSimulator sim;
    private VendorContext ctx;
    private Seen<String> strip;

    @Start
    void start(Stage stage) {
        sim = new MaxSimulator().start();
        ctx = VendorContext.open(new MaxModule(), env -> MaxModule.forSimulator(sim, env, List.of("everything")),
                Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        // Everything the strip shows from the start: a later message (or the strip's own timer) may replace
        // MAX's reason before a slow machine gets to read it.
        strip = Seen.watch(((Label) stage.getScene().lookup("#notice")).textProperty());
        stage.show();
        ctx.session().start();
    }

    @AfterEach
    void stop() {
        strip.close();
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    @Test
    void theRefusalReasonIsShown(FxRobot robot) {
        strip.await("MAX's reason in the bar", java.time.Duration.ofSeconds(10), t -> t.contains("Invalid Subscription Types"));
        assertEquals(0, sim.state().subscriberCount());
        assertNotNull(ctx.session().store().state().lastError());
    }
}
