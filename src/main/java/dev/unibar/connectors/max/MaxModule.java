package dev.unibar.connectors.max;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.max.sim.MaxScenarios;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.connectors.webbar.Origins;
import dev.unibar.connectors.webbar.WebBarModule;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.flow.FarEnd;

import java.util.List;
import java.util.Map;

/**
 * NICE inContact MAX (seed 003): MAX runs in the vendor panel and draws its own sign-in; Unibar is its hidden
 * child frame. MAX's integrated softphone is WebRTC: its audio needs the browser window.
 */
public final class MaxModule extends WebBarModule<MaxConfig, MaxSimulator> {

    public MaxModule() {
        super(MaxMapper.VENDOR, "MAX", Embed.BROWSER, MaxConfig.class, MaxConfigReader::new, MaxMapper::new,
                MaxSimulator.class, port -> new MaxSimulator(port).start());
    }

    /** Against a simulator the caller controls (demo, tests). */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env) {
        return new MaxModule().demo(sim, env);
    }

    /** With these subscription types (null: the default), unchecked, so a test can have MAX refuse them. */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env, List<String> subscriptionTypes) {
        return new MaxModule().demo(sim, new MaxConfig(sim.pageUrl(), subscriptionTypes, null, null), env);
    }

    /** The panel loads MAX itself; the child frame's messages count only from MAX's origins. */
    @Override
    protected MaxConnector connector(MaxConfig cfg, VendorEnvironment env, MaxSimulator sim) {
        return new MaxConnector(cfg, WebPage.vendor(env, id(), cfg.url(), Origins.trusted(cfg.trustedOrigins(), cfg.url())),
                env.pagesCarryWebRtc());
    }

    @Override
    protected MaxConfig demoConfig(MaxSimulator sim) {
        return new MaxConfig(sim.pageUrl(), null, null, null);
    }

    @Override
    protected List<String> scenarios(MaxSimulator sim) {
        return List.copyOf(MaxScenarios.ALL.keySet());
    }

    @Override
    protected void play(MaxSimulator sim, String scenario) {
        sim.scenario(scenario, Map.of());
    }

    @Override
    protected Banner banner(MaxSimulator sim) {
        return new Banner(sim.origin(), "MAX page:  " + sim.pageUrl() + "  (add ?workspace=<URL> for a custom workspace)",
                "control:   " + sim.origin() + "/control/scenarios  (header X-Sim-Secret: " + sim.controlSecret() + ")");
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/max.md). */
    @Override
    protected FarEnd.Builder farEnd(MaxSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.scenario("inbound", params(c.options(), "ani", c.from(), "skill", c.queue())))
                .customerHangsUp(() -> sim.scenario("caller-hangup", Map.of()))
                .scenario(sim::scenario);
    }

    @Override
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return MaxMapper.END_CAUSES;
    }
}
