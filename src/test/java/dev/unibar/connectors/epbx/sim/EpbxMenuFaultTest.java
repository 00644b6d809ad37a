package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.epbx.EpbxModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: Simulator → "Fault: next command refused" (Czech "Porucha: další příkaz odmítnut") answered
 * "The simulator cannot play …: unknown hub method:" because the menu runs the scenario by name, with
 * no method. Run as the menu runs it, it now refuses the agent's next hub command the way the server
 * refuses one (the invocation's error), and only that one.
 */
class EpbxMenuFaultTest {

    private EpbxSimulator sim;
    private VendorSetup setup;

    @BeforeEach
    void start() {
        sim = EpbxSimulator.builder().port(0).keepAlive(Duration.ofMillis(200)).build().start();
        setup = EpbxModule.forSimulator(sim, "classic");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void theNextCommandIsRefusedWhicheverItIsAndOnlyThatOne() throws Exception {
        assertTrue(setup.scenarios().contains("reject-method"), setup.scenarios().toString());
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), EpbxTestHttp.token(sim)).connect()) {
            assertFalse(c.invoke("Iniciar", "1000", 3).has("E"));
            c.awaitPush("onLogado");

            setup.runScenario("reject-method");

            JsonNode refused = c.invoke("AlterarIntervaloTipo", 3);
            assertEquals("Erro simulado", refused.path("E").asText(), refused.toString());
            JsonNode next = c.invoke("AlterarIntervaloTipo", 3);
            assertFalse(next.has("E"), "one command only: " + next);
        }
        List<EpbxSimulator.Invocation> calls = sim.awaitRecordedCount("AlterarIntervaloTipo", 2, Duration.ofSeconds(10));
        assertFalse(calls.get(0).ok());
        assertEquals("Erro simulado", calls.get(0).error());
        assertTrue(calls.get(1).ok());
    }

    @Test
    void aNamedMethodIsStillRefusedOnlyForThatMethod() throws Exception {
        sim.scenario("reject-method", java.util.Map.of("method", "discar", "message", "Troncos ocupados"));
        try (ClassicTestClient c = new ClassicTestClient(sim.serviceBase(), EpbxTestHttp.token(sim)).connect()) {
            assertFalse(c.invoke("Iniciar", "1000", 3).has("E"), "another method goes through");
            assertEquals("Troncos ocupados", c.invoke("Discar", "11987654321", 1).path("E").asText());
        }
    }
}
