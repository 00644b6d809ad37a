package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimState;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Node;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * NICE MAX end to end: the native bar, the session, the MAX connector, the fake MAX page in a real WebView
 * with Unibar's hidden child frame inside it, and the simulator behind the page. Assertions are on what
 * the simulator recorded and what the bar shows.
 */
@ExtendWith(ApplicationExtension.class)
class MaxEndToEndTest {

    private MaxSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        sim = new MaxSimulator().start();
        ctx = VendorContext.open(new MaxModule(), env -> MaxModule.forSimulator(sim, env), Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
        ctx.session().start();
    }

    @AfterEach
    void stop() {
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private List<String> commands() {
        return sim.state().received().stream().map(MaxSimState.Received::messageType)
                .filter(t -> !t.endsWith("ClientEvents")).toList();
    }

    @Test
    void answerHoldResumeMuteAndHangUpFromNativeControls(FxRobot robot) {
        Fx.until("subscribed to MAX", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        assertEquals(1, sim.state().subscriberCount(), "one child, one registration");
        Label notice = node(robot, "#notice");
        Fx.until("the bar points to MAX's panel", () -> notice.getText().contains("MAX"));
        assertFalse(Fx.get(() -> node(robot, "#transfer").isManaged()), "MAX has no transfer command");
        assertFalse(Fx.get(() -> node(robot, "#dialPad").isManaged()), "MAX has no dial command");

        Node answer = node(robot, "#answer");
        sim.scenario("inbound", Map.of("ani", "8015551234"));
        Fx.until("answer enabled by the ringing call", () -> !answer.isDisabled());
        Click.on(robot, "#answer");
        Fx.until("connected", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));

        Click.on(robot, "#hold");
        Fx.until("held badge", () -> node(robot, "#heldBadge").isVisible());
        Click.on(robot, "#hold");
        Fx.until("resumed", () -> !node(robot, "#heldBadge").isVisible());
        Click.on(robot, "#mute");
        Fx.until("muted badge", () -> node(robot, "#mutedBadge").isVisible());
        Click.on(robot, "#hangup");
        Fx.until("the call ended", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() != CallStatus.CONNECTED).orElse(true));

        assertEquals(List.of("AnswerEvent", "HoldEvent", "HoldEvent", "MuteEvent", "HangupEvent"), commands());
        assertTrue(sim.state().received().stream().allMatch(MaxSimState.Received::accepted),
                "MAX acted on every message: " + sim.state().received());
        assertEquals(1, sim.state().received().stream().filter(r -> r.messageType().equals("RegisterForClientEvents")).count(),
                "never a second registration");
    }
}
