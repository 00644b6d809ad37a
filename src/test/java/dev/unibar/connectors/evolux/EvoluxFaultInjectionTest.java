package dev.unibar.connectors.evolux;

import dev.unibar.app.VendorContext;
import dev.unibar.config.Secret;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.evolux.sim.SimState;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.FaultProxy;
import dev.unibar.testkit.FaultProxy.Fault;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.OnFx;
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

/**
 * The Evolux path with {@link FaultProxy} between the vendor page and the simulator (issue 13). The live
 * network path of the Evolux Phone in tests is its own long poll of the simulator (docs/simulators/evolux.md:
 * the real phone's transport is not public), made by the phone's frame in the page host itself: WebKit's
 * network stack in the WebView, Chromium's in browser mode; no relay is involved. Unibar only reads what the
 * phone posts. After each fault (drop, reset, delay, half-open) the bar's call and pause equal the
 * simulator's within a bounded time, and every message the platform posted meanwhile reached the bar once.
 */
class EvoluxFaultInjectionTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String TOKEN = "evx-fault-token";

    private EvoluxSimulator sim;
    private FaultProxy proxy;
    private VendorContext ctx;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void open(Host host) throws Exception {
        host.assumeAvailable();
        sim = new EvoluxSimulator(0, TOKEN).start();
        proxy = new FaultProxy(sim.port());
        sim.allowForwardedPort(proxy.port());
        // The phone is loaded, and polls, through the proxy; click-to-call (Java, not the page) goes direct.
        EvoluxConfig cfg = new EvoluxConfig(sim.phoneUrl().replace(sim.origin(), "http://127.0.0.1:" + proxy.port()), null,
                sim.origin(), Secret.of(TOKEN), null);
        ctx = OnFx.get(() -> host.open(new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, cfg, env)));
        ctx.session().start();
        host.awaitPage(ctx);
        Wait.until("agentLogin crossed the proxy", Duration.ofSeconds(90), () -> bar().phase() == SessionPhase.READY);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (ctx != null) {
                OnFx.run(() -> ctx.page().load("about:blank"));
                OnFx.run(() -> ctx.close());
            }
        } finally {
            if (proxy != null) proxy.close();
            if (sim != null) sim.stop();
        }
    }

    private BarState bar() {
        return ctx.session().store().state();
    }

    /** The bar shows the call and pause the platform holds. */
    private boolean barEqualsSimulator() {
        SimState s = sim.state();
        BarState b = bar();
        boolean call;
        if (s.callId() == null) {
            call = b.calls().isEmpty();
        } else {
            CallView v = b.calls().get(s.callId());
            call = b.calls().size() == 1 && v != null
                    && v.status() == (s.callAnswered() ? CallStatus.CONNECTED : CallStatus.RINGING);
        }
        String barPause = b.agentState() == AgentState.NOT_READY ? b.stateReason() : null;
        return call && Objects.equals(s.pauseReason(), barPause);
    }

    private long count(Class<? extends Event> type, String callId) {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(type::isInstance)
                .filter(e -> callId.equals(callIdOf(e)))
                .count();
    }

    private static String callIdOf(Event e) {
        return e instanceof Event.CallEvent c ? c.callId() : null;
    }

    private String call() {
        return String.valueOf(sim.scenario("queue-call", Map.of("answer", false)).get("callId"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.unibar.testkit.FaultProxy$Fault#inWebViewAndBrowser")
    void afterEachFaultTheBarEqualsTheSimulatorWithNothingLostOrDuplicated(Host host, Fault fault) throws Exception {
        open(host);
        String first = call();
        Wait.until("the first call rings on the bar", BOUND, () -> bar().calls().containsKey(first));
        Wait.until("the phone's next poll is waiting in the proxy", BOUND, () -> proxy.open() > 0);
        long accepted = proxy.accepted();
        long mappedBefore = ctx.session().inspector().mappedCount();
        int postedBefore = sim.posted().size();

        fault.start(proxy);
        // What happens on the platform while the link is bad: the first call is answered and ends, a second
        // rings and is answered, the agent pauses.
        sim.scenario("answer", Map.of());
        sim.scenario("hangup", Map.of());
        String second = call();
        sim.scenario("answer", Map.of());
        sim.scenario("pause", Map.of("reason", "Lanche"));
        int posted = sim.posted().size() - postedBefore;
        assertEquals(5, posted, "what the platform posted during the fault");
        if (fault == Fault.HALF_OPEN) {
            Wait.until("the platform's answer is held in the stalled link", BOUND, () -> proxy.held() > 0);
            assertEquals(1, bar().calls().size(), "nothing crossed the stalled link");
            assertEquals(CallStatus.RINGING, bar().calls().get(first).status(), "nothing crossed the stalled link");
        }
        long goodAt = fault.end(proxy, accepted, BOUND);

        Wait.until("the bar equals the simulator", BOUND, this::barEqualsSimulator);
        fault.report("evolux", host, goodAt);
        Wait.until("every posted message mapped", BOUND,
                () -> ctx.session().inspector().mappedCount() >= mappedBefore + posted);
        Thread.sleep(500);
        assertEquals(mappedBefore + posted, ctx.session().inspector().mappedCount(), "each message exactly once");
        assertEquals(1, count(Event.CallConnected.class, first));
        assertEquals(1, count(Event.CallEnded.class, first));
        assertEquals(1, count(Event.CallRinging.class, second));
        assertEquals(1, count(Event.CallConnected.class, second));
        assertEquals(new SimState(second, true, "Lanche"), sim.state());

        // And the link carries the next call as before.
        sim.scenario("hangup", Map.of());
        String third = call();
        Wait.until("a call after the fault", BOUND, () -> bar().calls().containsKey(third) && barEqualsSimulator());
        Thread.sleep(300);
        assertEquals(1, count(Event.CallRinging.class, third));
    }
}
