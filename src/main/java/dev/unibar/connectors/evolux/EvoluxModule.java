package dev.unibar.connectors.evolux;

import dev.unibar.config.PageHosting.Embed;

import dev.unibar.bridge.PageChannel;
import dev.unibar.config.SectionReader;
import dev.unibar.config.Secret;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Evolux Phone (Evolux, seed 000): a web softphone in an iframe, its events by postMessage. */
public final class EvoluxModule implements VendorModule {

    public static final String ID = EvoluxMapper.VENDOR;

    @Override
    public String id() {
        return ID;
    }

    /** The Evolux Phone is a WebRTC softphone: its audio needs the browser window. */
    @Override
    public Embed defaultEmbed() {
        return Embed.BROWSER;
    }

    @Override
    public String displayName() {
        return "Evolux";
    }

    @Override
    public SectionReader configReader() {
        return new EvoluxConfigReader();
    }

    @Override
    public VendorMapper newMapper() {
        return new EvoluxMapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        return SimpleSetup.live(connector((EvoluxConfig) config, env), loginForm());
    }

    @Override
    public VendorSetup openDemo(VendorEnvironment env) {
        return forSimulator(EvoluxSimulator.run(0), env);
    }

    /** Against a simulator the caller controls (demo, tests); the simulator's token enables click-to-call. */
    public static VendorSetup forSimulator(EvoluxSimulator sim, VendorEnvironment env) {
        EvoluxConfig cfg = new EvoluxConfig(sim.phoneUrl(), null, null, Secret.of(sim.apiToken()), null, null);
        return forSimulator(sim, cfg, env);
    }

    /** Same, with the configuration a test wants (no token, another login). */
    public static VendorSetup forSimulator(EvoluxSimulator sim, EvoluxConfig cfg, VendorEnvironment env) {
        List<String> names = EvoluxSimulator.scenarioNames().stream().map(m -> m.get("name")).toList();
        return new SimpleSetup(connector(cfg, env), loginForm(), sim, names,
                name -> sim.scenario(name, Map.of()), sim::stop);
    }

    /** The agent logs in inside the Evolux Phone itself. */
    private static LoginForm loginForm() {
        return new LoginForm(true, List.of(), false, null, null, null);
    }

    private static EvoluxConnector connector(EvoluxConfig cfg, VendorEnvironment env) {
        PageChannel page = env.hostPage(EvoluxHostPage.PATH, () -> EvoluxHostPage.html(cfg), cfg.trustedOrigins());
        return new EvoluxConnector(cfg, page, env::pageUrl, env.clock(), env.pagesCarryWebRtc());
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        EvoluxSimulator sim = EvoluxSimulator.run(port);
        out.println("evolux simulator listening on " + sim.origin());
        out.println("  Evolux Phone (evolux.url): " + sim.phoneUrl());
        out.println("  test page:                 " + sim.testPageUrl());
        out.println("  API token (evolux.api.token), header token: " + sim.apiToken());
        out.println("  control secret (header X-Sim-Secret):       " + sim.controlSecret());
        out.println("  control:                   " + sim.origin() + "/control/scenarios");
        out.flush();
        return sim;
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/evolux.md). */
    @Override
    public Optional<FarEnd> farEnd(Object simulator) {
        if (!(simulator instanceof EvoluxSimulator sim)) return Optional.empty();
        return Optional.of(FarEnd.builder(ID)
                .inboundCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.from() != null) p.put("number", c.from());
                    if (c.name() != null) p.put("name", c.name());
                    if (c.queue() != null) p.put("queue", c.queue());
                    sim.scenario("queue-call", p);
                })
                .campaignCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.to() != null) p.put("number", c.to());
                    if (c.campaign() != null) p.put("campaignId", c.campaign());
                    if (c.customerName() != null) p.put("subscriberName", c.customerName());
                    if (c.customerId() != null) p.put("externalId", c.customerId());
                    sim.scenario("campaign-call", p);
                })
                .customerHangsUp(() -> sim.scenario("hangup", Map.of()))
                .scenario(sim::scenario)
                .build());
    }
}
