package dev.unibar.connectors.evolux;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.Secret;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.webbar.WebBarModule;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.flow.FarEnd;

import java.util.List;
import java.util.Map;

/** The Evolux Phone (Evolux, seed 000): a web softphone in an iframe, its events by postMessage. */
public final class EvoluxModule extends WebBarModule<EvoluxConfig, EvoluxSimulator> {

    public static final String ID = EvoluxMapper.VENDOR;

    /** The Evolux Phone is a WebRTC softphone: its audio needs the browser window. */
    public EvoluxModule() {
        super(ID, "Evolux", Embed.BROWSER, EvoluxConfig.class, EvoluxSimulator.class, EvoluxConfigReader::new, EvoluxMapper::new);
    }

    /** The agent logs in inside the Evolux Phone itself. */
    @Override
    protected VendorSetup live(EvoluxConfig config, VendorEnvironment env) {
        return SimpleSetup.live(connector(config, env), VENDOR_PAGE_LOGIN);
    }

    @Override
    protected EvoluxSimulator startSimulator(int port) {
        return EvoluxSimulator.run(port);
    }

    @Override
    protected VendorSetup demo(EvoluxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, env);
    }

    /** Against a simulator the caller controls (demo, tests); the simulator's token enables click-to-call. */
    public static VendorSetup forSimulator(EvoluxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, new EvoluxConfig(sim.phoneUrl(), null, null, Secret.of(sim.apiToken()), null), env);
    }

    /** Same, with the configuration a test wants (no token, another login). */
    public static VendorSetup forSimulator(EvoluxSimulator sim, EvoluxConfig cfg, VendorEnvironment env) {
        List<String> names = EvoluxSimulator.scenarioNames().stream().map(m -> m.get("name")).toList();
        return new SimpleSetup(connector(cfg, env), VENDOR_PAGE_LOGIN, sim, names, name -> sim.scenario(name, Map.of()), sim::stop);
    }

    private static EvoluxConnector connector(EvoluxConfig cfg, VendorEnvironment env) {
        WebPage page = WebPage.host(env, EvoluxHostPage.PATH, () -> EvoluxHostPage.html(cfg), cfg.trustedOrigins());
        return new EvoluxConnector(cfg, page, env.clock(), env.pagesCarryWebRtc());
    }

    @Override
    protected String listensOn(EvoluxSimulator sim) {
        return sim.origin();
    }

    @Override
    protected List<String> addresses(EvoluxSimulator sim) {
        return List.of("Evolux Phone (evolux.url): " + sim.phoneUrl(),
                "test page:                 " + sim.testPageUrl(),
                "API token (evolux.api.token), header token: " + sim.apiToken(),
                "control secret (header X-Sim-Secret):       " + sim.controlSecret(),
                "control:                   " + sim.origin() + "/control/scenarios");
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/evolux.md). */
    @Override
    protected FarEnd.Builder farEnd(EvoluxSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.scenario("queue-call",
                        params(c.options(), "number", c.from(), "name", c.name(), "queue", c.queue())))
                .campaignCall(c -> sim.scenario("campaign-call", params(c.options(), "number", c.to(),
                        "campaignId", c.campaign(), "subscriberName", c.customerName(), "externalId", c.customerId())))
                .customerHangsUp(() -> sim.scenario("hangup", Map.of()))
                .scenario(sim::scenario);
    }
}
