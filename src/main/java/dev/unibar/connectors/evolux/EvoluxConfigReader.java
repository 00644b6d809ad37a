package dev.unibar.connectors.evolux;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.config.Secret;
import dev.unibar.connectors.VendorSectionReader;
import dev.unibar.connectors.webbar.Origins;

/** Reads the {@code evolux:} section of config.yml (documented in config.sample.yml). */
public final class EvoluxConfigReader extends VendorSectionReader<EvoluxConfig> {

    public EvoluxConfigReader() {
        super(EvoluxMapper.VENDOR, "url");
    }

    @Override
    protected EvoluxConfig readSection(ConfigSection s, boolean required) throws ConfigException {
        // embed: is read for every vendor (config.PageHosting) and taken out before this reader sees the section.
        s.only("url", "origin", "api", "agentLogin");
        String url = s.url("url");
        if (url == null) return absent(s, required, "the Evolux Phone URL to embed, required when vendor is evolux");
        String origin = s.url("origin");
        if (origin != null && !Origins.isOrigin(origin)) {
            throw s.error("origin", "expected an origin such as https://cliente.evolux.net.br (no path), got \"" + origin + "\"");
        }
        String apiBase = null;
        Secret token = null;
        ConfigSection api = s.section("api");
        if (api != null) {
            api.only("base", "token");
            apiBase = api.url("base");
            token = api.secret("token");
        }
        return new EvoluxConfig(url, origin, strip(apiBase), token, s.text("agentLogin"));
    }

    private static String strip(String base) {
        return base == null ? null : base.replaceAll("/+$", "");
    }
}
