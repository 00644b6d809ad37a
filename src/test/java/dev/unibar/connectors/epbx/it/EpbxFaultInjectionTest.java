package dev.unibar.connectors.epbx.it;

import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.FaultProxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EPBX connector, both transports, with {@link FaultProxy} between it and the simulator (issue 13).
 * After each fault the bar's state equals the simulator's within a bounded time, and a call rung
 * afterwards (or during a stall) reaches the bar exactly once.
 */
class EpbxFaultInjectionTest {

    private static final long BOUND_MS = 15_000;

    private FaultProxy proxy;

    private SimRig rig(String transport) {
        return new SimRig(transport, b -> { }, sim -> {
            try {
                proxy = new FaultProxy(sim.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sim.allowForwardedPort(proxy.port());
            return "http://127.0.0.1:" + proxy.port() + "/Service/";
        });
    }

    private static long ringing(SimRig rig, String canal) {
        return rig.events(0).stream().filter(e -> e instanceof Event.CallRinging r && r.callId().equals(canal)).count();
    }

    /** Rings one inbound call; it must ring on the bar once, with the simulator's channel id. */
    private static void oneCallArrivesOnce(SimRig rig) {
        String canal = rig.scenario("inbound", Map.of()).get("canalId").asText();
        rig.await("ringing " + canal, BOUND_MS, s -> s.calls().containsKey(canal));
        SimRig.sleep(300);
        assertEquals(1, ringing(rig, canal), rig.types(0).toString());
        assertEquals(1, rig.state().calls().size(), rig.state().calls().toString());
    }

    private static void connectedAndReady(SimRig rig) {
        rig.await("connected and ready", BOUND_MS, s -> s.connection() == ConnectionStatus.CONNECTED
                && s.phase() == SessionPhase.READY
                && rig.sim.connections().stream().anyMatch(c -> c.open() && c.ramal() != null));
    }

    @ParameterizedTest
    @CsvSource({"classic,drop", "classic,reset", "core,drop", "core,reset"})
    void aLostConnectionComesBackAndLosesOrDuplicatesNothing(String transport, String fault) {
        try (SimRig rig = rig(transport); FaultProxy p = proxy) {
            rig.login();
            long accepted = p.accepted();
            if (fault.equals("drop")) p.drop();
            else p.reset();
            rig.await("a new connection through the proxy", BOUND_MS, s -> p.accepted() > accepted);
            connectedAndReady(rig);
            oneCallArrivesOnce(rig);
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"classic,half-open", "classic,delay", "core,half-open", "core,delay"})
    void aCallRungWhileTheLinkStallsArrivesOnce(String transport, String fault) {
        try (SimRig rig = rig(transport); FaultProxy p = proxy) {
            rig.login();
            if (fault.equals("half-open")) p.halfOpen();
            else p.delay(Duration.ofMillis(300));
            String canal = rig.scenario("inbound", Map.of()).get("canalId").asText();
            SimRig.sleep(1_500);
            p.heal();
            rig.await("ringing " + canal, BOUND_MS, s -> s.calls().containsKey(canal));
            connectedAndReady(rig);
            SimRig.sleep(300);
            assertEquals(1, ringing(rig, canal), rig.types(0).toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"classic", "core"})
    void aRestartThatForgetsTokensAsksForALoginThenWorks(String transport) {
        try (SimRig rig = rig(transport); FaultProxy p = proxy) {
            rig.login();
            p.restart(() -> rig.sim.restart(true));
            rig.await("the login form", BOUND_MS, s -> s.phase() == SessionPhase.CREDENTIALS);
            rig.login();
            connectedAndReady(rig);
            oneCallArrivesOnce(rig);
        }
    }
}
