package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.flow.Flow;
import dev.unibar.flow.FlowReader;
import dev.unibar.flow.FlowRecorder;
import dev.unibar.testkit.Click;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector's Record control: the agent's calls, recorded as they are handled, saved as a flow. */
@ExtendWith(ApplicationExtension.class)
class FlowRecordControlTest {

    private VendorContext ctx;
    private UnibarApp app;
    private EpbxSimulator sim;

    @Start
    void start(Stage stage) {
        sim = EpbxSimulator.run(0);
        ctx = VendorContext.open(new EpbxModule(), env -> EpbxModule.forSimulator(sim, "classic"), Clock.systemUTC());
        app = new UnibarApp();
        stage.setScene(app.buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
        ctx.session().start();
    }

    @AfterEach
    void stop() {
        Fx.run(() -> {
            if (app.inspectorStage() != null) app.inspectorStage().hide();
        });
        Fx.run(ctx::close);
    }

    @Test
    void aCallRecordedInTheInspectorIsSavedAsAFlow(FxRobot robot, @TempDir Path dir) throws Exception {
        MenuItem inspector = Fx.get(() -> ((MenuBar) robot.lookup("#menuBar").query()).getMenus().stream()
                .map(Menu::getItems).flatMap(List::stream).filter(i -> "menuInspector".equals(i.getId())).findFirst().orElseThrow());
        Fx.run(inspector::fire);
        Fx.until("inspector open", () -> app.inspectorStage() != null && app.inspectorStage().isShowing());
        Click.on(robot, "#inspectorRecord");
        Fx.until("recording", () -> FlowRecorder.of(ctx.session()).recording());

        ctx.session().send(new Command.Login("agent", "agent", false, "1000", "ramalVirtual"));
        wait("signed in", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        sim.scenario("inbound", Map.of("telefone", "11987654321"));
        wait("talking", () -> ctx.session().store().state().activeCall().isPresent()
                && ctx.session().store().state().activeCall().get().status() == dev.unibar.core.state.CallStatus.CONNECTED);
        sim.scenario("hangup", Map.of());
        wait("ended", () -> ctx.session().store().state().calls().isEmpty());
        Fx.until("the control counts the steps", () -> ((Label) robot.lookup("#inspectorRecordStatus").query()).getText()
                .equals("Recording a flow: 3 steps so far"));

        Path file = dir.resolve("day.yml");
        FlowRecordControl control = robot.lookup("#flowRecordControl").query();
        Fx.run(() -> control.setChooser(w -> file.toFile()));
        Click.on(robot, "#inspectorRecord");
        Fx.until("saved", () -> ((Label) robot.lookup("#inspectorRecordStatus").query()).getText()
                .equals("Flow saved: " + file + " (3 steps)"));
        Flow flow = FlowReader.read(file);
        assertEquals(List.of("AGENT login", "FAR inbound", "FAR hangup"),
                flow.steps().stream().map(s -> s.kind() + " " + s.action()).toList());
        assertTrue(!Files.readString(file).contains("password: agent"), "no password written");
        assertEquals("Record flow", Fx.get(() -> ((javafx.scene.control.Button) robot.lookup("#inspectorRecord").query()).getText()));
    }

    private static void wait(String what, java.util.function.BooleanSupplier c) {
        dev.unibar.testkit.Wait.until(what, Duration.ofSeconds(60), c);
    }
}
