package dev.unibar.connectors.agentdesktop;

import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AgentDesktop reloaded, its window closed and reopened, its browser killed, during an answered call. A freshly
 * loaded agent page replays no event and no SDK function returns the contacts (docs/vendors/agentdesktop.md, "After
 * a reload"): the bar cannot vouch for the call, so it ends it once as lost (journal row closed) when the new widget
 * is ready, and is CONNECTED again; it does not keep a call it cannot see.
 */
class AgentDesktopPageFaultTest extends PageFaultSuite {

    private AgentDesktopSimulator sim;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.PageFault#inEveryHost")
    void aCallTheNewPageCannotSeeEndsOnceAsLost(Host host, PageFault fault) throws Exception {
        host.assumeAvailable();
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        open(host, new AgentDesktopModule(), env -> AgentDesktopModule.forSimulator(sim, env), sim::stop);
        await("the widget ready", () -> bar().phase() == SessionPhase.READY && bar().connection() == ConnectionStatus.CONNECTED);
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        await("ringing", () -> bar().calls().containsKey(call));
        ctx.session().send(new Command.Answer(call));
        await("talking", () -> bar().calls().containsKey(call) && bar().calls().get(call).status() == CallStatus.CONNECTED);
        long ready = PageFault.told(ctx, Event.SessionReady.class);

        fault.apply(ctx, true);

        await("the new widget ready, no call the bar cannot see", () -> PageFault.told(ctx, Event.SessionReady.class) > ready
                && bar().calls().isEmpty() && bar().connection() == ConnectionStatus.CONNECTED);
        assertEquals("lost", PageFault.endedAndClosed(ctx, journal, "agentdesktop", call).endCause());
    }
}
