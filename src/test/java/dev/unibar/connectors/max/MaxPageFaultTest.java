package dev.unibar.connectors.max;

import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * MAX reloaded, its window closed and reopened, its browser killed, during a live call. MAX keeps its contacts on
 * its side and answers the new page's registration with them ([X1], [X6]): the bar keeps the call under its id (no
 * end, the journal row open), knows the agent state again, and the call's end afterwards reaches the bar once.
 */
class MaxPageFaultTest extends PageFaultSuite {

    private MaxSimulator sim;

    private boolean talking(String call) {
        return bar().calls().containsKey(call) && bar().calls().get(call).status() == CallStatus.CONNECTED
                && List.of(call).equals(sim.state().contactIds());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.PageFault#inEveryHost")
    void aCallMaxStillHasIsKeptWithItsIdAndTheStateIsKnownAgain(Host host, PageFault fault) throws Exception {
        host.assumeAvailable();
        sim = new MaxSimulator().start();
        open(host, new MaxModule(), env -> MaxModule.forSimulator(sim, env), sim::stop);
        await("subscribed to MAX", () -> bar().connection() == ConnectionStatus.CONNECTED && bar().agentStateKnown());
        String call = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        await("the call is live on the bar", () -> talking(call));
        long registrations = PageFault.told(ctx, Event.SessionReady.class);

        fault.apply(ctx, true);

        await("MAX answered the new page's registration, the call kept",
                () -> PageFault.told(ctx, Event.SessionReady.class) > registrations
                        && bar().connection() == ConnectionStatus.CONNECTED && talking(call));
        assertEquals(0, PageFault.told(ctx, Event.CallEnded.class, call), "no end for a call MAX still has");
        assertNull(journal.call("max", call).endedAt(), "its journal row stays open: the call goes on");
        assertEquals(AgentState.READY, bar().agentState(), "MAX's OutboundContact, read again");

        sim.scenario("caller-hangup", Map.of());
        await("the call's end reaches the bar", () -> !bar().calls().containsKey(call));
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, call), "ended once");
        PageFault.endedAndClosed(ctx, journal, "max", call);
    }

    /** The window closed, the call ends on MAX meanwhile: the reopened page's snapshot lacks it, so it ends once as lost. */
    @org.junit.jupiter.api.Test
    void aCallMaxEndedWhileItsWindowWasClosedEndsOnceAsLost() throws Exception {
        Host.BROWSER.assumeAvailable();
        sim = new MaxSimulator().start();
        open(Host.BROWSER, new MaxModule(), env -> MaxModule.forSimulator(sim, env), sim::stop);
        await("subscribed to MAX", () -> bar().connection() == ConnectionStatus.CONNECTED && bar().agentStateKnown());
        String call = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        await("the call is live on the bar", () -> talking(call));
        PageFault.awaitSessionCookie(ctx);

        var window = (dev.unibar.bridge.browser.BrowserPageChannel) ctx.page();
        window.closeWindow().get(30, java.util.concurrent.TimeUnit.SECONDS);
        await("not known while the window is closed", () -> bar().connection() != ConnectionStatus.CONNECTED);
        sim.scenario("caller-hangup", Map.of());
        sim.scenario("end-acw", Map.of());
        window.reopen().get(90, java.util.concurrent.TimeUnit.SECONDS);

        await("the reopened MAX's truth: no call, connected", () -> bar().calls().isEmpty()
                && bar().connection() == ConnectionStatus.CONNECTED && sim.state().contactIds().isEmpty());
        assertEquals("lost", PageFault.endedAndClosed(ctx, journal, "max", call).endCause());
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, call), "ended once");
    }
}
