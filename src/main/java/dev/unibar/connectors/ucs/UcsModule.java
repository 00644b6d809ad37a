package dev.unibar.connectors.ucs;

import dev.unibar.bridge.PageChannel;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.DemoCallsSetup;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The UCS operator bar (Insoft, seed 002): its web bar runs in a host page; calls go through its methods. */
public final class UcsModule implements VendorModule {

    public static final String ID = UcsConnector.VENDOR;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "UCS";
    }

    @Override
    public SectionReader configReader() {
        return new UcsConfigReader();
    }

    @Override
    public VendorMapper newMapper() {
        return new UcsMapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        UcsConfig ucs = (UcsConfig) config;
        // Headless UCS draws nothing: the bar's own form and device picker drive the whole login.
        LoginForm form = new LoginForm(!ucs.headless(), List.of(), false, ucs.ssoUsername(), null, null);
        return SimpleSetup.live(connector(ucs, env), form);
    }

    @Override
    public VendorSetup openDemo(VendorEnvironment env) {
        UcsSimulator sim = new UcsSimulator(0).start();
        sim.startDemoLoop();
        // The loop of automatic calls, which config (demo.autoCalls) and the Simulator menu switch.
        return new DemoCallsSetup(forSimulator(sim, env), sim::demoLoopRunning, on -> {
            if (on && !sim.demoLoopRunning()) sim.startDemoLoop();
            else if (!on) sim.stopDemoLoop();
        });
    }

    /** Against a simulator the caller controls (demo, tests, benchmarks); the simulator's demo account. */
    public static VendorSetup forSimulator(UcsSimulator sim, VendorEnvironment env) {
        List<String> names = UcsSimulator.scenarios().stream().map(UcsSimulator.ScenarioInfo::name).toList();
        return new SimpleSetup(connector(demoConfig(sim), env), LoginForm.plain("agent"), sim, names,
                name -> sim.scenario(name, Map.of()), sim::stop);
    }

    private static UcsConnector connector(UcsConfig ucs, VendorEnvironment env) {
        List<String> trusted = new ArrayList<>(ucs.trustedOrigins());
        trusted.add(ucs.origin());
        trusted.add(originOf(ucs.effectiveScriptUrl()));
        PageChannel page = env.hostPage(UcsHostPage.PATH, () -> UcsHostPage.html(ucs, "Unibar – UCS"), trusted);
        return new UcsConnector(ucs, page, env::pageUrl, new UcsMapper(), env.clock());
    }

    /** The simulator's own bar draws itself in the vendor panel; the native form drives it as well. */
    static UcsConfig demoConfig(UcsSimulator sim) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("headless", false);
        options.put("listDevices", true);
        options.put("confirmDevice", false);
        options.put("showDialControl", true);
        return new UcsConfig("127.0.0.1", sim.port(), null, false, sim.scriptUrl(), options, null, null, null,
                List.of());
    }

    static String originOf(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        UcsSimulator sim = new UcsSimulator(port).start();
        out.println("ucs simulator listening on " + sim.origin());
        out.println("  operator script: " + sim.scriptUrl());
        out.println("  demo page:       " + sim.demoPageUrl());
        // The secret is what lets a supervisor's browser drive the run; nobody else gets it.
        out.println("  control:         " + sim.controlUrl());
        out.println("  (every /control/* request needs ?secret=" + sim.secret() + " or header X-Sim-Secret)");
        out.flush();
        return sim;
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/ucs.md). */
    @Override
    public Optional<FarEnd> farEnd(Object simulator) {
        if (!(simulator instanceof UcsSimulator sim)) return Optional.empty();
        return Optional.of(FarEnd.builder(ID)
                .inboundCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.from() != null) p.put("number", c.from());
                    if (c.name() != null) p.put("name", c.name());
                    if (c.queue() != null) p.put("queue", c.queue());
                    if (!c.data().isEmpty()) p.put("data", c.data());
                    sim.scenario("inbound", p);
                })
                .customerHangsUp(() -> sim.scenario("remote-hangup", Map.of()))
                .consultTarget(o -> sim.scenario("consult-answer", Map.of("behavior", o.name().toLowerCase(Locale.ROOT))))
                .nextDial(o -> sim.scenario("outbound", Map.of("behavior", o.name().toLowerCase(Locale.ROOT))))
                .waitingCallers(n -> sim.scenario("waiting-callers", Map.of("count", n)))
                .scenario(sim::scenario)
                .quiet(sim::stopDemoLoop)
                .build());
    }
}
