package dev.unibar.connectors.agentdesktop;

import dev.unibar.config.ConfigLoader;
import dev.unibar.config.PageHosting.Embed;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.webbar.Origins;
import dev.unibar.connectors.webbar.WebBarModule;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.model.PauseReason;
import dev.unibar.flow.FarEnd;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Enghouse AgentDesktop (seed 001): AgentDesktop itself runs in the vendor panel and loads Unibar's
 * widget page, which bridges its Widget SDK (decision 0010). AgentDesktop draws its own login.
 */
public final class AgentDesktopModule extends WebBarModule<AgentDesktopConfig, AgentDesktopSimulator> {

    private static final System.Logger LOG = System.getLogger(AgentDesktopModule.class.getName());

    public AgentDesktopModule() {
        super(AgentDesktopMapper.VENDOR, "AgentDesktop", Embed.WEBVIEW, AgentDesktopConfig.class, AgentDesktopConfigReader::new,
                AgentDesktopMapper::new, AgentDesktopSimulator.class, port -> new AgentDesktopSimulator(port).start());
    }

    /** Against a simulator the caller controls (demo, tests): the simulator's side bar loads Unibar's widget. */
    public static VendorSetup forSimulator(AgentDesktopSimulator sim, VendorEnvironment env) {
        return new AgentDesktopModule().demo(sim, env);
    }

    /**
     * The panel shows AgentDesktop itself, which loads the widget. Live, an https AgentDesktop gets the https
     * widget page; against the simulator, the simulator is told the widget's address.
     */
    @Override
    protected AgentDesktopConnector connector(AgentDesktopConfig cfg, VendorEnvironment env, AgentDesktopSimulator sim) {
        WebPage page = WebPage.vendor(env, id(), cfg.baseUrl(), Origins.trusted(cfg.trustedOrigins(), cfg.baseUrl()));
        HttpsWidget https = sim == null && cfg.https() ? httpsWidget(cfg) : new HttpsWidget(null, null);
        return new AgentDesktopConnector(cfg, page, new AgentDesktopMapper(), sim == null ? uri -> { } : sim::widgetUri,
                https.certificate(), https.problem());
    }

    /** The https widget page's certificate, or why there is none (decision 0010). */
    record HttpsWidget(LoopbackCertificate certificate, String problem) {
    }

    /**
     * Made and trusted here, before the composition root shows anything: the WebView's HTTPS client takes
     * the JVM's default SSLContext once, at its first page load.
     */
    static HttpsWidget httpsWidget(AgentDesktopConfig cfg) {
        Path file = cfg.widgetKeystore() != null ? cfg.widgetKeystore()
                : ConfigLoader.platformDefault(System::getenv, System.getProperty("os.name", ""), System.getProperty("user.home", "."))
                .resolveSibling(AgentDesktopConfig.KEYSTORE_FILE);
        try {
            LoopbackCertificate c = LoopbackCertificate.loadOrCreate(file, Instant.now());
            LoopbackTrust.install(c.certificate());
            return new HttpsWidget(c, null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "AgentDesktop: no https widget page (" + file + ")", e);
            return new HttpsWidget(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    protected AgentDesktopConfig demoConfig(AgentDesktopSimulator sim) {
        return new AgentDesktopConfig(sim.pageUrl(), 0, AgentDesktopConfig.methods(Map.of()), null, null, null,
                List.of(new PauseReason("BREAK", "Pausa", null), new PauseReason("LUNCH", "Pranzo", null)), List.of());
    }

    @Override
    protected List<String> scenarios(AgentDesktopSimulator sim) {
        return List.copyOf(new TreeSet<>(sim.scenarios()));
    }

    @Override
    protected void play(AgentDesktopSimulator sim, String scenario) {
        sim.play(scenario);
    }

    /** The per-run secret of a local test tool, printed for the supervisor who runs it (never logged). */
    @Override
    protected Banner banner(AgentDesktopSimulator sim) {
        return new Banner(sim.origin(), "agent page:   " + sim.pageUrl(),
                "SDK:          " + sim.origin() + AgentDesktopSimulator.SDK_PATH,
                "control:      " + sim.origin() + "/control/scenarios", "control secret (X-Sim-Secret): " + sim.secret());
    }

    /**
     * Flow far-end actions: a caller (who may give up while it rings: {@code options.autoHangupAfterMs}) and the
     * simulator's scenarios by name (docs/simulators/agentdesktop.md).
     */
    @Override
    protected FarEnd.Builder farEnd(AgentDesktopSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.inbound(c.from(), "225727273", c.queue() == null ? "QUEUE25" : c.queue(),
                        c.options().get("autoHangupAfterMs") instanceof Number n ? n.longValue() : 0))
                .scenario(sim::play);
    }

    @Override
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return AgentDesktopMapper.END_CAUSES;
    }
}
