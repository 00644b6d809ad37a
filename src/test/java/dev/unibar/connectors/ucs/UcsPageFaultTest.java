package dev.unibar.connectors.ucs;

import dev.unibar.connectors.ucs.sim.SimCall;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.PageFaultSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * UCS reloaded, its window closed and reopened, its browser killed, during an answered call. A new UCS page starts
 * at its sign-in (the simulator keeps one session per page; docs/vendors/ucs.md, "After a reload"): the bar must not
 * keep the call it can no longer see. It ends once as {@code lost}, its journal row is closed (issue 21: it stayed
 * open for good), the bar shows the sign-in the page shows, and the agent signs in again to the next call.
 */
class UcsPageFaultTest extends PageFaultSuite {

    private UcsSimulator sim;

    private void signIn() {
        await("the sign-in form", () -> bar().phase() == SessionPhase.CREDENTIALS);
        ctx.session().send(new Command.Login("agent", "agent", false));
        await("the phone list", () -> bar().phase() == SessionPhase.DEVICE_SELECTION);
        ctx.session().send(new Command.SelectDevice("201"));
        await("ready", () -> bar().phase() == SessionPhase.READY && bar().agentStateKnown());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.PageFault#inEveryHost")
    void aCallTheNewPageCannotSeeEndsOnceAsLostAndTheBarShowsTheSignIn(Host host, PageFault fault) throws Exception {
        host.assumeAvailable();
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        open(host, new UcsModule(), env -> UcsModule.forSimulator(sim, env), sim::stop);
        signIn();
        sim.scenario("inbound", Map.of("number", "777123456"));
        await("the call rings", () -> bar().ringingInbound().isPresent());
        String call = bar().ringingInbound().orElseThrow().id();
        ctx.session().send(new Command.Answer(call));
        await("talking", () -> bar().calls().containsKey(call)
                && bar().calls().get(call).status() == CallStatus.CONNECTED);

        fault.apply(ctx);

        await("the new page's sign-in, the call gone",
                () -> bar().phase() == SessionPhase.CREDENTIALS && bar().calls().isEmpty()
                        && bar().connection() == ConnectionStatus.CONNECTED && sim.state() != null
                        && sim.state().calls().isEmpty());
        PageFault.endedAndClosed(ctx, journal, "ucs", call);
        assertEquals("lost", journal.call("ucs", call).endCause());

        signIn();
        sim.scenario("inbound", Map.of("number", "777000111"));
        await("the next call reaches the bar", () -> bar().ringingInbound().isPresent()
                && sim.state().calls().stream().map(SimCall::uniqueid).toList()
                        .equals(bar().calls().keySet().stream().toList()));
    }
}
