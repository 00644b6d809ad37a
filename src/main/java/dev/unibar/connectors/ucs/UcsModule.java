package dev.unibar.connectors.ucs;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.connectors.DemoCallsSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.connectors.webbar.Origins;
import dev.unibar.connectors.webbar.WebBarModule;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The UCS operator bar (Insoft, seed 002): its web bar runs in a host page; calls go through its methods. */
public final class UcsModule extends WebBarModule<UcsConfig, UcsSimulator> {

    public UcsModule() {
        super(UcsConnector.VENDOR, "UCS", Embed.WEBVIEW, UcsConfig.class, UcsConfigReader::new, UcsMapper::new,
                UcsSimulator.class, port -> new UcsSimulator(port).start());
    }

    /** Against a simulator the caller controls (tests, benchmarks): the simulator's demo account, no call loop. */
    public static VendorSetup forSimulator(UcsSimulator sim, VendorEnvironment env) {
        UcsModule m = new UcsModule();
        return m.demo(sim, m.demoConfig(sim), env);
    }

    /** Demo mode adds the loop of automatic calls, which config (demo.autoCalls) and the Simulator menu switch. */
    @Override
    protected VendorSetup demo(UcsSimulator sim, VendorEnvironment env) {
        sim.startDemoLoop();
        return new DemoCallsSetup(super.demo(sim, env), sim::demoLoopRunning, on -> {
            if (on && !sim.demoLoopRunning()) sim.startDemoLoop();
            else if (!on) sim.stopDemoLoop();
        });
    }

    /** The host page trusts the configured origins, UCS's and its script's. */
    @Override
    protected UcsConnector connector(UcsConfig ucs, VendorEnvironment env, UcsSimulator sim) {
        List<String> trusted = Origins.trusted(ucs.trustedOrigins(), ucs.origin(), ucs.effectiveScriptUrl());
        WebPage page = WebPage.host(env, UcsHostPage.PATH, () -> UcsHostPage.html(ucs, "Unibar – UCS"), trusted);
        return new UcsConnector(ucs, page, env.clock());
    }

    /** Headless UCS draws nothing: the bar's own form and device picker drive the whole login. */
    @Override
    protected LoginForm loginForm(UcsConfig ucs) {
        return new LoginForm(!ucs.headless(), List.of(), false, ucs.ssoUsername(), null, null);
    }

    /** The simulator's own bar draws itself in the vendor panel; the native form drives it as well. */
    @Override
    protected LoginForm demoLoginForm(UcsConfig ucs) {
        return LoginForm.plain(dev.unibar.connectors.ucs.sim.UcsSimSettings.DEMO_USER)
                .withDemo(dev.unibar.connectors.ucs.sim.UcsSimSettings.DEMO_USER,
                        dev.unibar.connectors.ucs.sim.UcsSimSettings.DEMO_PASSWORD);
    }

    @Override
    protected UcsConfig demoConfig(UcsSimulator sim) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("headless", false);
        options.put("listDevices", true);
        options.put("confirmDevice", false);
        options.put("showDialControl", true);
        return new UcsConfig("127.0.0.1", sim.port(), null, false, sim.scriptUrl(), options, null, null, null,
                List.of());
    }

    @Override
    protected List<String> scenarios(UcsSimulator sim) {
        return UcsSimulator.scenarios().stream().map(UcsSimulator.ScenarioInfo::name).toList();
    }

    @Override
    protected void play(UcsSimulator sim, String scenario) {
        sim.scenario(scenario, Map.of());
    }

    /** The secret is what lets a supervisor's browser drive the run; nobody else gets it. */
    @Override
    protected Banner banner(UcsSimulator sim) {
        return new Banner(sim.origin(), "operator script: " + sim.scriptUrl(), "demo page:       " + sim.demoPageUrl(),
                "control:         " + sim.controlUrl(),
                "(every /control/* request needs ?secret=" + sim.secret() + " or header X-Sim-Secret)");
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/ucs.md). */
    @Override
    protected FarEnd.Builder farEnd(UcsSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.scenario("inbound", params(c.options(), "number", c.from(), "name", c.name(),
                        "queue", c.queue(), "data", c.data().isEmpty() ? null : c.data())))
                .customerHangsUp(() -> sim.scenario("remote-hangup", Map.of()))
                .consultTarget(o -> sim.scenario("consult-answer", Map.of("behavior", o.name().toLowerCase(Locale.ROOT))))
                .nextDial(o -> sim.scenario("outbound", Map.of("behavior", o.name().toLowerCase(Locale.ROOT))))
                .waitingCallers(n -> sim.scenario("waiting-callers", Map.of("count", n)))
                .scenario(sim::scenario)
                .quiet(sim::stopDemoLoop);
    }

    @Override
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return UcsCalls.END_CAUSES;
    }
}
