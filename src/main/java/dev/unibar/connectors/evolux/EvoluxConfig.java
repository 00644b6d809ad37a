package dev.unibar.connectors.evolux;

import dev.unibar.config.Secret;

import java.net.URI;
import java.util.List;

/**
 * The {@code evolux:} section. {@code phoneUrl}: the customer's Evolux Phone page to embed; {@code origin}:
 * the only origin whose postMessages are read (default: the phone URL's); {@code apiBase}: where
 * {@code /api/v1/call} lives (default: the same origin); {@code apiToken}: optional, enables click-to-call;
 * {@code agentLogin}: the click-to-call {@code from} (default: the login the phone reports at agentLogin).
 */
public record EvoluxConfig(String phoneUrl, String origin, String apiBase, Secret apiToken, String agentLogin,
                           String embed) {

    public static final String EMBED_WEBVIEW = "webview";

    public EvoluxConfig {
        if (origin == null) origin = originOf(phoneUrl);
        if (apiBase == null) apiBase = origin;
        if (embed == null) embed = EMBED_WEBVIEW;
    }

    public boolean clickToCall() {
        return apiToken != null && !apiToken.isEmpty();
    }

    public List<String> trustedOrigins() {
        return List.of(origin);
    }

    static String originOf(String url) {
        URI u = URI.create(url);
        int port = u.getPort();
        return u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT)
                + (port < 0 ? "" : ":" + port);
    }
}
