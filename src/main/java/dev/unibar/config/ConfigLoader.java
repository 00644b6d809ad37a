package dev.unibar.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads config.yml (documented key by key in config.sample.yml) into {@link UnibarConfig}. SnakeYAML's node
 * API is used instead of data binding because every node keeps its line: each error names file, line and
 * key path, and every key is checked, so a misspelt key fails loudly instead of being ignored.
 */
public final class ConfigLoader {

    /** The languages the bar has texts for (the UI's bundles; a test keeps the two lists equal). */
    public static final List<String> LANGUAGES = List.of("en", "pt-BR", "it", "cs", "fr");

    public static final List<String> VENDORS = List.of("ucs", "epbx", "agentdesktop", "evolux", "max");
    public static final String ENV_CONFIG = "UNIBAR_CONFIG";

    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

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

    private final Function<String, String> env;

    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param env environment lookup for {@code ${env:NAME}} secret references (null when unset) */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    // ---- locating the file ---------------------------------------------------------------------------

    /**
     * The platform's default config file (whether or not it exists): Windows
     * {@code %APPDATA%\Unibar\config.yml}, elsewhere {@code $XDG_CONFIG_HOME/unibar/config.yml} or
     * {@code ~/.config/unibar/config.yml}.
     */
    public static Path platformDefault(Function<String, String> env, String osName, String userHome) {
        if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = env.apply("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Unibar").resolve("config.yml");
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".config");
        return base.resolve("unibar").resolve("config.yml");
    }

    /**
     * The configuration the bar starts with: {@code explicit} (from --config) or {@code $UNIBAR_CONFIG}, both of
     * which must exist; else the platform default when it exists; else the demo configuration.
     */
    public UnibarConfig locateAndLoad(Path explicit, String osName, String userHome) throws ConfigException {
        if (explicit != null) return load(explicit);
        String fromEnv = env.apply(ENV_CONFIG);
        if (fromEnv != null && !fromEnv.isBlank()) return load(Path.of(fromEnv));
        Path def = platformDefault(env, osName, userHome);
        if (Files.isRegularFile(def)) return load(def);
        return UnibarConfig.demoConfig();
    }

    // ---- parsing -------------------------------------------------------------------------------------

    public UnibarConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString(), file);
    }

    /** @param name the file name used in messages */
    public UnibarConfig parse(String text, String name, Path source) throws ConfigException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException(name, m == null ? 0 : m.getLine() + 1, null,
                    "not valid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new ConfigException(name, 0, null, "not valid YAML: " + oneLine(e.getMessage()));
        }
        if (root == null || isNull(root)) return new UnibarConfig(source, null, "ucs", null, null, null);
        Reader r = new Reader(name);
        Section top = r.root(root);
        top.only("vendor", "demo", "language", "ucs", "epbx");

        String vendor = top.text("vendor");
        if (vendor != null && !VENDORS.contains(vendor)) {
            throw top.error("vendor", "unknown vendor \"" + vendor + "\"; expected one of " + String.join(", ", VENDORS));
        }
        String demoVendor = "ucs";
        Section demo = top.section("demo");
        if (demo != null) {
            demo.only("vendor");
            String dv = demo.text("vendor");
            if (dv != null) {
                if (!VENDORS.contains(dv)) {
                    throw demo.error("vendor", "unknown vendor \"" + dv + "\"; expected one of " + String.join(", ", VENDORS));
                }
                demoVendor = dv;
            }
        }
        String language = top.text("language");
        if (language != null && !LANGUAGES.contains(Locale.forLanguageTag(language.trim()).toLanguageTag())) {
            throw top.error("language", "unknown language \"" + language + "\"; expected one of " + String.join(", ", LANGUAGES));
        }
        UcsConfig ucs = ucs(top, "ucs".equals(vendor));
        EpbxConfig epbx = epbx(top, "epbx".equals(vendor));
        return new UnibarConfig(source, vendor, demoVendor, language, ucs, epbx);
    }

    private UcsConfig ucs(Section top, boolean required) throws ConfigException {
        Section s = top.section("ucs");
        if (s == null) {
            if (required) throw top.missingBecause("vendor", "ucs.api.hostname", "required when vendor is ucs");
            return null;
        }
        s.only("api", "script", "options", "sso", "trustedOrigins");
        Section api = s.section("api");
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
        if (host == null) {
            if (!required) return null;
            throw (api != null ? api : s).missing("ucs.api.hostname", "required when vendor is ucs");
        }
        // The seed's example is port 443 without "secure": a TLS port implies TLS unless said otherwise.
        boolean sec = secure != null ? secure : (port == null || port == 443);
        int p = port != null ? port : (sec ? 443 : 80);

        String script = s.url("script");
        Map<String, Object> options = ucsOptions(s.section("options"));

        String ssoUser = null;
        Secret ssoSecret = null;
        String provider = null;
        Section sso = s.section("sso");
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

    private Map<String, Object> ucsOptions(Section o) throws ConfigException {
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
                String near = closest(key, UCS_OPTIONS.keySet());
                if (near != null && distance(key.toLowerCase(Locale.ROOT), near.toLowerCase(Locale.ROOT)) <= 2) {
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
                    Section m = o.section(key);
                    v = m == null ? null : m.plainMap();
                }
            }
            if (v != null) out.put(key, v);
        }
        return out;
    }

    private EpbxConfig epbx(Section top, boolean required) throws ConfigException {
        Section s = top.section("epbx");
        if (s == null) {
            if (required) throw top.missingBecause("vendor", "epbx.serviceBase", "required when vendor is epbx");
            return null;
        }
        s.only("serviceBase", "tokenPath", "clientId", "signalr", "hub", "corePath", "username", "password", "device",
                "logonType", "recordingsDir", "wrapUpInterval", "readyInterval");
        String base = s.url("serviceBase");
        if (base == null) {
            if (!required) return null;
            throw s.missing("epbx.serviceBase", "required when vendor is epbx");
        }
        // Token, hub and download paths are resolved against the base: without the slash the last segment
        // ("Service") would be replaced instead of extended.
        if (!base.endsWith("/")) base = base + "/";
        String signalr = s.oneOf("signalr", "classic", "core");
        String logonType = s.oneOf("logonType", "idPa", "ip", "ramalVirtual");
        return new EpbxConfig(base,
                orDefault(s.text("tokenPath"), "oauth2/Token"),
                s.text("clientId"),
                orDefault(signalr, "classic"),
                orDefault(s.text("hub"), "AtendimentoHub"),
                orDefault(s.text("corePath"), "atendimentoHub"),
                s.text("username"),
                s.secret("password"),
                s.text("device"),
                logonType,
                home(s.text("recordingsDir")),
                asId(s.integer("wrapUpInterval", 0, Integer.MAX_VALUE)),
                asId(s.integer("readyInterval", 0, Integer.MAX_VALUE)));
    }

    /** A leading "~" is the user's home, as in a shell: the sample file uses it. */
    private static String home(String dir) {
        if (dir == null) return null;
        if (dir.equals("~")) return System.getProperty("user.home");
        if (dir.startsWith("~/") || dir.startsWith("~\\")) return System.getProperty("user.home") + dir.substring(1);
        return dir;
    }

    private static String orDefault(String v, String d) {
        return v != null ? v : d;
    }

    // ---- node reading --------------------------------------------------------------------------------

    private final class Reader {
        final String file;

        Reader(String file) {
            this.file = file;
        }

        Section root(Node n) throws ConfigException {
            if (!(n instanceof MappingNode m)) {
                throw new ConfigException(file, line(n), null, "expected a mapping of keys at the top level, got " + describe(n));
            }
            return new Section(this, m, "", 1);
        }
    }

    /** One mapping of the file, its keys checked for duplicates, with the path and line of its own key. */
    private final class Section {
        final Reader r;
        final String prefix;
        final int line;
        final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Section(Reader r, MappingNode m, String prefix, int line) throws ConfigException {
            this.r = r;
            this.prefix = prefix;
            this.line = line;
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode sk)) {
                    throw new ConfigException(r.file, line(k), prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                            "keys must be plain names, got " + describe(k));
                }
                if (entries.containsKey(sk.getValue())) {
                    throw new ConfigException(r.file, line(k), prefix + sk.getValue(), "duplicate key");
                }
                entries.put(sk.getValue(), t);
            }
        }

        Set<String> keys() {
            return entries.keySet();
        }

        void only(String... known) throws ConfigException {
            List<String> list = List.of(known);
            for (Map.Entry<String, NodeTuple> en : entries.entrySet()) {
                if (list.contains(en.getKey())) continue;
                String near = closest(en.getKey(), list);
                boolean close = near != null && distance(en.getKey().toLowerCase(Locale.ROOT),
                        near.toLowerCase(Locale.ROOT)) <= Math.max(2, near.length() / 3);
                String hint = close ? "did you mean \"" + near + "\"?" : "expected one of " + String.join(", ", list);
                throw new ConfigException(r.file, line(en.getValue().getKeyNode()), prefix + en.getKey(),
                        "unknown key; " + hint);
            }
        }

        ConfigException error(String key, String problem) {
            NodeTuple t = entries.get(key);
            int l = t == null ? line : line(t.getValueNode());
            return new ConfigException(r.file, l, prefix + key, problem);
        }

        ConfigException missing(String path, String why) {
            return new ConfigException(r.file, line, path, "missing; " + why);
        }

        /** A missing key whose need comes from {@code cause} (e.g. vendor): its line is the one to show. */
        ConfigException missingBecause(String cause, String path, String why) {
            NodeTuple t = entries.get(cause);
            return new ConfigException(r.file, t == null ? line : line(t.getKeyNode()), path, "missing; " + why);
        }

        /** The value node, or null when the key is absent or its value is YAML null. */
        Node value(String key) {
            NodeTuple t = entries.get(key);
            if (t == null || isNull(t.getValueNode())) return null;
            return t.getValueNode();
        }

        Section section(String key) throws ConfigException {
            Node v = value(key);
            if (v == null) return null;
            if (!(v instanceof MappingNode m)) throw error(key, "expected a section of keys, got " + describe(v));
            return new Section(r, m, prefix + key + ".", line(entries.get(key).getKeyNode()));
        }

        String text(String key) throws ConfigException {
            Node v = value(key);
            if (v == null) return null;
            if (!(v instanceof ScalarNode s)) throw error(key, "expected a text, got " + describe(v));
            return s.getValue().isEmpty() ? null : s.getValue();
        }

        Boolean bool(String key) throws ConfigException {
            Node v = value(key);
            if (v == null) return null;
            if (v instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
                String b = s.getValue().toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("yes") || b.equals("on");
            }
            throw error(key, "expected true or false, got " + describe(v));
        }

        Integer integer(String key, int min, int max) throws ConfigException {
            Node v = value(key);
            if (v == null) return null;
            if (v instanceof ScalarNode s) {
                // A quoted "443" is accepted: the seed itself types the UCS port as a string.
                try {
                    long n = Long.parseLong(s.getValue().trim());
                    if (n < min || n > max) throw error(key, "expected a number from " + min + " to " + max + ", got " + n);
                    return (int) n;
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            throw error(key, "expected a number, got " + describe(v));
        }

        String oneOf(String key, String... allowed) throws ConfigException {
            String v = text(key);
            if (v == null) return null;
            for (String a : allowed) if (a.equals(v)) return a;
            throw error(key, "expected one of " + String.join(", ", allowed) + ", got \"" + v + "\"");
        }

        String url(String key) throws ConfigException {
            String v = text(key);
            if (v == null) return null;
            try {
                URI u = new URI(v);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return v;
            } catch (URISyntaxException ignored) {
                // reported below
            }
            throw error(key, "expected an http or https URL, got \"" + v + "\"");
        }

        List<String> origins(String key) throws ConfigException {
            Node v = value(key);
            if (v == null) return List.of();
            if (!(v instanceof SequenceNode seq)) throw error(key, "expected a list of origins, got " + describe(v));
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String o = item instanceof ScalarNode s ? s.getValue() : null;
                boolean ok = false;
                if (o != null) {
                    try {
                        URI u = new URI(o);
                        ok = u.getScheme() != null && u.getHost() != null && (u.getPath() == null || u.getPath().isEmpty())
                                && u.getQuery() == null && u.getFragment() == null;
                    } catch (URISyntaxException ignored) {
                        ok = false;
                    }
                }
                if (!ok) {
                    throw new ConfigException(r.file, line(item), prefix + key,
                            "expected an origin such as https://crm.example.com:8443 (no path), got " + describe(item));
                }
                out.add(o);
            }
            return out;
        }

        /** A literal or {@code ${env:NAME}}; the value never appears in a message. */
        Secret secret(String key) throws ConfigException {
            Node v = value(key);
            if (v == null) return null;
            if (!(v instanceof ScalarNode s)) throw error(key, "expected a text or ${env:NAME}, got " + describe(v));
            String raw = s.getValue();
            if (raw.contains("${")) {
                Matcher m = SECRET_REF.matcher(raw.trim());
                if (!m.matches()) throw error(key, "a secret reference must be exactly ${env:NAME}");
                String val = env.apply(m.group(1));
                if (val == null || val.isEmpty()) throw error(key, "environment variable " + m.group(1) + " is not set");
                return Secret.of(val);
            }
            return raw.isEmpty() ? null : Secret.of(raw);
        }

        Object plain(String key) {
            return toPlain(entries.get(key).getValueNode());
        }

        Map<String, Object> plainMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, t) -> out.put(k, toPlain(t.getValueNode())));
            return out;
        }
    }

    /** YAML values handed to the UCS page as they are: booleans, numbers, text, lists and maps. */
    private static Object toPlain(Node n) {
        if (n instanceof ScalarNode s) {
            Tag t = s.getTag();
            String v = s.getValue();
            if (Tag.NULL.equals(t)) return null;
            if (Tag.BOOL.equals(t)) {
                String b = v.toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("yes") || b.equals("on");
            }
            if (Tag.INT.equals(t)) {
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (Tag.FLOAT.equals(t)) {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node item : seq.getValue()) out.add(toPlain(item));
            return out;
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) out.put(k.getValue(), toPlain(t.getValueNode()));
            }
            return out;
        }
        return null;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) return "a section of keys";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return Tag.NULL.equals(s.getTag()) ? "nothing" : "\"" + s.getValue() + "\"";
        return "something else";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    static String closest(String key, Iterable<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Interval ids are checked as numbers here and kept as the strings the hub sends back. */
    private static String asId(Integer id) {
        return id == null ? null : id.toString();
    }
}
