package dev.unibar.connectors.max;

import dev.unibar.config.PageHosting.Embed;

import dev.unibar.bridge.PageChannel;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.max.sim.MaxScenarios;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/** NICE inContact MAX (seed 003): MAX runs in the vendor panel; Unibar is its hidden child frame. */
public final class MaxModule implements VendorModule {

    public static final String ID = MaxMapper.VENDOR;
    /** The host-page path the environment reserves; the panel then loads MAX's own URL. */
    static final String PATH = "/max/";

    @Override
    public String id() {
        return ID;
    }

    /** MAX's integrated softphone is WebRTC: its audio needs the browser window. */
    @Override
    public Embed defaultEmbed() {
        return Embed.BROWSER;
    }

    @Override
    public String displayName() {
        return "MAX";
    }

    @Override
    public SectionReader configReader() {
        return new MaxConfigReader();
    }

    @Override
    public VendorMapper newMapper() {
        return new MaxMapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        MaxConfig max = (MaxConfig) config;
        // MAX draws its own sign-in: the bar has no login form of its own for it.
        return SimpleSetup.live(connector(max, env), new LoginForm(true, List.of(), false, null, null, null));
    }

    @Override
    public VendorSetup openDemo(VendorEnvironment env) {
        return forSimulator(new MaxSimulator(0).start(), env);
    }

    /** Against a simulator the caller controls (demo, tests). */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, env, null);
    }

    /** With these subscription types (null: the default), unchecked, so a test can have MAX refuse them. */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env, List<String> subscriptionTypes) {
        MaxConfig cfg = new MaxConfig(sim.pageUrl(), subscriptionTypes, null, null);
        return new SimpleSetup(connector(cfg, env), new LoginForm(true, List.of(), false, null, null, null), sim,
                List.copyOf(MaxScenarios.ALL.keySet()), name -> sim.scenario(name, Map.of()), sim::stop);
    }

    static MaxConnector connector(MaxConfig cfg, VendorEnvironment env) {
        List<String> trusted = new ArrayList<>(cfg.trustedOrigins());
        trusted.add(cfg.origin());
        PageChannel page = env.hostPage(PATH, MaxModule::placeholder, trusted);
        return new MaxConnector(cfg, page, new MaxMapper());
    }

    /** Served but not shown: the connector loads MAX itself into the panel. */
    private static String placeholder() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>MAX</title></head><body></body></html>";
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        MaxSimulator sim = new MaxSimulator(port).start();
        out.println("max simulator listening on " + sim.origin());
        out.println("  MAX page:  " + sim.pageUrl() + "  (add ?workspace=<URL> for a custom workspace)");
        out.println("  control:   " + sim.origin() + "/control/scenarios  (header X-Sim-Secret: " + sim.controlSecret() + ")");
        out.flush();
        return sim;
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/max.md). */
    @Override
    public Optional<FarEnd> farEnd(Object simulator) {
        if (!(simulator instanceof MaxSimulator sim)) return Optional.empty();
        return Optional.of(FarEnd.builder(ID)
                .inboundCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.from() != null) p.put("ani", c.from());
                    if (c.queue() != null) p.put("skill", c.queue());
                    sim.scenario("inbound", p);
                })
                .customerHangsUp(() -> sim.scenario("caller-hangup", Map.of()))
                .scenario(sim::scenario)
                .build());
    }
}
