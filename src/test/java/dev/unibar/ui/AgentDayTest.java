package dev.unibar.ui;

import dev.unibar.app.Vendors;
import dev.unibar.connectors.VendorModule;
import dev.unibar.testkit.Host;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's day ({@code scenarios/agent-day.yml}) through the real bar against every vendor's simulator: one
 * bar session per vendor and host, the steps in sequence, each a test of its own. The agent uses the keyboard
 * only ({@link AgentKeys}); the far end is the vendor module's {@link FarEnd}. Each step checks what the agent
 * sees ({@link AgentSees}); an action the vendor cannot do checks that the bar shows no control for it; a
 * known gap is reported as skipped with its reason while it fails. The journal's rows are checked at the end.
 */
@ExtendWith(ApplicationExtension.class)
class AgentDayTest {

    private static final AgentDay DAY = AgentDay.read();

    @TempDir
    static Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @TestFactory
    Stream<DynamicNode> theAgentsDayOnEveryVendor(FxRobot robot) {
        List<DynamicNode> out = new ArrayList<>();
        String only = System.getProperty("unibar.agentDay.vendors", "");
        for (VendorModule m : Vendors.all()) {
            // -Dunibar.agentDay.vendors=ucs,epbx runs those alone (while working on one vendor's rows)
            if (!only.isBlank() && !List.of(only.split(",")).contains(m.id())) continue;
            AgentDay.Vendor v = DAY.vendors().get(m.id());
            out.add(DynamicTest.dynamicTest(m.id() + " is in the table", () -> assertTrue(v != null,
                    "agent-day.yml has no block for the registered vendor " + m.id())));
            if (v == null) continue;
            for (String h : v.hosts()) {
                AgentDayRun run = new AgentDayRun(DAY, m, v, h.equals("browser") ? Host.BROWSER : Host.WEBVIEW, robot,
                        stage, "en", folder);
                List<DynamicTest> steps = new ArrayList<>();
                for (AgentDay.Step s : DAY.stepsFor(v)) steps.add(DynamicTest.dynamicTest(s.id(), () -> run.step(s)));
                steps.add(DynamicTest.dynamicTest("journal", run::journalAndClose));
                out.add(DynamicContainer.dynamicContainer(m.id() + " in the " + h, steps));
            }
        }
        return out.stream();
    }
}
