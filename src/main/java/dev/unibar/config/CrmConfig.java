package dev.unibar.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What joins the bar to the agent's CRM (issue 23): the local API ({@code localApi:}), call records sent out
 * ({@code webhooks:}), programs run on call events ({@code hooks:}) and wrap-up dispositions
 * ({@code dispositions:}). Decisions 0041 and 0042.
 */
public record CrmConfig(LocalApi localApi, List<Webhook> webhooks, Hooks hooks, Dispositions dispositions) {

    /** The top-level keys this class reads. */
    public static final List<String> KEYS = List.of("localApi", "webhooks", "hooks", "dispositions");
    /** The API's port unless configured: a CRM page must know where to connect. */
    public static final int DEFAULT_PORT = 47183;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public CrmConfig {
        localApi = localApi == null ? LocalApi.off() : localApi;
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        hooks = hooks == null ? Hooks.none() : hooks;
        dispositions = dispositions == null ? Dispositions.none() : dispositions;
    }

    public static CrmConfig defaults() {
        return new CrmConfig(null, null, null, null);
    }

    /**
     * @param enabled           on when web origins are listed, or when {@code enabled: true} asks for local programs only
     * @param port              127.0.0.1 port (0: any free one, for tests)
     * @param origins           web origins that may ask the agent to pair (exact {@code scheme://host[:port]})
     * @param tokenFile         the per-user token for programs without an Origin; null: the data folder's
     * @param commandsPerSecond per client; a burst of twice as many is let through
     */
    public record LocalApi(boolean enabled, int port, List<String> origins, Path tokenFile, int commandsPerSecond) {
        public LocalApi {
            origins = List.copyOf(origins);
        }

        public static LocalApi off() {
            return new LocalApi(false, DEFAULT_PORT, List.of(), null, 10);
        }
    }

    /**
     * @param name    how the bar and support name this receiver (default: its host)
     * @param url     https, or http to this machine only: call records hold customers' numbers
     * @param secret  the HMAC-SHA256 key of the signature header; never logged
     * @param timeout one delivery attempt, connection included
     */
    public record Webhook(String name, URI url, Secret secret, int timeoutSeconds) {
        /** Without the URL's query: a receiver's URL may carry a key of its own. */
        @Override
        public String toString() {
            return "Webhook[" + name + ", " + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "]";
        }
    }

    /**
     * A program (first element) and its arguments, each a template of call fields ({@code {number}}, as in
     * screen-pop URLs), run without a shell.
     */
    public record Hooks(List<String> onRing, List<String> onAnswer, List<String> onEnd, int timeoutSeconds) {
        public Hooks {
            onRing = List.copyOf(onRing);
            onAnswer = List.copyOf(onAnswer);
            onEnd = List.copyOf(onEnd);
        }

        public static Hooks none() {
            return new Hooks(List.of(), List.of(), List.of(), 10);
        }

        public boolean any() {
            return !onRing.isEmpty() || !onAnswer.isEmpty() || !onEnd.isEmpty();
        }
    }

    /**
     * @param enabled      the section is there: the bar asks for a disposition and waits for it before it logs a call
     * @param codes        what the agent picks from; empty: the vendor's own, or notes only
     * @param toVendor     also send the code to a vendor that takes one (UCS account code, AgentDesktop call data)
     * @param waitSeconds  how long an ended call without after-call work waits for its disposition before it is logged
     * @param notesMaxLength characters of notes kept
     */
    public record Dispositions(boolean enabled, List<String> codes, boolean toVendor, int waitSeconds, int notesMaxLength) {
        /** Without the section, a call ended outside after-call work is logged this soon (wrap-up may still follow). */
        public static final int SETTLE_SECONDS = 5;

        public Dispositions {
            codes = List.copyOf(codes);
        }

        public static Dispositions none() {
            return new Dispositions(false, List.of(), true, SETTLE_SECONDS, 2000);
        }
    }

    static CrmConfig read(ConfigSection top, String userHome) throws ConfigException {
        return new CrmConfig(localApi(top.section("localApi"), userHome), webhooks(top),
                hooks(top.section("hooks")), dispositions(top.section("dispositions")));
    }

    private static LocalApi localApi(ConfigSection s, String userHome) throws ConfigException {
        if (s == null) return LocalApi.off();
        s.only("enabled", "port", "origins", "tokenFile", "commandsPerSecond");
        List<String> origins = s.origins("origins");
        for (String o : origins) {
            String scheme = URI.create(o).getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw s.error("origins", "expected an https (or http) origin, got \"" + o + "\"");
            }
        }
        Boolean en = s.bool("enabled");
        Integer port = s.integer("port", 0, 65_535);
        String token = s.text("tokenFile");
        Integer rate = s.integer("commandsPerSecond", 1, 1000);
        return new LocalApi(en == null ? !origins.isEmpty() : en, port == null ? DEFAULT_PORT : port, origins,
                token == null ? null : FeaturesConfig.home(token, userHome), rate == null ? 10 : rate);
    }

    private static List<Webhook> webhooks(ConfigSection top) throws ConfigException {
        List<Webhook> out = new ArrayList<>();
        for (ConfigSection w : top.sections("webhooks")) {
            w.only("name", "url", "secret", "timeoutSeconds");
            String url = w.url("url");
            if (url == null) throw w.error("url", "missing; each webhook needs a url");
            URI u;
            try {
                u = new URI(url);
            } catch (URISyntaxException e) {
                throw w.error("url", "not a URL: " + e.getMessage());
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !LOOPBACK.contains(u.getHost().toLowerCase(Locale.ROOT))) {
                throw w.error("url", "call records go only to https, or to http://127.0.0.1 / localhost, got \"" + url + "\"");
            }
            Secret secret = w.secret("secret");
            if (secret == null) throw w.error("secret", "missing; each webhook is signed (HMAC-SHA256) with its secret");
            String name = w.text("name");
            Integer t = w.integer("timeoutSeconds", 1, 120);
            out.add(new Webhook(name == null ? u.getHost() : name, u, secret, t == null ? 10 : t));
        }
        return out;
    }

    private static Hooks hooks(ConfigSection s) throws ConfigException {
        if (s == null) return Hooks.none();
        s.only("onRing", "onAnswer", "onEnd", "timeoutSeconds");
        Integer t = s.integer("timeoutSeconds", 1, 300);
        return new Hooks(command(s, "onRing"), command(s, "onAnswer"), command(s, "onEnd"), t == null ? 10 : t);
    }

    /** The program must be named as it is, never built from call data: only its arguments may use fields. */
    private static List<String> command(ConfigSection s, String key) throws ConfigException {
        List<String> argv = s.texts(key);
        if (argv.isEmpty()) return argv;
        if (argv.get(0).contains("{")) throw s.error(key, "the program (first element) cannot use call fields");
        for (String arg : argv.subList(1, argv.size())) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}]*)}").matcher(arg);
            while (m.find()) {
                String f = m.group(1);
                if (!FeaturesConfig.FIELDS.contains(f) && !(f.startsWith("data.") && f.length() > 5)) {
                    throw s.error(key, "unknown field {" + f + "}; fields: " + String.join(", ", FeaturesConfig.FIELDS)
                            + ", data.KEY");
                }
            }
        }
        return argv;
    }

    private static Dispositions dispositions(ConfigSection s) throws ConfigException {
        if (s == null) return Dispositions.none();
        s.only("codes", "toVendor", "waitSeconds", "notesMaxLength");
        Boolean toVendor = s.bool("toVendor");
        Integer wait = s.integer("waitSeconds", 0, 3600);
        Integer notes = s.integer("notesMaxLength", 0, 10_000);
        return new Dispositions(true, s.texts("codes"), toVendor == null || toVendor, wait == null ? 120 : wait,
                notes == null ? 2000 : notes);
    }
}
