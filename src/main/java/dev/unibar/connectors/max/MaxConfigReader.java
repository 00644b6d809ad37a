package dev.unibar.connectors.max;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.connectors.VendorSectionReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the {@code max:} section of config.yml (documented in config.sample.yml) into {@link MaxConfig}. */
public final class MaxConfigReader extends VendorSectionReader<MaxConfig> {

    /** What MAX accepts (docs/vendors/max.md); it lower-cases them itself. */
    static final Set<String> TYPES = Set.of("all", "agent", "contact", "contacts", "sessioninfo");

    public MaxConfigReader() {
        super("max", "url");
    }

    @Override
    protected MaxConfig readSection(ConfigSection s, boolean required) throws ConfigException {
        s.only("url", "subscriptionTypes", "ackTimeoutSeconds", "trustedOrigins");
        String url = s.url("url");
        if (url == null) return absent(s, required);
        List<String> types = new ArrayList<>();
        if (s.keys().contains("subscriptionTypes")) {
            Object v = s.plain("subscriptionTypes");
            if (!(v instanceof List<?> list) || list.isEmpty()) {
                throw s.error("subscriptionTypes", "expected a non-empty list of " + new java.util.TreeSet<>(TYPES));
            }
            for (Object o : list) {
                String t = o == null ? "" : String.valueOf(o).toLowerCase(Locale.ROOT);
                if (!TYPES.contains(t)) {
                    throw s.error("subscriptionTypes", "\"" + o + "\" is not one of " + new java.util.TreeSet<>(TYPES));
                }
                types.add(t);
            }
        }
        Integer ack = s.integer("ackTimeoutSeconds", 1, 120);
        return new MaxConfig(url, types, ack == null ? null : Duration.ofSeconds(ack), s.origins("trustedOrigins"));
    }
}
