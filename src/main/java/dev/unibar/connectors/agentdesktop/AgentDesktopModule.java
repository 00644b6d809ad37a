package dev.unibar.connectors.agentdesktop;

import dev.unibar.bridge.PageChannel;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;
import dev.unibar.core.model.PauseReason;

import dev.unibar.config.ConfigLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Enghouse AgentDesktop (seed 001): AgentDesktop itself runs in the vendor panel and loads Unibar's
 * widget page, which bridges its Widget SDK (decision 0010). AgentDesktop draws its own login.
 */
public final class AgentDesktopModule implements VendorModule {

    public static final String ID = AgentDesktopMapper.VENDOR;
    private static final System.Logger LOG = System.getLogger(AgentDesktopModule.class.getName());
    static final String PLACEHOLDER_PATH = "/agentdesktop/";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "AgentDesktop";
    }

    @Override
    public SectionReader configReader() {
        return new AgentDesktopConfigReader();
    }

    @Override
    public VendorMapper newMapper() {
        return new AgentDesktopMapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        AgentDesktopConfig cfg = (AgentDesktopConfig) config;
        return SimpleSetup.live(connector(cfg, env, uri -> { }, cfg.https() ? httpsWidget(cfg) : null), loginForm());
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
    public VendorSetup openDemo(VendorEnvironment env) {
        AgentDesktopSimulator sim = new AgentDesktopSimulator().start();
        return forSimulator(sim, env);
    }

    /** Against a simulator the caller controls (demo, tests): the simulator's side bar loads Unibar's widget. */
    public static VendorSetup forSimulator(AgentDesktopSimulator sim, VendorEnvironment env) {
        AgentDesktopConfig cfg = new AgentDesktopConfig(sim.pageUrl(), 0, AgentDesktopConfig.methods(Map.of()), null, null,
                null, List.of(new PauseReason("BREAK", "Pausa", null), new PauseReason("LUNCH", "Pranzo", null)), List.of());
        return new SimpleSetup(connector(cfg, env, sim::widgetUri, null), loginForm(), sim,
                List.copyOf(new java.util.TreeSet<>(sim.scenarios())), sim::play, sim::stop);
    }

    private static AgentDesktopConnector connector(AgentDesktopConfig cfg, VendorEnvironment env, Consumer<String> widgetUri,
                                                   HttpsWidget https) {
        List<String> trusted = new ArrayList<>(cfg.trustedOrigins());
        trusted.add(cfg.origin());
        // The panel shows AgentDesktop itself; the placeholder only gives the channel a page until then.
        PageChannel page = env.hostPage(PLACEHOLDER_PATH, AgentDesktopModule::placeholder, trusted);
        return new AgentDesktopConnector(cfg, page, new AgentDesktopMapper(), widgetUri,
                https == null ? null : https.certificate(), https == null ? null : https.problem());
    }

    private static String placeholder() {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>AgentDesktop</title></head>"
                + "<body><p>AgentDesktop</p></body></html>";
    }

    /** AgentDesktop's own page draws the login; the bar's form stays hidden. */
    private static LoginForm loginForm() {
        return new LoginForm(true, List.of(), false, null, null, null);
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        AgentDesktopSimulator sim = new AgentDesktopSimulator(port).start();
        out.println("agentdesktop simulator listening on " + sim.origin());
        out.println("  agent page:   " + sim.pageUrl());
        out.println("  SDK:          " + sim.origin() + AgentDesktopSimulator.SDK_PATH);
        out.println("  control:      " + sim.origin() + "/control/scenarios");
        // The per-run secret of a local test tool, printed for the supervisor who runs it (never logged).
        out.println("  control secret (X-Sim-Secret): " + sim.secret());
        out.flush();
        return sim;
    }

    /** Flow far-end actions: the simulator plays the seed's sequences by name (docs/simulators/agentdesktop.md). */
    @Override
    public Optional<FarEnd> farEnd(Object simulator) {
        if (!(simulator instanceof AgentDesktopSimulator sim)) return Optional.empty();
        return Optional.of(FarEnd.builder(ID).scenario((name, params) -> sim.play(name)).build());
    }
}
