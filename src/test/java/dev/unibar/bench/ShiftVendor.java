package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.PageFault;
import dev.unibar.testkit.Wait;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What differs between the five vendors in {@link ShiftSoak}, one row each: the set-up against the simulator,
 * signing the agent in, one call of the agent's day (ring, answer where the vendor takes it from the bar, the
 * caller's hang-up, wrap-up where the vendor has one), what "ready for the next call" means, and what plays a
 * reload (the vendor page reloaded; EPBX, which has no page, loses its hub's sockets and reconnects). The calls are
 * the ones {@link WebBarSoak} and {@link SoakBenchmark} drive, with wrap-up added where the simulator has one.
 */
enum ShiftVendor {

    /** The simulator's ACW after every call (switched on at sign-in); the reloaded page asks for the login again. */
    UCS(new UcsModule(), env -> UcsModule.forSimulator(
            new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start(), env),
            ctx -> {
                UcsSimulator sim = ctx.simulator(UcsSimulator.class);
                SoakBenchmark.ucsSignIn(sim, ctx.session(), ShiftSoak.PAGE);
                sim.scenario("acw", Map.of("always", true));
            },
            ctx -> {
                UcsSimulator sim = ctx.simulator(UcsSimulator.class);
                Session s = ctx.session();
                String id = String.valueOf(sim.scenario("inbound", Map.of("number", "603987654")).get("uniqueid"));
                Wait.until("ringing " + id, ShiftSoak.STEP, () -> s.store().state().calls().containsKey(id));
                s.send(new Command.Answer(id));
                Wait.until("talking " + id, ShiftSoak.STEP, () -> sim.state().calls().stream()
                        .anyMatch(c -> c.uniqueid().equals(id) && c.state() == 3));
                sim.scenario("remote-hangup", Map.of());
                return id;
            },
            ctx -> {
                var st = ctx.simulator(UcsSimulator.class).state();
                return st != null && "READY".equals(st.status()) && bar(ctx).agentState() == AgentState.READY;
            },
            ShiftVendor::reloadPage),

    /** The agent ends after-call work from the bar (Ready: OfflineEnd); the simulator answers at once. */
    AGENTDESKTOP(new AgentDesktopModule(), env -> new AgentDesktopModule().openDemo(env),
            ctx -> {
                AgentDesktopSimulator sim = ctx.simulator(AgentDesktopSimulator.class);
                sim.answerDelayMs(0);
                sim.play("agent-login");
            },
            ctx -> {
                AgentDesktopSimulator sim = ctx.simulator(AgentDesktopSimulator.class);
                Session s = ctx.session();
                String id = sim.inbound("3393669393", "5000", "QUEUE25");
                answer(s, id);
                sim.remoteHangup(id);
                Wait.until("wrap-up " + id, ShiftSoak.STEP, () -> bar(ctx).calls().isEmpty() && bar(ctx).wrapUp());
                s.send(new Command.SetState(AgentState.READY, null));
                return id;
            },
            ctx -> bar(ctx).phase() == SessionPhase.READY && !bar(ctx).wrapUp(),
            ShiftVendor::reloadPage),

    /** After-call work until MAX ends it (the simulator's end-acw). */
    MAX(new MaxModule(), env -> new MaxModule().openDemo(env),
            ctx -> { },
            ctx -> {
                MaxSimulator sim = ctx.simulator(MaxSimulator.class);
                Session s = ctx.session();
                Object contact = sim.scenario("inbound", Map.of("ani", "8015551234", "skill", "Support")).get("contactId");
                String id = ringing(ctx, contact);
                answer(s, id);
                sim.scenario("caller-hangup", Map.of());
                Wait.until("after-call work " + id, ShiftSoak.STEP, () -> bar(ctx).calls().isEmpty()
                        && bar(ctx).agentState() == AgentState.WRAP_UP);
                sim.scenario("end-acw", Map.of());
                return id;
            },
            ctx -> bar(ctx).phase() == SessionPhase.READY && bar(ctx).agentState() == AgentState.READY,
            ShiftVendor::reloadPage),

    /** Evolux takes no command from the host page: the phone answers, the caller hangs up; Evolux has no wrap-up. */
    EVOLUX(new EvoluxModule(), env -> new EvoluxModule().openDemo(env),
            ctx -> { },
            ctx -> {
                EvoluxSimulator sim = ctx.simulator(EvoluxSimulator.class);
                Object call = sim.scenario("queue-call", Map.of("number", "84999010101", "name", "Cliente",
                        "queue", "suporte", "answerAfterMs", 0)).get("callId");
                String id = ringing(ctx, call);
                Wait.until("talking " + id, ShiftSoak.STEP, () -> status(bar(ctx), id) == CallStatus.CONNECTED);
                sim.scenario("hangup", Map.of());
                return id;
            },
            ctx -> bar(ctx).phase() == SessionPhase.READY,
            ShiftVendor::reloadPage),

    /**
     * A dialer call (the phone answers it), the customer hangs up, EPBX's wrap-up interval until the agent is ready
     * again from the bar; the hub's sockets cut (the simulator's drop) play the reload.
     */
    EPBX(new EpbxModule(), env -> new EpbxModule().openDemo(env),
            ctx -> ctx.session().send(new Command.Login(EpbxSimulator.DEMO_USER, EpbxSimulator.DEMO_PASSWORD, false,
                    "1000", "ramalVirtual")).toCompletableFuture().get(ShiftSoak.STEP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
            ctx -> {
                EpbxSimulator sim = ctx.simulator(EpbxSimulator.class);
                String id = sim.scenario("dialer", Map.of("answerAfterMs", 0)).get("canalId").asText();
                Wait.until("talking " + id, ShiftSoak.STEP, () -> status(bar(ctx), id) == CallStatus.CONNECTED);
                sim.scenario("hangup", Map.of());
                Wait.until("wrap-up " + id, ShiftSoak.STEP, () -> bar(ctx).calls().isEmpty()
                        && bar(ctx).agentState() == AgentState.WRAP_UP);
                ctx.session().send(new Command.SetState(AgentState.READY, null));
                return id;
            },
            ctx -> bar(ctx).phase() == SessionPhase.READY && bar(ctx).agentState() == AgentState.READY
                    && !bar(ctx).wrapUp(),
            ctx -> ctx.simulator(EpbxSimulator.class).dropConnections());

    interface Step {
        void run(VendorContext ctx) throws Exception;
    }

    interface Cycle {
        /** Places one call and plays it to its end; returns the vendor's id of the call. */
        String run(VendorContext ctx) throws Exception;
    }

    final VendorModule module;
    final Function<VendorEnvironment, VendorSetup> setUp;
    /** From the start (or a reloaded page that asks for the login) to an agent who can take calls. */
    final Step signIn;
    final Cycle call;
    /** The agent can take the next call: no call, no wrap-up, ready on the vendor's side as on the bar's. */
    final Predicate<VendorContext> ready;
    final Step reload;

    ShiftVendor(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, Step signIn, Cycle call,
                Predicate<VendorContext> ready, Step reload) {
        this.module = module;
        this.setUp = setUp;
        this.signIn = signIn;
        this.call = call;
        this.ready = ready;
        this.reload = reload;
    }

    private static void reloadPage(VendorContext ctx) throws Exception {
        PageFault.RELOAD.apply(ctx);
    }

    private static BarState bar(VendorContext ctx) {
        return ctx.session().store().state();
    }

    /** Answered from the bar, until the bar shows it connected. */
    private static void answer(Session s, String id) throws Exception {
        Wait.until("ringing " + id, ShiftSoak.STEP, () -> s.store().state().calls().containsKey(id));
        s.send(new Command.Answer(id));
        Wait.until("talking " + id, ShiftSoak.STEP, () -> status(s.store().state(), id) == CallStatus.CONNECTED);
    }

    /**
     * The simulator's id of the call once the bar shows it; where the scenario returned none, the one call the
     * bar shows (Evolux posts the invitation and the answer together: it may already be connected).
     */
    private static String ringing(VendorContext ctx, Object simId) {
        if (simId != null) {
            Wait.until("ringing " + simId, ShiftSoak.STEP, () -> bar(ctx).calls().containsKey(String.valueOf(simId)));
            return String.valueOf(simId);
        }
        Wait.until("a ringing call", ShiftSoak.STEP, () -> bar(ctx).calls().size() == 1);
        return bar(ctx).calls().keySet().iterator().next();
    }

    private static CallStatus status(BarState st, String id) {
        var c = st.calls().get(id);
        return c == null ? null : c.status();
    }
}
