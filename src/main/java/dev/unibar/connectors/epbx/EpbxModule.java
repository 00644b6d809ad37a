package dev.unibar.connectors.epbx;

import dev.unibar.config.SectionReader;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Talk Telecom EPBX (seed 004): no web bar, so no host page — Unibar is a native client of the
 * middleware's OAuth endpoint and SignalR hub.
 */
public final class EpbxModule implements VendorModule {

    public static final String ID = EpbxMapper.VENDOR;

    /** The login request pairs the phone: TipoLogon's kinds, by the names the Login command carries. */
    public static final List<String> DEVICE_TYPES = List.of("idPa", "ip", "ramalVirtual");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "EPBX";
    }

    @Override
    public SectionReader configReader() {
        return new EpbxConfigReader();
    }

    @Override
    public VendorMapper newMapper() {
        return new EpbxMapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        EpbxConfig cfg = (EpbxConfig) config;
        return SimpleSetup.live(new EpbxConnector(cfg), loginForm(cfg));
    }

    @Override
    public VendorSetup openDemo(VendorEnvironment env) {
        return forSimulator(EpbxSimulator.run(0), "classic");
    }

    /** Against a simulator the caller controls (demo, tests, benchmarks); {@code signalr} is classic or core. */
    public static VendorSetup forSimulator(EpbxSimulator sim, String signalr) {
        EpbxConfig cfg = new EpbxConfig(sim.serviceBase(), null, "unibar", signalr, null, null, "agent", null,
                "1000", "ramalVirtual", null);
        return new SimpleSetup(new EpbxConnector(cfg), loginForm(cfg), sim,
                List.copyOf(EpbxSimulator.scenarioNames().keySet()), name -> sim.scenario(name, Map.of()), sim::stop);
    }

    /** Discar, Consultar and ConferenciaAdicionar take tipoDiscagem: 1 external number, 2 extension. */
    private static LoginForm loginForm(EpbxConfig cfg) {
        return new LoginForm(false, DEVICE_TYPES, true, cfg.username(), cfg.device(), cfg.logonType());
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        EpbxSimulator sim = EpbxSimulator.run(port);
        out.println("epbx simulator listening on http://127.0.0.1:" + sim.port());
        out.println("  service base:    " + sim.serviceBase());
        out.println("  classic SignalR: " + sim.serviceBase() + "signalr  (hubs script: "
                + sim.serviceBase() + "signalr/hubs)");
        out.println("  Core SignalR:    " + sim.serviceBase() + "atendimentoHub");
        out.println("  control:         " + sim.controlUrl("scenarios"));
        out.println("  (every sim/* request needs ?secret=" + sim.secret() + " or header X-Sim-Secret)");
        out.println("  login:           agent / agent, devices 1000-1002 and 2001");
        out.flush();
        return sim::stop;
    }

    /** Flow far-end actions as the simulator's scenarios (docs/simulators/epbx.md); EPBX has no queue count. */
    @Override
    public Optional<FarEnd> farEnd(Object simulator) {
        if (!(simulator instanceof EpbxSimulator sim)) return Optional.empty();
        return Optional.of(FarEnd.builder(ID)
                .inboundCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.from() != null) p.put("telefone", c.from());
                    sim.scenario("inbound", p);
                })
                .campaignCall(c -> {
                    Map<String, Object> p = new LinkedHashMap<>(c.options());
                    if (c.to() != null) p.put("telefone", c.to());
                    if (c.campaign() != null) p.put("codigoCampanha", c.campaign());
                    if (c.customerName() != null) p.put("nomeCliente", c.customerName());
                    if (c.customerId() != null) p.put("codigoCliente", c.customerId());
                    p.putAll(c.data());
                    sim.scenario("dialer", p);
                })
                .customerHangsUp(() -> sim.scenario("hangup", Map.of()))
                .consultTarget(o -> sim.scenario("consult", Map.of("outcome", o.name().toLowerCase(Locale.ROOT))))
                .nextDial(o -> sim.scenario("outbound", Map.of("outcome", o.name().toLowerCase(Locale.ROOT))))
                .scenario(sim::scenario)
                .build());
    }
}
