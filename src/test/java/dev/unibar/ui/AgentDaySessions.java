package dev.unibar.ui;

import dev.unibar.app.Vendors;
import dev.unibar.connectors.VendorModule;
import dev.unibar.testkit.Host;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's day's bar sessions (one per vendor and host, in the registry's order), dealt round-robin to
 * {@link #PARTS} test classes so the test JVMs play them side by side: one class of seven sessions was the last
 * to finish in every run. With {@code -Dunibar.agentDay.vendors=ucs,epbx} the first part plays those vendors
 * alone and the others play nothing. Each session speaks another of the bar's languages, in turn.
 */
final class AgentDaySessions {

    static final int PARTS = 3;
    /** The bar's languages, one per session in turn: the table's words are the bundles', whatever the language. */
    static final List<String> LANGUAGES = List.of("en", "cs", "fr", "pt-BR", "it");
    private static final AgentDay DAY = AgentDay.read();

    private AgentDaySessions() {
    }

    static Stream<DynamicNode> part(int part, FxRobot robot, Stage stage, Path folder) {
        String only = System.getProperty("unibar.agentDay.vendors", "");
        boolean filtered = !only.isBlank();
        if (filtered && part != 0) return Stream.empty();
        List<DynamicNode> out = new ArrayList<>();
        int index = 0;
        for (VendorModule m : Vendors.all()) {
            AgentDay.Vendor v = DAY.vendors().get(m.id());
            boolean chosen = !filtered || List.of(only.split(",")).contains(m.id());
            if (chosen && part == 0) {
                out.add(DynamicTest.dynamicTest(m.id() + " is in the table", () -> assertTrue(v != null,
                        "agent-day.yml has no block for the registered vendor " + m.id())));
            }
            if (v == null) continue;
            for (String h : v.hosts()) {
                // Counted over every session, so a vendor filter keeps each session's part and language.
                int n = index++;
                if (!chosen || (!filtered && n % PARTS != part)) continue;
                out.add(session(m, v, h, LANGUAGES.get(n % LANGUAGES.size()), robot, stage, folder));
            }
        }
        return out.stream();
    }

    private static DynamicContainer session(VendorModule m, AgentDay.Vendor v, String h, String language, FxRobot robot,
                                            Stage stage, Path folder) {
        AgentDayRun run = new AgentDayRun(DAY, m, v, h.equals("browser") ? Host.BROWSER : Host.WEBVIEW, robot,
                stage, language, folder);
        List<DynamicTest> steps = new ArrayList<>();
        for (AgentDay.Step s : DAY.stepsFor(v)) steps.add(DynamicTest.dynamicTest(s.id(), () -> run.step(s)));
        steps.add(DynamicTest.dynamicTest("journal", run::journalAndClose));
        return DynamicContainer.dynamicContainer(m.id() + " in the " + h + " (" + language + ")", steps);
    }
}
