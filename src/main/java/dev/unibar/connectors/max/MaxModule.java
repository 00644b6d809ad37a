package dev.unibar.connectors.max;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.connectors.SimpleSetup;
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

/** NICE inContact MAX (seed 003): MAX runs in the vendor panel; Unibar is its hidden child frame. */
public final class MaxModule extends WebBarModule<MaxConfig, MaxSimulator> {

    public static final String ID = MaxMapper.VENDOR;

    /** MAX's integrated softphone is WebRTC: its audio needs the browser window. */
    public MaxModule() {
        super(ID, "MAX", Embed.BROWSER, MaxConfig.class, MaxSimulator.class, MaxConfigReader::new, MaxMapper::new);
    }

    /** MAX draws its own sign-in: the bar has no login form of its own for it. */
    @Override
    protected VendorSetup live(MaxConfig config, VendorEnvironment env) {
        return SimpleSetup.live(connector(config, env), VENDOR_PAGE_LOGIN);
    }

    @Override
    protected MaxSimulator startSimulator(int port) {
        return new MaxSimulator(port).start();
    }

    @Override
    protected VendorSetup demo(MaxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, env);
    }

    /** Against a simulator the caller controls (demo, tests). */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, env, null);
    }

    /** With these subscription types (null: the default), unchecked, so a test can have MAX refuse them. */
    public static VendorSetup forSimulator(MaxSimulator sim, VendorEnvironment env, List<String> subscriptionTypes) {
        MaxConfig cfg = new MaxConfig(sim.pageUrl(), subscriptionTypes, null, null);
        return new SimpleSetup(connector(cfg, env), VENDOR_PAGE_LOGIN, sim, List.copyOf(MaxScenarios.ALL.keySet()),
                name -> sim.scenario(name, Map.of()), sim::stop);
    }

    /** The panel loads MAX itself; the child frame's messages count only from MAX's origins. */
    private static MaxConnector connector(MaxConfig cfg, VendorEnvironment env) {
        WebPage page = WebPage.vendor(env, ID, cfg.url(), Origins.trusted(cfg.trustedOrigins(), cfg.url()));
        return new MaxConnector(cfg, page);
    }

    @Override
    protected String listensOn(MaxSimulator sim) {
        return sim.origin();
    }

    @Override
    protected List<String> addresses(MaxSimulator sim) {
        return List.of("MAX page:  " + sim.pageUrl() + "  (add ?workspace=<URL> for a custom workspace)",
                "control:   " + sim.origin() + "/control/scenarios  (header X-Sim-Secret: " + sim.controlSecret() + ")");
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/max.md). */
    @Override
    protected FarEnd.Builder farEnd(MaxSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.scenario("inbound", params(c.options(), "ani", c.from(), "skill", c.queue())))
                .customerHangsUp(() -> sim.scenario("caller-hangup", Map.of()))
                .scenario(sim::scenario);
    }
}
