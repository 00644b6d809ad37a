package dev.unibar.connectors.evolux;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.journal.CallJournal;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;

import java.time.Duration;
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
class EvoluxPageFaultTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private EvoluxSimulator sim;
    private VendorContext ctx;
    private CallJournal journal;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (ctx != null) OnFx.run(() -> ctx.close());
            if (journal != null) journal.close();
        } finally {
            if (sim != null) sim.stop();
        }
    }

    private BarState bar() {
        return ctx.session().store().state();
    }

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
        ctx = OnFx.get(() -> host.open(new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, env)));
        journal = PageFault.journal(ctx);
        ctx.session().start();
        host.awaitPage(ctx);
        PageFault.await(ctx, "signed in", BOUND, () -> bar().agentState() != null && bar().connection() == ConnectionStatus.CONNECTED);
        sim.scenario("pause", Map.of("reason", "Lanche"));
        String call = String.valueOf(sim.scenario("queue-call", Map.of("answerAfterMs", 0)).get("callId"));
        PageFault.await(ctx, "the answered call and the pause on the bar", BOUND,
                () -> sim.state().callAnswered() && barEqualsSimulator());

        fault.apply(ctx, true);

        try {
            PageFault.await(ctx, "the call gone and the bar equal to the simulator, connected", BOUND,
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
        PageFault.await(ctx, "the next call reaches the bar", BOUND, () -> bar().calls().containsKey(next) && barEqualsSimulator());
    }
}
