package dev.unibar.app;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.config.UcsConfig;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.Session;
import dev.unibar.sim.ucs.UcsSimulator;
import dev.unibar.ui.BarContext;
import dev.unibar.ui.LoginDefaults;
import dev.unibar.ui.LoginMode;
import dev.unibar.vendor.ucs.UcsConnector;
import dev.unibar.vendor.ucs.UcsHostPage;
import dev.unibar.vendor.ucs.UcsMapper;
import javafx.scene.Node;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UCS operator bar in a WebView: the host-page server, the page, the connector and, in demo mode,
 * the built-in UCS simulator standing in for the UCS server. Must be created on the FX thread.
 */
public final class UcsContext implements BarContext {

    private final UcsSimulator simulator;
    private final HostServer host;
    private final WebPageChannel page;
    private final Session session;
    private final UcsConfig config;

    private UcsContext(UcsSimulator simulator, HostServer host, WebPageChannel page, Session session,
                       UcsConfig config) {
        this.simulator = simulator;
        this.host = host;
        this.page = page;
        this.session = session;
        this.config = config;
    }

    /** For a configuration: a live UCS server, or in demo mode a fresh simulator offering calls now and then. */
    public static UcsContext create(UnibarConfig config, Clock clock) {
        if (config.demo() || config.ucs() == null) {
            UcsSimulator sim = new UcsSimulator(0).start();
            sim.startDemoLoop();
            return create(demoConfig(sim), sim, clock);
        }
        return create(config.ucs(), null, clock);
    }

    /** Against a simulator the caller controls (tests, benchmarks). */
    public static UcsContext forSimulator(UcsSimulator sim, Clock clock) {
        return create(demoConfig(sim), sim, clock);
    }

    private static UcsContext create(UcsConfig ucs, UcsSimulator sim, Clock clock) {
        HostServer host = new HostServer();
        host.start();
        List<String> trusted = new ArrayList<>(ucs.trustedOrigins());
        trusted.add(ucs.origin());
        trusted.add(originOf(ucs.effectiveScriptUrl()));
        WebPageChannel page = new WebPageChannel(OriginPolicy.forHost(host, trusted));
        UcsConfig finalUcs = ucs;
        host.addPage("/ucs/", () -> UcsHostPage.html(finalUcs, "Unibar – UCS"));
        UcsConnector connector = new UcsConnector(ucs, page, host::url, new UcsMapper(), clock);
        return new UcsContext(sim, host, page, new Session(connector, clock), ucs);
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

    public UcsSimulator simulator() {
        return simulator;
    }

    public WebPageChannel page() {
        return page;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Optional<Node> vendorView() {
        return Optional.of(page.view());
    }

    @Override
    public LoginMode loginMode() {
        // Headless UCS draws nothing: the bar's own form and device picker drive the whole login.
        return config.headless() || simulator != null ? LoginMode.NATIVE : LoginMode.VENDOR_PAGE;
    }

    /** The simulator's demo account; a live UCS knows the user only when SSO is configured. */
    @Override
    public LoginDefaults loginDefaults() {
        return new LoginDefaults(simulator != null ? "agent" : config.ssoUsername(), null, null);
    }

    @Override
    public boolean pairsDeviceAtLogin() {
        return false;
    }

    @Override
    public List<String> scenarios() {
        if (simulator == null) return List.of();
        return UcsSimulator.scenarios().stream().map(UcsSimulator.ScenarioInfo::name).toList();
    }

    @Override
    public void runScenario(String name) {
        if (simulator != null) Contexts.runScenario(session, name, () -> simulator.scenario(name, Map.of()));
    }

    @Override
    public String title() {
        return simulator != null ? "Unibar – UCS (demo)" : "Unibar – UCS";
    }

    @Override
    public void close() {
        session.stop();
        page.close();
        host.stop();
        if (simulator != null) simulator.stop();
    }
}
