package dev.unibar.connectors.evolux;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.config.SectionReader;
import dev.unibar.config.Secret;

/** Reads the {@code evolux:} section of config.yml (documented in config.sample.yml). */
public final class EvoluxConfigReader implements SectionReader {

    @Override
    public EvoluxConfig read(ConfigSection top, boolean required) throws ConfigException {
        ConfigSection s = top.section("evolux");
        if (s == null) {
            if (required) throw top.missingBecause("vendor", "evolux.url", "required when vendor is evolux");
            return null;
        }
        s.only("url", "origin", "api", "agentLogin", "embed");
        String url = s.url("url");
        if (url == null) {
            if (!required) return null;
            throw s.missing("evolux.url", "the Evolux Phone URL to embed, required when vendor is evolux");
        }
        String origin = s.url("origin");
        if (origin != null && !origin.equals(EvoluxConfig.originOf(origin))) {
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
        // The browser mode (issue 11) will carry the phone's WebRTC audio; until it exists only the WebView runs.
        String embed = s.oneOf("embed", EvoluxConfig.EMBED_WEBVIEW);
        return new EvoluxConfig(url, origin, strip(apiBase), token,
                s.text("agentLogin"), embed);
    }

    private static String strip(String base) {
        return base == null ? null : base.replaceAll("/+$", "");
    }
}
