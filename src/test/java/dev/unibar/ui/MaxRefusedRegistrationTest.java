package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimulator;
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

    @Start
    void start(Stage stage) {
        sim = new MaxSimulator().start();
        ctx = VendorContext.open(new MaxModule(), env -> MaxModule.forSimulator(sim, env, List.of("everything")),
                Clock.systemUTC());
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
    void theRefusalReasonIsShown(FxRobot robot) {
        Label notice = robot.lookup("#notice").query();
        Fx.until("MAX's reason in the bar", () -> notice.getText().contains("Invalid Subscription Types"));
        assertEquals(0, sim.state().subscriberCount());
        assertNotNull(ctx.session().store().state().lastError());
    }
}
