package dev.unibar.connectors.agentdesktop;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.connectors.VendorSectionReader;
import dev.unibar.core.model.PauseReason;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code agentdesktop:} section of config.yml (documented in config.sample.yml). */
public final class AgentDesktopConfigReader extends VendorSectionReader<AgentDesktopConfig> {

    public AgentDesktopConfigReader() {
        super("agentdesktop", "baseUrl");
    }

    @Override
    protected AgentDesktopConfig readSection(ConfigSection s, boolean required) throws ConfigException {
        s.only("baseUrl", "widgetPort", "widgetHttpsPort", "widgetKeystore", "methods", "resourceType", "serviceId", "callProfileId", "pauseCodes", "trustedOrigins");
        String base = s.url("baseUrl");
        if (base == null) return absent(s, required);
        URI u = URI.create(base);
        // A bare server address means the default path, /AD/; the SDK is resolved against the slash.
        if (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/")) base = base.replaceAll("/+$", "") + AgentDesktopConfig.DEFAULT_PATH;
        if (!base.endsWith("/")) base = base + "/";
        Integer port = s.integer("widgetPort", 0, 65535);
        Integer httpsPort = s.integer("widgetHttpsPort", 0, 65535);
        String keystore = s.text("widgetKeystore");
        return new AgentDesktopConfig(base,
                port == null ? AgentDesktopConfig.DEFAULT_WIDGET_PORT : port,
                methods(s),
                s.text("resourceType"),
                s.text("serviceId"),
                s.text("callProfileId"),
                pauseCodes(s),
                s.origins("trustedOrigins"),
                httpsPort == null ? AgentDesktopConfig.DEFAULT_WIDGET_HTTPS_PORT : httpsPort,
                keystore == null || keystore.isBlank() ? null : Path.of(keystore));
    }

    private static Map<String, SdkCall> methods(ConfigSection s) throws ConfigException {
        ConfigSection m = s.section("methods");
        Map<String, String> overrides = new LinkedHashMap<>();
        if (m != null) {
            m.only(AgentDesktopConfig.DEFAULT_METHODS.keySet().toArray(String[]::new));
            for (String key : m.keys()) {
                String text = m.text(key);
                if (text == null) continue;
                try {
                    SdkCall.parse(text);
                } catch (IllegalArgumentException e) {
                    throw m.error(key, e.getMessage());
                }
                overrides.put(key, text);
            }
        }
        return AgentDesktopConfig.methods(overrides);
    }

    /** {@code pauseCodes: [{id: BREAK, label: Pausa caffè}]}: AgentDesktop cannot list them to a widget. */
    private static List<PauseReason> pauseCodes(ConfigSection s) throws ConfigException {
        // ConfigSection.plain throws on an absent key.
        if (!s.keys().contains("pauseCodes")) return List.of();
        Object raw = s.plain("pauseCodes");
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> list)) throw s.error("pauseCodes", "expected a list of {id, label}");
        List<PauseReason> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || m.get("id") == null || String.valueOf(m.get("id")).isBlank()) {
                throw s.error("pauseCodes", "every pause code needs an id, e.g. {id: BREAK, label: Break}");
            }
            String id = String.valueOf(m.get("id")).trim();
            Object label = m.get("label");
            out.add(new PauseReason(id, label == null ? id : String.valueOf(label), null));
        }
        return out;
    }
}
