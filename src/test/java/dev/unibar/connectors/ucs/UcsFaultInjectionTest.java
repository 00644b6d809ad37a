package dev.unibar.connectors.ucs;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimState;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.FaultProxy;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The UCS path (WebView, relay, operator script, simulator) with {@link FaultProxy} between the relay
 * and the simulator. After each fault the bar's state equals the simulator's within a bounded time,
 * and a call rung afterwards reaches the bar exactly once.
 */
class UcsFaultInjectionTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private UcsSimulator sim;
    private FaultProxy proxy;
    private VendorContext ctx;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        proxy = new FaultProxy(sim.port());
        sim.allowForwardedPort(proxy.port());
        UcsConfig cfg = new UcsConfig("127.0.0.1", proxy.port(), null, false, sim.scriptUrl(),
                Map.of("headless", true, "withoutDevice", true), null, null, null, List.of());
        ctx = OnFx.get(() -> VendorContext.open(new UcsModule(), env -> new UcsModule().open(cfg, env), Clock.systemUTC()));
        ctx.session().start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            OnFx.run(() -> ctx.page().load("about:blank"));
            Wait.until("page unloaded", Duration.ofSeconds(10), () -> sim.connectedPages() == 0);
        } catch (AssertionError slow) {
            // cleanup only
        } finally {
            OnFx.run(() -> ctx.close());
            proxy.close();
            sim.stop();
        }
    }

    private BarState bar() {
        return ctx.session().store().state();
    }

    private void loggedIn() throws Exception {
        Wait.until("the login form", BOUND, () -> bar().phase() == SessionPhase.CREDENTIALS
                && sim.state() != null && sim.state().phase() == UcsSimState.Phase.CREDENTIALS);
        ctx.session().send(new Command.Login("agent", "agent", false));
        Wait.until("ready on both sides", BOUND, () -> bar().phase() == SessionPhase.READY
                && sim.state().phase() == UcsSimState.Phase.READY);
    }

    private long ringingEventsFor(String callId) {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(e -> e instanceof Event.CallRinging r && r.callId().equals(callId))
                .count();
    }

    /** Rings one call and checks it reaches the bar once, with the simulator's id. */
    private void oneCallArrivesOnce() throws Exception {
        Map<String, Object> r = sim.scenario("inbound", Map.of("number", "603987654"));
        String id = String.valueOf(r.get("uniqueid"));
        Wait.until("the ringing call on the bar", BOUND,
                () -> bar().calls().containsKey(id));
        Thread.sleep(300);
        assertEquals(1, ringingEventsFor(id), "exactly one ringing event for " + id);
        assertEquals(1, bar().calls().size(), bar().calls().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop", "reset", "restart"})
    void afterTheConnectionIsLostTheBarFollowsTheSimulatorBackToLogin(String fault) throws Exception {
        loggedIn();
        long before = proxy.accepted();
        switch (fault) {
            case "drop" -> proxy.drop();
            case "reset" -> proxy.reset();
            default -> proxy.restart(sim::reset);
        }
        // The operator script reconnects and UCS asks for credentials again: the bar must say so too.
        Wait.until("a reconnect through the proxy", BOUND, () -> proxy.accepted() > before);
        loggedIn();
        oneCallArrivesOnce();
    }

    @ParameterizedTest
    @ValueSource(strings = {"half-open", "delay"})
    void aStalledOrSlowLinkLosesAndDuplicatesNothing(String fault) throws Exception {
        loggedIn();
        if (fault.equals("half-open")) proxy.halfOpen();
        else proxy.delay(Duration.ofMillis(400));
        Map<String, Object> r = sim.scenario("inbound", Map.of("number", "603987654"));
        String id = String.valueOf(r.get("uniqueid"));
        Thread.sleep(1500);
        proxy.heal();
        Wait.until("the ringing call on the bar", BOUND,
                () -> bar().calls().containsKey(id));
        Thread.sleep(300);
        assertEquals(1, ringingEventsFor(id));
        assertEquals(SessionPhase.READY, bar().phase());
        assertEquals(UcsSimState.Phase.READY, sim.state().phase());
    }
}
