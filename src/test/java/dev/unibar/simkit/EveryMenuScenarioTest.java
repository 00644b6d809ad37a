package dev.unibar.simkit;

import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.max.sim.MaxScenarios;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bar's Simulator menu plays every scenario by its name alone, without parameters. Each item must then
 * do what it says with its defaults: it may answer "not now" (IllegalStateException: no call, no agent
 * signed in), never "bad parameters" (IllegalArgumentException), which is a broken menu item (issue 20:
 * "Fault: next command refused" answered "unknown hub method:").
 */
class EveryMenuScenarioTest {

    private static List<String> broken(List<String> names, Consumer<String> play) {
        List<String> broken = new ArrayList<>();
        for (String n : names) {
            try {
                play.accept(n);
            } catch (IllegalStateException notNow) {
                // The menu says "cannot play now" with the reason: a state, not a broken item.
            } catch (IllegalArgumentException e) {
                broken.add(n + ": " + e.getMessage());
            }
        }
        return broken;
    }

    @Test
    void ucs() {
        try (UcsSimulator sim = new UcsSimulator(0).start()) {
            List<String> names = UcsSimulator.scenarios().stream().map(UcsSimulator.ScenarioInfo::name).toList();
            assertFalse(names.isEmpty());
            assertEquals(List.of(), broken(names, n -> sim.scenario(n, Map.of())));
        }
    }

    @Test
    void epbx() {
        EpbxSimulator sim = EpbxSimulator.run(0);
        try {
            List<String> names = List.copyOf(EpbxSimulator.scenarioNames().keySet());
            assertEquals(List.of(), broken(names, n -> sim.scenario(n, Map.of())));
        } finally {
            sim.stop();
        }
    }

    @Test
    void agentDesktop() {
        try (AgentDesktopSimulator sim = new AgentDesktopSimulator().start()) {
            List<String> names = List.copyOf(new java.util.TreeSet<>(sim.scenarios()));
            assertEquals(List.of(), broken(names, n -> {
                sim.reset();
                sim.play(n);
            }));
        }
    }

    @Test
    void max() {
        try (MaxSimulator sim = new MaxSimulator().start()) {
            assertEquals(List.of(), broken(List.copyOf(MaxScenarios.ALL.keySet()), n -> sim.scenario(n, Map.of())));
        }
    }

    @Test
    void evolux() {
        try (EvoluxSimulator sim = EvoluxSimulator.run(0)) {
            List<String> names = EvoluxSimulator.scenarioNames().stream().map(m -> m.get("name")).toList();
            assertEquals(List.of(), broken(names, n -> sim.scenario(n, Map.of())));
        }
    }
}
