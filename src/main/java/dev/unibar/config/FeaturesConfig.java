package dev.unibar.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of config.yml that belong to no vendor: {@code journal:} (the call journal), {@code screenPop:}
 * (URLs opened when a call rings or connects) and {@code flows:} (where Simulator → Run flow… looks). Read here
 * so that the loader only names the keys.
 */
public record FeaturesConfig(Journal journal, ScreenPop screenPop, Flows flows, CustomerLookup customerLookup,
                             WrapUp wrapUp, CrmConfig crm) {

    /** The top-level keys this class reads ({@link CrmConfig} reads its own four). */
    public static final List<String> KEYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("journal", "screenPop", "flows", "customerLookup", "wrapUp"),
            CrmConfig.KEYS.stream()).toList();

    public FeaturesConfig {
        wrapUp = wrapUp == null ? new WrapUp(List.of()) : wrapUp;
        crm = crm == null ? CrmConfig.defaults() : crm;
    }

    /** Without the CRM link (local API, webhooks, hooks, dispositions). */
    public FeaturesConfig(Journal journal, ScreenPop screenPop, Flows flows, CustomerLookup customerLookup, WrapUp wrapUp) {
        this(journal, screenPop, flows, customerLookup, wrapUp, null);
    }

    /** Without a customer lookup or wrap-up codes. */
    public FeaturesConfig(Journal journal, ScreenPop screenPop, Flows flows) {
        this(journal, screenPop, flows, null, null);
    }

    /** @param codes account (wrap-up) codes the bar offers as one-click choices; the agent may still type one */
    public record WrapUp(List<String> codes) {
        public WrapUp {
            codes = List.copyOf(codes);
        }
    }

    /** @param file null for the platform's data folder; @param retentionDays 0 keeps everything */
    public record Journal(boolean enabled, Path file, int retentionDays) {
    }

    /** @param on {@code ringing} or {@code connected}: when the page opens */
    public record ScreenPop(boolean enabled, String on, List<Rule> rules) {
        public ScreenPop {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A URL template for calls of a vendor, queue or campaign (absent = any); the first matching rule wins.
     * {@code open} is {@code browser} (the system's) or {@code bar} (a tab of the bar's own screen-pop window).
     */
    public record Rule(String vendor, String queue, String campaign, String url, String open) {
        public Rule {
            open = open == null ? "browser" : open;
        }

        public Rule(String vendor, String queue, String campaign, String url) {
            this(vendor, queue, campaign, url, null);
        }

        public boolean inBar() {
            return "bar".equals(open);
        }
    }

    /** @param folder null for the working folder's {@code flows/} */
    public record Flows(Path folder) {
    }

    /** The call fields a screen-pop URL may use, as {@code {name}}; {@code data.KEY} reads the call's data. */
    public static final List<String> FIELDS = List.of("vendor", "callId", "direction", "number", "name", "from.number",
            "from.name", "to.number", "to.name", "queue.id", "queue.name", "queue.number", "campaign.id", "campaign.name",
            "customer.name", "customer.number", "customer.externalId");

    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");

    public static FeaturesConfig defaults() {
        return new FeaturesConfig(new Journal(true, null, 90), new ScreenPop(false, "ringing", List.of()), new Flows(null));
    }

    static FeaturesConfig read(ConfigSection top, String userHome) throws ConfigException {
        FeaturesConfig d = defaults();
        Journal journal = d.journal();
        ConfigSection j = top.section("journal");
        if (j != null) {
            j.only("enabled", "file", "retentionDays");
            Boolean en = j.bool("enabled");
            String file = j.text("file");
            Integer days = j.integer("retentionDays", 0, 36_500);
            journal = new Journal(en == null || en, file == null ? null : home(file, userHome), days == null ? 90 : days);
        }
        ScreenPop pop = d.screenPop();
        ConfigSection s = top.section("screenPop");
        if (s != null) {
            s.only("enabled", "on", "rules");
            Boolean en = s.bool("enabled");
            String on = s.oneOf("on", "ringing", "connected");
            List<Rule> rules = new ArrayList<>();
            for (ConfigSection r : s.sections("rules")) {
                r.only("vendor", "queue", "campaign", "url", "open");
                String url = r.text("url");
                if (url == null) throw r.error("url", "missing; each rule needs a url");
                checkTemplate(r, url);
                rules.add(new Rule(r.text("vendor"), r.text("queue"), r.text("campaign"), url, r.oneOf("open", "browser", "bar")));
            }
            pop = new ScreenPop(en == null ? !rules.isEmpty() : en, on == null ? "ringing" : on, rules);
        }
        Flows flows = d.flows();
        ConfigSection f = top.section("flows");
        if (f != null) {
            f.only("folder");
            String folder = f.text("folder");
            flows = new Flows(folder == null ? null : home(folder, userHome));
        }
        WrapUp wrapUp = d.wrapUp();
        ConfigSection w = top.section("wrapUp");
        if (w != null) {
            w.only("codes");
            wrapUp = new WrapUp(w.texts("codes"));
        }
        return new FeaturesConfig(journal, pop, flows, CustomerLookup.read(top), wrapUp, CrmConfig.read(top, userHome));
    }

    /** Only http(s) pages open, and only with known fields: a typo must not open a half-empty page. */
    static void checkTemplate(ConfigSection r, String url) throws ConfigException {
        Matcher m = FIELD.matcher(url);
        while (m.find()) {
            String name = m.group(1);
            if (!FIELDS.contains(name) && !(name.startsWith("data.") && name.length() > 5)) {
                String near = ConfigSection.closest(name, FIELDS);
                throw r.error("url", "unknown field {" + name + "}" + (near != null
                        && ConfigSection.distance(name.toLowerCase(Locale.ROOT), near.toLowerCase(Locale.ROOT)) <= 3
                        ? "; did you mean {" + near + "}?" : "; fields: " + String.join(", ", FIELDS) + ", data.KEY"));
            }
        }
        // Call data must never choose the host: fields may only follow the scheme and host, which stay literal.
        int sep = url.indexOf("://");
        int brace = url.indexOf('{');
        if (brace >= 0) {
            int authorityEnd = sep < 0 ? -1 : firstOf(url, sep + 3, "/?#");
            if (authorityEnd < 0 || brace < authorityEnd) {
                throw r.error("url", "fields may only follow the host (https://host/path?q={number}), got \"" + url + "\"");
            }
        }
        String sample = FIELD.matcher(url).replaceAll("x");
        try {
            URI u = new URI(sample);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return;
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw r.error("url", "expected an http or https URL template, got \"" + url + "\"");
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    static Path home(String p, String userHome) {
        if (p.equals("~")) return Path.of(userHome);
        if (p.startsWith("~/")) return Path.of(userHome, p.substring(2));
        return Path.of(p);
    }
}
