package dev.unibar.connectors.epbx;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.connectors.VendorSectionReader;

/** Reads the {@code epbx:} section of config.yml (documented in config.sample.yml) into {@link EpbxConfig}. */
public final class EpbxConfigReader extends VendorSectionReader<EpbxConfig> {

    public EpbxConfigReader() {
        super("epbx", "serviceBase");
    }

    @Override
    protected EpbxConfig readSection(ConfigSection s, boolean required) throws ConfigException {
        s.only("serviceBase", "tokenPath", "clientId", "signalr", "hub", "corePath", "username", "password", "device",
                "logonType", "recordingsDir", "wrapUpInterval", "readyInterval", "inboundDirecao");
        String base = s.url("serviceBase");
        if (base == null) return absent(s, required);
        // Token, hub and download paths are resolved against the base: without the slash the last segment
        // ("Service") would be replaced instead of extended.
        if (!base.endsWith("/")) base = base + "/";
        String signalr = s.oneOf("signalr", "classic", "core");
        String logonType = s.oneOf("logonType", "idPa", "ip", "ramalVirtual");
        return new EpbxConfig(base,
                orDefault(s.text("tokenPath"), "oauth2/Token"),
                orDefault(s.text("clientId"), EpbxConfig.DEFAULT_CLIENT_ID),
                orDefault(signalr, "classic"),
                orDefault(s.text("hub"), "AtendimentoHub"),
                orDefault(s.text("corePath"), "atendimentoHub"),
                s.text("username"),
                s.secret("password"),
                s.text("device"),
                logonType,
                home(s.text("recordingsDir")),
                asId(s.integer("wrapUpInterval", 0, Integer.MAX_VALUE)),
                asId(s.integer("readyInterval", 0, Integer.MAX_VALUE)),
                asId(s.integer("inboundDirecao", 0, Integer.MAX_VALUE)));
    }

    /** A leading "~" is the user's home, as in a shell: the sample file uses it. */
    private static String home(String dir) {
        if (dir == null) return null;
        if (dir.equals("~")) return System.getProperty("user.home");
        if (dir.startsWith("~/") || dir.startsWith("~\\")) return System.getProperty("user.home") + dir.substring(1);
        return dir;
    }

    private static String orDefault(String v, String d) {
        return v != null ? v : d;
    }

    /** Interval ids are checked as numbers here and kept as the strings the hub sends back. */
    private static String asId(Integer id) {
        return id == null ? null : id.toString();
    }
}
