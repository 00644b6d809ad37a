package dev.unibar.connectors.max;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * MAX reloaded, its window closed and reopened, its browser killed, during a live call. MAX keeps its contacts on
 * its side and answers the new page's registration with them ([X1], [X6]): the bar keeps the call under its id (no
 * end, the journal row open), knows the agent state again, and the call's end afterwards reaches the bar once.
 */
class MaxPageFaultTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private MaxSimulator sim;
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

    private boolean talking(String call) {
        return bar().calls().containsKey(call) && bar().calls().get(call).status() == CallStatus.CONNECTED
                && List.of(call).equals(sim.state().contactIds());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.PageFault#inEveryHost")
    void aCallMaxStillHasIsKeptWithItsIdAndTheStateIsKnownAgain(Host host, PageFault fault) throws Exception {
        host.assumeAvailable();
        sim = new MaxSimulator().start();
        ctx = OnFx.get(() -> host.open(new MaxModule(), env -> MaxModule.forSimulator(sim, env)));
        journal = PageFault.journal(ctx);
        ctx.session().start();
        host.awaitPage(ctx);
        PageFault.await(ctx, "subscribed to MAX", BOUND, () -> bar().connection() == ConnectionStatus.CONNECTED && bar().agentStateKnown());
        String call = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        PageFault.await(ctx, "the call is live on the bar", BOUND, () -> talking(call));
        long registrations = PageFault.told(ctx, Event.SessionReady.class);

        fault.apply(ctx, true);

        PageFault.await(ctx, "MAX answered the new page's registration, the call kept", BOUND,
                () -> PageFault.told(ctx, Event.SessionReady.class) > registrations
                        && bar().connection() == ConnectionStatus.CONNECTED && talking(call));
        assertEquals(0, PageFault.told(ctx, Event.CallEnded.class, call), "no end for a call MAX still has");
        assertNull(journal.call("max", call).endedAt(), "its journal row stays open: the call goes on");
        assertEquals(AgentState.READY, bar().agentState(), "MAX's OutboundContact, read again");

        sim.scenario("caller-hangup", Map.of());
        PageFault.await(ctx, "the call's end reaches the bar", BOUND, () -> !bar().calls().containsKey(call));
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, call), "ended once");
        PageFault.endedAndClosed(ctx, journal, "max", call);
    }
}
