package dev.unibar.connectors.evolux;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.Secret;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.webbar.WebBarModule;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.flow.FarEnd;

import java.util.List;
import java.util.Map;

/**
 * The Evolux Phone (Evolux, seed 000): a web softphone in an iframe of Unibar's host page, its events by
 * postMessage; the agent signs in inside the phone. It is a WebRTC softphone: its audio needs the browser window.
 */
public final class EvoluxModule extends WebBarModule<EvoluxConfig, EvoluxSimulator> {

    public EvoluxModule() {
        super(EvoluxMapper.VENDOR, "Evolux", Embed.BROWSER, EvoluxConfig.class, EvoluxConfigReader::new, EvoluxMapper::new,
                EvoluxSimulator.class, EvoluxSimulator::run);
    }

    /** Against a simulator the caller controls (demo, tests); the simulator's token enables click-to-call. */
    public static VendorSetup forSimulator(EvoluxSimulator sim, VendorEnvironment env) {
        return new EvoluxModule().demo(sim, env);
    }

    /** Same, with the configuration a test wants (no token, another login). */
    public static VendorSetup forSimulator(EvoluxSimulator sim, EvoluxConfig cfg, VendorEnvironment env) {
        return new EvoluxModule().demo(sim, cfg, env);
    }

    @Override
    protected EvoluxConnector connector(EvoluxConfig cfg, VendorEnvironment env, EvoluxSimulator sim) {
        WebPage page = WebPage.host(env, EvoluxHostPage.PATH, () -> EvoluxHostPage.html(cfg), cfg.trustedOrigins());
        return new EvoluxConnector(cfg, page, env.clock(), env.pagesCarryWebRtc());
    }

    @Override
    protected EvoluxConfig demoConfig(EvoluxSimulator sim) {
        return new EvoluxConfig(sim.phoneUrl(), null, null, Secret.of(sim.apiToken()), null);
    }

    @Override
    protected List<String> scenarios(EvoluxSimulator sim) {
        return EvoluxSimulator.scenarioNames().stream().map(m -> m.get("name")).toList();
    }

    @Override
    protected void play(EvoluxSimulator sim, String scenario) {
        sim.scenario(scenario, Map.of());
    }

    @Override
    protected Banner banner(EvoluxSimulator sim) {
        return new Banner(sim.origin(), "Evolux Phone (evolux.url): " + sim.phoneUrl(),
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

    @Override
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return EvoluxMapper.END_CAUSES;
    }
}
