package dev.unibar.connectors.max;

import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.testkit.FaultProxy;
import dev.unibar.testkit.FaultProxy.Fault;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The MAX path with {@link FaultProxy} between the MAX page and the simulator: the page's long poll of MAX's
 * events and its forwarding of the child frame's messages cross the proxy, as a real MAX page's traffic crosses the
 * network. During a live call the link drops, resets, slows or half-opens while on MAX the call ends and a new one
 * rings; once the link is good again the bar shows MAX's calls, each event reached it once, and the journal row of
 * the ended call is closed with MAX's own end, not as lost.
 */
class MaxFaultInjectionTest extends PageFaultSuite {

    private MaxSimulator sim;
    private FaultProxy proxy;

    /** The bar shows exactly the contacts MAX holds, with the status MAX gives them. */
    private boolean barEqualsMax() {
        List<String> ids = sim.state().contactIds();
        if (bar().calls().size() != ids.size() || bar().connection() != ConnectionStatus.CONNECTED) return false;
        for (String id : ids) {
            CallView v = bar().calls().get(id);
            CallStatus want = "Incoming".equals(sim.state().contactStatus(id)) ? CallStatus.RINGING : CallStatus.CONNECTED;
            if (v == null || v.status() != want) return false;
        }
        return true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.FaultProxy$Fault#inWebViewAndBrowser")
    void afterEachFaultTheBarShowsMaxsCallsWithNothingLostOrDuplicated(Host host, Fault fault) throws Exception {
        host.assumeAvailable();
        sim = new MaxSimulator().start();
        proxy = new FaultProxy(sim.port());
        sim.allowForwardedPort(proxy.port());
        MaxConfig cfg = new MaxConfig(sim.pageUrl().replace(sim.origin(), "http://127.0.0.1:" + proxy.port()), null, null, null);
        open(host, new MaxModule(), env -> new MaxModule().open(cfg, env), () -> {
            proxy.close();
            sim.stop();
        });
        await("subscribed to MAX through the proxy", () -> bar().agentStateKnown() && barEqualsMax());
        String first = String.valueOf(sim.scenario("outbound", Map.of()).get("contactId"));
        sim.scenario("answered", Map.of());
        await("the call is live on the bar", () -> bar().calls().containsKey(first) && barEqualsMax());
        Wait.until("the page's next poll is waiting in the proxy", BOUND, () -> proxy.open() > 0);
        long accepted = proxy.accepted();

        fault.start(proxy);
        // On MAX while the link is bad: the far end hangs up, the agent leaves after-call work, a new call rings.
        sim.scenario("caller-hangup", Map.of());
        sim.scenario("end-acw", Map.of());
        String second = String.valueOf(sim.scenario("inbound", Map.of()).get("contactId"));
        if (fault == Fault.HALF_OPEN) {
            Wait.until("MAX's answer is held in the stalled link", BOUND, () -> proxy.held() > 0);
            assertEquals(CallStatus.CONNECTED, bar().calls().get(first).status(), "nothing crossed the stalled link");
        }
        long goodAt = fault.end(proxy, accepted, BOUND);

        await("the bar shows MAX's calls again", () -> !bar().calls().containsKey(first) && barEqualsMax());
        fault.report("max", host, goodAt);
        assertEquals(List.of(second), sim.state().contactIds());
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, first), "the end reached the bar once");
        assertEquals(1, PageFault.told(ctx, Event.CallRinging.class, second), "the new call rang on the bar once");
        assertNotEquals("lost", PageFault.endedAndClosed(ctx, journal, "max", first).endCause(), "MAX's own end, not lost");

        // And the link carries what follows as before.
        sim.scenario("caller-abandons", Map.of());
        await("the second call's end", () -> bar().calls().isEmpty() && barEqualsMax());
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, second), "ended once");
        PageFault.endedAndClosed(ctx, journal, "max", second);
    }
}
