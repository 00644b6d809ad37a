package dev.unibar.connectors.ucs;

import dev.unibar.config.Secret;

import java.util.List;
import java.util.Map;

/**
 * The UCS operator bar (seed 002). {@code options} carries the seed's window.ucsOperator flags
 * (headless, autologin, listDevices, confirmDevice, showDialControl, withoutDevice, lang, ...) exactly
 * as configured, so a flag UCS adds later needs no code here.
 *
 * @param apiHostname UCS websocket proxy host (window.ucsOperator.api.hostname)
 * @param apiPort     its port
 * @param apiPath     optional path
 * @param apiSecure   wss/https when true
 * @param scriptUrl   full URL of operator-v4.0.0.js (derived from api + scriptPath + scriptName when absent)
 * @param ssoUsername user for ucsOperator.sso, null for the password form
 * @param ssoSecret   SSO preshared secret
 * @param ssoProvider the third argument of sso()
 * @param trustedOrigins origins whose postMessages are accepted besides the script's own
 */
public record UcsConfig(String apiHostname, int apiPort, String apiPath, boolean apiSecure,
                        String scriptUrl, Map<String, Object> options,
                        String ssoUsername, Secret ssoSecret, String ssoProvider,
                        List<String> trustedOrigins) {

    public UcsConfig {
        options = options == null ? Map.of() : Map.copyOf(options);
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    }

    public boolean headless() {
        return Boolean.TRUE.equals(options.get("headless"));
    }

    /** The origin the UCS script is served from: its events and messages are trusted. */
    public String origin() {
        String scheme = apiSecure ? "https" : "http";
        boolean defaultPort = (apiSecure && apiPort == 443) || (!apiSecure && apiPort == 80);
        return scheme + "://" + apiHostname + (defaultPort ? "" : ":" + apiPort);
    }

    public String effectiveScriptUrl() {
        return scriptUrl != null ? scriptUrl : origin() + "/operator/operator-v4.0.0.js";
    }
}
