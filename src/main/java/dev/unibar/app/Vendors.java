package dev.unibar.app;

import dev.unibar.config.ConfigLoader;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.ucs.UcsModule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one registry of vendors. The config loader, {@code translate}, {@code simulate}, the composition root,
 * the usage text and demo mode all ask it; adding a vendor is one folder and one line here.
 */
public final class Vendors {

    private static final List<VendorModule> MODULES = List.of(
            new UcsModule(),
            new EpbxModule(),
            new AgentDesktopModule(),
            new EvoluxModule(),
            new MaxModule());

    private Vendors() {
    }

    /** The registered modules, in registration order. */
    public static List<VendorModule> all() {
        return MODULES;
    }

    public static Optional<VendorModule> find(String id) {
        return MODULES.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The ids that have a module, in registration order. */
    /** Every vendor's end causes in the common vocabulary (decision 0055), by vendor id: what the journal reads. */
    public static java.util.Map<String, java.util.Map<String, dev.unibar.core.model.CallEnd>> endCauses() {
        java.util.Map<String, java.util.Map<String, dev.unibar.core.model.CallEnd>> out = new java.util.LinkedHashMap<>();
        for (VendorModule m : all()) out.put(m.id(), m.endCauses());
        return out;
    }

    public static List<String> ids() {
        return MODULES.stream().map(VendorModule::id).toList();
    }

    /** A config loader that knows every registered vendor's section. */
    public static ConfigLoader configLoader(Function<String, String> env) {
        Map<String, SectionReader> readers = new LinkedHashMap<>();
        for (VendorModule m : MODULES) readers.put(m.id(), m.configReader());
        return new ConfigLoader(env, ids(), readers);
    }
}
