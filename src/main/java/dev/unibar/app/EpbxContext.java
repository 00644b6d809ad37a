package dev.unibar.app;

import dev.unibar.config.EpbxConfig;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.Session;
import dev.unibar.sim.epbx.EpbxSimulator;
import dev.unibar.ui.BarContext;
import dev.unibar.ui.LoginDefaults;
import dev.unibar.ui.LoginMode;
import dev.unibar.vendor.epbx.EpbxConnector;
import javafx.scene.Node;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talk Telecom EPBX: no web bar, so no WebView — the bar is a native client of the middleware's hub.
 * In demo mode the built-in EPBX simulator stands in for the middleware.
 */
public final class EpbxContext implements BarContext {

    private final EpbxSimulator simulator;
    private final Session session;
    private final EpbxConfig config;

    private EpbxContext(EpbxSimulator simulator, Session session, EpbxConfig config) {
        this.simulator = simulator;
        this.session = session;
        this.config = config;
    }

    public static EpbxContext create(UnibarConfig config, Clock clock) {
        if (config.demo() || config.epbx() == null) {
            EpbxSimulator sim = EpbxSimulator.run(0);
            return forSimulator(sim, "classic", clock);
        }
        return new EpbxContext(null, new Session(new EpbxConnector(config.epbx()), clock), config.epbx());
    }

    /** Against a simulator the caller controls (demo, tests, benchmarks); {@code signalr} is classic or core. */
    public static EpbxContext forSimulator(EpbxSimulator sim, String signalr, Clock clock) {
        EpbxConfig cfg = new EpbxConfig(sim.serviceBase(), null, "unibar", signalr, null, null, "agent", null,
                "1000", "ramalVirtual", null);
        return new EpbxContext(sim, new Session(new EpbxConnector(cfg), clock), cfg);
    }

    public EpbxSimulator simulator() {
        return simulator;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Optional<Node> vendorView() {
        return Optional.empty();
    }

    @Override
    public LoginMode loginMode() {
        return LoginMode.NATIVE;
    }

    @Override
    public boolean pairsDeviceAtLogin() {
        return true;
    }

    @Override
    public LoginDefaults loginDefaults() {
        return new LoginDefaults(config.username(), config.device(), config.logonType());
    }

    /** Discar, Consultar and ConferenciaAdicionar take tipoDiscagem: 1 external number, 2 extension. */
    @Override
    public boolean distinguishesInternalNumbers() {
        return true;
    }

    @Override
    public List<String> scenarios() {
        return simulator == null ? List.of() : List.copyOf(EpbxSimulator.scenarioNames().keySet());
    }

    @Override
    public void runScenario(String name) {
        if (simulator != null) Contexts.runScenario(session, name, () -> simulator.scenario(name, Map.of()));
    }

    @Override
    public String title() {
        return simulator != null ? "Unibar – EPBX (demo)" : "Unibar – EPBX";
    }

    @Override
    public void close() {
        session.stop();
        if (simulator != null) simulator.stop();
    }
}
