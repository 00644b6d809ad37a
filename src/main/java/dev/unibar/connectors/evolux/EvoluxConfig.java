package dev.unibar.connectors.evolux;

import dev.unibar.config.Secret;
import dev.unibar.connectors.webbar.Origins;

import java.util.List;

/**
 * The {@code evolux:} section. {@code phoneUrl}: the customer's Evolux Phone page to embed; {@code origin}:
 * the only origin whose postMessages are read (default: the phone URL's); {@code apiBase}: where
 * {@code /api/v1/call} lives (default: the same origin); {@code apiToken}: optional, enables click-to-call;
 * {@code agentLogin}: the click-to-call {@code from} (default: the login the phone reports at agentLogin).
 */
public record EvoluxConfig(String phoneUrl, String origin, String apiBase, Secret apiToken, String agentLogin) {

    public EvoluxConfig {
        if (origin == null) origin = Origins.of(phoneUrl);
        if (apiBase == null) apiBase = origin;
    }

    public boolean clickToCall() {
        return apiToken != null && !apiToken.isEmpty();
    }

    /** The phone's origin is the only one besides the host page's: nothing else may post to the bar. */
    public List<String> trustedOrigins() {
        return List.of(origin);
    }
}
