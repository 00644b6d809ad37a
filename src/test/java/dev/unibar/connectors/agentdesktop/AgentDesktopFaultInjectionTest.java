package dev.unibar.connectors.agentdesktop;

import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.FaultProxy;
import dev.unibar.testkit.FaultProxy.Fault;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The AgentDesktop path with {@link FaultProxy} between AgentDesktop's agent page and the simulator: the page's long
 * poll of contact events and its forwarding of the widget's SDK calls cross the proxy. During an answered call the
 * link drops, resets, slows or half-opens while in AgentDesktop the customer hangs up and a new call rings; once the
 * link is good again the bar shows AgentDesktop's calls, each event reached it once, and the ended call's journal
 * row is closed with AgentDesktop's end, not as lost.
 */
class AgentDesktopFaultInjectionTest extends PageFaultSuite {

    private AgentDesktopSimulator sim;
    private FaultProxy proxy;

    /** The contacts AgentDesktop has on a line, ringing or online (not in after-call work), by id. */
    @SuppressWarnings("unchecked")
    private Set<String> liveContacts() {
        return ((List<Map<String, Object>>) sim.state().get("contacts")).stream()
                .filter(c -> !"offline".equalsIgnoreCase(String.valueOf(c.get("job_state"))))
                .map(c -> String.valueOf(c.get("id")))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.FaultProxy$Fault#inWebViewAndBrowser")
    void afterEachFaultTheBarShowsAgentDesktopsCallsWithNothingLostOrDuplicated(Host host, Fault fault) throws Exception {
        host.assumeAvailable();
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        proxy = new FaultProxy(sim.port());
        sim.allowForwardedPort(proxy.port());
        // Configured as a live AgentDesktop at the proxy's address; its Widget URI set as AgentDesktop Manager would.
        int widgetPort = freePort();
        sim.widgetUri("http://127.0.0.1:" + widgetPort + WidgetServer.PAGE_PATH);
        AgentDesktopConfig demo = new AgentDesktopModule().demoConfig(sim);
        AgentDesktopConfig cfg = new AgentDesktopConfig(sim.pageUrl().replace(sim.origin(), "http://127.0.0.1:" + proxy.port()),
                widgetPort, demo.methods(), null, null, null, demo.pauseCodes(), List.of());
        open(host, new AgentDesktopModule(), env -> new AgentDesktopModule().open(cfg, env), () -> {
            proxy.close();
            sim.stop();
        });
        await("the widget ready through the proxy", () -> bar().phase() == SessionPhase.READY
                && bar().connection() == ConnectionStatus.CONNECTED);
        String first = sim.inbound("3393669393", "225727273", "QUEUE25");
        await("ringing", () -> bar().calls().containsKey(first));
        ctx.session().send(new Command.Answer(first));
        await("talking", () -> bar().calls().containsKey(first) && bar().calls().get(first).status() == CallStatus.CONNECTED);
        // An offered call reaches the bar as POPUP then RINGING: what an undisturbed call is told is the measure.
        long ringsPerCall = PageFault.told(ctx, Event.CallRinging.class, first);
        assertNotEquals(0, ringsPerCall, "the first call rang");
        Wait.until("the page's next poll is waiting in the proxy", BOUND, () -> proxy.open() > 0);
        long accepted = proxy.accepted();

        fault.start(proxy);
        // In AgentDesktop while the link is bad: the customer hangs up, a new call rings.
        assertEquals(true, sim.remoteHangup(first));
        String second = sim.inbound("3393669394", "225727273", "QUEUE25");
        if (fault == Fault.HALF_OPEN) {
            Wait.until("AgentDesktop's answer is held in the stalled link", BOUND, () -> proxy.held() > 0);
            assertEquals(CallStatus.CONNECTED, bar().calls().get(first).status(), "nothing crossed the stalled link");
        }
        long goodAt = fault.end(proxy, accepted, BOUND);

        await("the bar shows AgentDesktop's calls again", () -> bar().calls().keySet().equals(Set.of(second))
                && bar().calls().get(second).status() == CallStatus.RINGING && bar().connection() == ConnectionStatus.CONNECTED);
        fault.report("agentdesktop", host, goodAt);
        assertEquals(Set.of(second), liveContacts(), "AgentDesktop's own truth");
        assertEquals(1, PageFault.told(ctx, Event.CallEnded.class, first), "the end reached the bar once");
        // POPUP already shows the call ringing; RINGING may still be crossing a slow link: wait for it, then no more.
        await("the new call told as often as an undisturbed one", () -> PageFault.told(ctx, Event.CallRinging.class, second) >= ringsPerCall);
        assertEquals(ringsPerCall, PageFault.told(ctx, Event.CallRinging.class, second), "told as often as an undisturbed call");
        assertNotEquals("lost", PageFault.endedAndClosed(ctx, journal, "agentdesktop", first).endCause(), "AgentDesktop's end");

        // And the link carries the widget's commands and what follows as before.
        ctx.session().send(new Command.Answer(second));
        await("the second call answered through the healed link",
                () -> bar().calls().get(second).status() == CallStatus.CONNECTED && liveContacts().equals(Set.of(second)));
        assertEquals(1, PageFault.told(ctx, Event.CallConnected.class, second), "connected once");
    }
}
