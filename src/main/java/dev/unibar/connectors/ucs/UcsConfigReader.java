package dev.unibar.connectors.ucs;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.connectors.VendorSectionReader;
import dev.unibar.config.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code ucs:} section of config.yml (documented in config.sample.yml) into {@link UcsConfig}. */
public final class UcsConfigReader extends VendorSectionReader<UcsConfig> {

    public UcsConfigReader() {
        super("ucs", "api.hostname");
    }

    /** The seed's window.ucsOperator flags and their types; anything else is passed to UCS untouched. */
    private static final Map<String, Kind> UCS_OPTIONS = new LinkedHashMap<>();

    static {
        for (String b : List.of("headless", "autologin", "autologout", "identifyURL", "identifyIP", "identifyCookie",
                "listDevices", "confirmDevice", "showDialControl", "confirmUnload", "notifyWaitingCallers",
                "showBottomMenu", "autoOpenAccountCode", "withoutDevice", "legacyStartup",
                "disableIntegratedAutoLogout", "debounceRequests", "crmAutoOpen")) {
            UCS_OPTIONS.put(b, Kind.BOOL);
        }
        UCS_OPTIONS.put("lang", Kind.TEXT);
        UCS_OPTIONS.put("renderTo", Kind.TEXT);
        UCS_OPTIONS.put("topMenuNameContent", Kind.TEXT);
        UCS_OPTIONS.put("audioInputConstraints", Kind.MAP);
    }

    private enum Kind { BOOL, TEXT, MAP }

    @Override
    protected UcsConfig readSection(ConfigSection s, boolean required) throws ConfigException {
        s.only("api", "script", "options", "sso", "trustedOrigins");
        ConfigSection api = s.section("api");
        String host = null;
        Integer port = null;
        String path = null;
        Boolean secure = null;
        if (api != null) {
            api.only("hostname", "port", "path", "secure");
            host = api.text("hostname");
            port = api.integer("port", 1, 65535);
            path = api.text("path");
            secure = api.bool("secure");
        }
        if (host == null) return absent(api != null ? api : s, required);
        // The seed's example is port 443 without "secure": a TLS port implies TLS unless said otherwise.
        boolean sec = secure != null ? secure : (port == null || port == 443);
        int p = port != null ? port : (sec ? 443 : 80);

        String script = s.url("script");
        Map<String, Object> options = ucsOptions(s.section("options"));

        String ssoUser = null;
        Secret ssoSecret = null;
        String provider = null;
        ConfigSection sso = s.section("sso");
        if (sso != null) {
            sso.only("username", "secret", "provider");
            ssoUser = sso.text("username");
            ssoSecret = sso.secret("secret");
            provider = sso.text("provider");
            if (ssoUser != null && ssoSecret == null) throw sso.missing("ucs.sso.secret", "required with ucs.sso.username");
            if (ssoUser == null && ssoSecret != null) throw sso.missing("ucs.sso.username", "required with ucs.sso.secret");
        }
        List<String> origins = s.origins("trustedOrigins");
        return new UcsConfig(host, p, path, sec, script, options, ssoUser, ssoSecret, provider, origins);
    }

    private Map<String, Object> ucsOptions(ConfigSection o) throws ConfigException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o == null) return out;
        for (String key : o.keys()) {
            Kind k = UCS_OPTIONS.get(key);
            if (k == null) {
                if (key.equals("api")) throw o.error(key, "set the API under ucs.api");
                if (key.startsWith("on") && key.length() > 2 && Character.isUpperCase(key.charAt(2))) {
                    throw o.error(key, "callbacks are installed by Unibar and cannot be configured");
                }
                // An unknown flag passes through (UCS may add flags), unless it is a misspelling of a known one.
                String near = ConfigSection.closest(key, UCS_OPTIONS.keySet());
                if (near != null && ConfigSection.distance(key.toLowerCase(Locale.ROOT), near.toLowerCase(Locale.ROOT)) <= 2) {
                    throw o.error(key, "unknown option; did you mean \"" + near + "\"?");
                }
                Object plain = o.plain(key);
                if (plain != null) out.put(key, plain);
                continue;
            }
            Object v;
            switch (k) {
                case BOOL -> v = o.bool(key);
                case TEXT -> v = o.text(key);
                default -> {
                    ConfigSection m = o.section(key);
                    v = m == null ? null : m.plainMap();
                }
            }
            if (v != null) out.put(key, v);
        }
        return out;
    }

}
