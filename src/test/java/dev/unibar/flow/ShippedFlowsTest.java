package dev.unibar.flow;

import dev.unibar.app.VendorContext;
import dev.unibar.app.Vendors;
import dev.unibar.connectors.VendorModule;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every flow under flows/&lt;vendor&gt;/ passes against that vendor's simulator, through the same composition
 * root as demo mode (a vendor with a web bar gets its page in a real WebView). A registered vendor without
 * flows fails: the flows are how supervisors rehearse a vendor's documented sequences.
 */
@ExtendWith(ApplicationExtension.class)
class ShippedFlowsTest {

    static final Path FLOWS = Path.of("flows");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @TestFactory
    Stream<DynamicTest> everyShippedFlowPassesAgainstItsVendorsSimulator() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (VendorModule m : Vendors.all()) {
            Path dir = FLOWS.resolve(m.id());
            List<Path> files = Files.isDirectory(dir) ? list(dir) : List.of();
            tests.add(DynamicTest.dynamicTest(m.id() + " has flows", () -> assertFalse(files.isEmpty(),
                    "no flows under " + dir + " for the registered vendor " + m.id())));
            for (Path f : files) tests.add(DynamicTest.dynamicTest(f.toString(), () -> runPasses(m, f)));
        }
        return tests.stream();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /**
     * The flow passes, and so does its recording (issue 24's round trip): what the run recorded in the bar,
     * written as a flow and read back, passes against a fresh simulator of the same vendor.
     */
    private void runPasses(VendorModule module, Path file) throws Exception {
        Flow flow = FlowReader.read(file);
        assertEquals(module.id(), flow.vendor(), file + " names its vendor");
        StringBuilder recorded = new StringBuilder();
        FlowReport report = run(module, flow, false, recorded);
        assertTrue(report.passed(), ReportText.of(report));
        assertEquals(flow.steps().size(), report.count(StepResult.Status.PASSED));
        Flow again = FlowReader.parse(recorded.toString(), file + " (recorded)");
        FlowReport replay = run(module, again, false, null);
        assertTrue(replay.passed(), recorded + "\n" + ReportText.of(replay));
    }

    /**
     * Run… in the bar comes long after the session started: MAX's registration flow, whose first step waits for
     * {@code session.ready}, passes there only because the runner has the connector register again.
     */
    @Test
    void maxRegistrationFlowPassesInABarWhoseSessionIsAlreadyReady() throws Exception {
        VendorModule max = Vendors.all().stream().filter(m -> m.id().equals("max")).findFirst().orElseThrow();
        Flow flow = FlowReader.read(FLOWS.resolve("max/registration-and-acw.yml"));
        FlowReport report = run(max, flow, true);
        assertTrue(report.passed(), ReportText.of(report));
    }

    /**
     * Issue 24 in a UCS bar: the agent signed in and paired as usual, then Run flow… on a shipped flow that signs
     * in and pairs itself: those steps pass as already done and the call goes through the bar as it is.
     */
    @Test
    void ucsFlowRunsInABarWhereTheAgentIsSignedInAndPaired() throws Exception {
        VendorModule ucs = Vendors.all().stream().filter(m -> m.id().equals("ucs")).findFirst().orElseThrow();
        Flow flow = FlowReader.read(FLOWS.resolve("ucs/inbound-call.yml"));
        VendorContext ctx = fx(() -> {
            VendorContext c = VendorContext.open(ucs, ucs::openDemo, Clock.systemUTC());
            c.vendorView().ifPresent(v -> stage.setScene(new Scene(new StackPane(v), 800, 600)));
            return c;
        });
        try {
            var session = ctx.session();
            session.start();
            awaitPhase(session, SessionPhase.CREDENTIALS);
            session.send(new dev.unibar.core.command.Command.Login("agent", "agent", false));
            awaitPhase(session, SessionPhase.DEVICE_SELECTION);
            session.send(new dev.unibar.core.command.Command.SelectDevice("201"));
            awaitPhase(session, SessionPhase.READY);
            FlowReport report = new FlowRunner(session, ctx.farEnd().orElseThrow(), FlowRunner.Mode.SIMULATOR, null,
                    Clock.systemUTC()).run(flow);
            assertTrue(report.passed(), ReportText.of(report));
            assertEquals("already signed in as agent", report.steps().get(1).note().toString());
            assertEquals("already paired with 201", report.steps().get(2).note().toString());
        } finally {
            fx(() -> {
                if (ctx.page() != null) ctx.page().load("about:blank");
                stage.setScene(new Scene(new StackPane(), 400, 300));
                return null;
            });
            fx(() -> {
                ctx.close();
                return null;
            });
        }
    }

    private static void awaitPhase(dev.unibar.core.Session session, SessionPhase phase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (session.store().state().phase() != phase) {
            assertTrue(System.nanoTime() < deadline, "the session never reached " + phase);
            Thread.sleep(20);
        }
    }

    FlowReport run(VendorModule module, Flow flow) throws InterruptedException {
        return run(module, flow, false, null);
    }

    FlowReport run(VendorModule module, Flow flow, boolean asInTheBar) throws InterruptedException {
        return run(module, flow, asInTheBar, null);
    }

    /**
     * @param asInTheBar start the session and wait until it is ready before the runner exists, as the bar does
     * @param recording  where the run's recording goes, as a flow file; null: nothing is recorded
     */
    FlowReport run(VendorModule module, Flow flow, boolean asInTheBar, StringBuilder recording) throws InterruptedException {
        VendorContext ctx = fx(() -> {
            VendorContext c = VendorContext.open(module, module::openDemo, Clock.systemUTC());
            c.vendorView().ifPresent(v -> stage.setScene(new Scene(new StackPane(v), 800, 600)));
            return c;
        });
        try {
            FarEnd far = ctx.farEnd().orElseThrow(() -> new AssertionError(module.id() + " offers no far end"));
            if (asInTheBar) {
                ctx.session().start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ctx.session().store().state().phase() != SessionPhase.READY) {
                    assertTrue(System.nanoTime() < deadline, "the session never became ready");
                    Thread.sleep(50);
                }
                return new FlowRunner(ctx.session(), far, FlowRunner.Mode.SIMULATOR, null, Clock.systemUTC()).run(flow);
            }
            FlowRunner runner = new FlowRunner(ctx.session(), far, FlowRunner.Mode.SIMULATOR, null, Clock.systemUTC())
                    .environment(Map.of(CommandSteps.PASSWORD_VARIABLE, "agent")::get);
            runner.recordFromNow(); // a flow's first step may wait for what the session says on starting
            FlowRecorder recorder = FlowRecorder.of(ctx.session());
            if (recording != null) recorder.start(far);
            ctx.session().start();
            FlowReport report = runner.run(flow);
            if (recording != null) recording.append(FlowWriter.yaml(recorder.stop(), flow.name() + " (recorded)"));
            return report;
        } finally {
            fx(() -> {
                // Unload the page before its servers stop: a WebView polling a dead server has crashed the JVM.
                if (ctx.page() != null) ctx.page().load("about:blank");
                stage.setScene(new Scene(new StackPane(), 400, 300));
                return null;
            });
            fx(() -> {
                ctx.close();
                return null;
            });
        }
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }
}
