package dev.unibar.connectors.epbx;

import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModuleBase;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Talk Telecom EPBX (seed 004): no web bar, so no host page — Unibar is a native client of the
 * middleware's OAuth endpoint and SignalR hub.
 */
public final class EpbxModule extends VendorModuleBase<EpbxConfig, EpbxSimulator> {

    /** The login request pairs the phone: TipoLogon's kinds, by the names the Login command carries. */
    public static final List<String> DEVICE_TYPES = List.of("idPa", "ip", "ramalVirtual");

    public EpbxModule() {
        super(EpbxMapper.VENDOR, "EPBX", EpbxConfig.class, EpbxConfigReader::new, EpbxMapper::new, EpbxSimulator.class, EpbxSimulator::run);
    }

    @Override
    protected VendorSetup live(EpbxConfig cfg, VendorEnvironment env) {
        return SimpleSetup.live(new EpbxConnector(cfg), loginForm(cfg));
    }

    @Override
    protected VendorSetup demo(EpbxSimulator sim, VendorEnvironment env) {
        return forSimulator(sim, "classic");
    }

    /** Against a simulator the caller controls (demo, tests, benchmarks); {@code signalr} is classic or core. */
    public static VendorSetup forSimulator(EpbxSimulator sim, String signalr) {
        EpbxConfig cfg = new EpbxConfig(sim.serviceBase(), null, "unibar", signalr, null, null, "agent", null,
                "1000", "ramalVirtual", null);
        // The simulator's account fills the user name; the form tells the agent the password too.
        LoginForm form = loginForm(cfg).withDemo(EpbxSimulator.DEMO_USER,
                EpbxSimulator.DEMO_PASSWORD);
        return new SimpleSetup(new EpbxConnector(cfg), form, sim,
                List.copyOf(EpbxSimulator.scenarioNames().keySet()), name -> sim.scenario(name, Map.of()), sim::stop);
    }

    /** Discar, Consultar and ConferenciaAdicionar take tipoDiscagem: 1 external number, 2 extension. */
    private static LoginForm loginForm(EpbxConfig cfg) {
        return new LoginForm(false, DEVICE_TYPES, true, cfg.username(), cfg.device(), cfg.logonType());
    }

    @Override
    protected Banner banner(EpbxSimulator sim) {
        return new Banner("http://127.0.0.1:" + sim.port(), "service base:    " + sim.serviceBase(),
                "classic SignalR: " + sim.serviceBase() + "signalr  (hubs script: " + sim.serviceBase() + "signalr/hubs)",
                "Core SignalR:    " + sim.serviceBase() + "atendimentoHub",
                "control:         " + sim.controlUrl("scenarios"),
                "(every sim/* request needs ?secret=" + sim.secret() + " or header X-Sim-Secret)",
                "login:           agent / agent, devices 1000-1002 and 2001");
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/epbx.md); EPBX has no queue count. */
    @Override
    protected FarEnd.Builder farEnd(EpbxSimulator sim, FarEnd.Builder far) {
        return far.inboundCall(c -> sim.scenario("inbound", params(c.options(), "telefone", c.from())))
                .campaignCall(c -> {
                    Map<String, Object> p = params(c.options(), "telefone", c.to(), "codigoCampanha", c.campaign(),
                            "nomeCliente", c.customerName(), "codigoCliente", c.customerId());
                    p.putAll(c.data());
                    sim.scenario("dialer", p);
                })
                .customerHangsUp(() -> sim.scenario("hangup", Map.of()))
                .consultTarget(o -> sim.scenario("consult", Map.of("outcome", o.name().toLowerCase(Locale.ROOT))))
                .nextDial(o -> sim.scenario("outbound", Map.of("outcome", o.name().toLowerCase(Locale.ROOT))))
                .scenario(sim::scenario);
    }

    @Override
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return EpbxShapes.END_CAUSES;
    }
}
