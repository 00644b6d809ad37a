package dev.unibar.connectors.evolux;

import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Evolux Phone reloaded, its window closed and reopened, its browser killed, during an answered queue call
 * (issue 21's "ghost call"). The phone posts changes only: a new phone re-announces nothing, and its softphone leg
 * of the call went with the old page (docs/vendors/evolux.md, "After a reload"). The bar must not keep the call:
 * it ends once, its journal row is closed, and the bar equals the simulator again (no call, the same pause),
 * connected, and it takes the next call.
 */
class EvoluxPageFaultTest extends PageFaultSuite {

    private EvoluxSimulator sim;

    private boolean barEqualsSimulator() {
        var s = sim.state();
        boolean calls = s.callId() == null ? bar().calls().isEmpty() : bar().calls().containsKey(s.callId());
        String pause = bar().agentState() == AgentState.NOT_READY ? bar().stateReason() : null;
        return calls && Objects.equals(s.pauseReason(), pause);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.PageFault#inEveryHost")
    void aCallThePhoneNoLongerHasEndsOnceAndTheBarEqualsTheSimulator(Host host, PageFault fault) throws Exception {
        host.assumeAvailable();
        sim = EvoluxSimulator.run(0);
        open(host, new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, env), sim::stop);
        await("signed in", () -> bar().agentState() != null && bar().connection() == ConnectionStatus.CONNECTED);
        sim.scenario("pause", Map.of("reason", "Lanche"));
        String call = String.valueOf(sim.scenario("queue-call", Map.of("answerAfterMs", 0)).get("callId"));
        await("the answered call and the pause on the bar",
                () -> sim.state().callAnswered() && barEqualsSimulator());

        fault.apply(ctx, true);

        try {
            await("the call gone and the bar equal to the simulator, connected",
                    () -> !bar().calls().containsKey(call) && barEqualsSimulator()
                            && bar().connection() == ConnectionStatus.CONNECTED);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": bar " + bar().connection() + " " + bar().calls().keySet() + " "
                    + bar().stateReason() + ", simulator " + sim.state(), e);
        }
        assertNull(sim.state().callId(), "the platform's call went with the phone that carried it");
        PageFault.endedAndClosed(ctx, journal, "evolux", call);
        assertEquals("Lanche", bar().stateReason(), "the pause the phone last posted stays");

        String next = String.valueOf(sim.scenario("queue-call", Map.of("answerAfterMs", 0)).get("callId"));
        await("the next call reaches the bar", () -> bar().calls().containsKey(next) && barEqualsSimulator());
    }
}
