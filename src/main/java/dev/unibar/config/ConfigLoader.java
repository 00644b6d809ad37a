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

    public static final String ENV_CONFIG = "UNIBAR_CONFIG";
    /** Larger than any sensible config.yml by two orders of magnitude. */
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 30;
    /** Nodes after aliases are expanded: what reading the sections could ever walk. */
    static final int MAX_NODES = 20_000;

    private final Function<String, String> env;
    private final List<String> knownVendors;
    private final Map<String, SectionReader> sections;

    /**
     * @param env          environment lookup for {@code ${env:NAME}} secret references (null when unset)
     * @param knownVendors every vendor id {@code vendor:} may name (the CONTRACT's ids)
     * @param sections     the section reader of each vendor that has one, by vendor id (the section's key)
     */
    public ConfigLoader(Function<String, String> env, List<String> knownVendors, Map<String, SectionReader> sections) {
        this.env = env;
        this.knownVendors = List.copyOf(knownVendors);
        this.sections = new LinkedHashMap<>(sections);
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
     * which must exist; else the platform default when it exists; laid over the machine-wide system file
     * when there is one ({@link ConfigLayers}); with no file at all, the demo configuration.
     */
    public UnibarConfig locateAndLoad(Path explicit, String osName, String userHome) throws ConfigException {
        Path user = explicit;
        String fromEnv = env.apply(ENV_CONFIG);
        if (user == null && fromEnv != null && !fromEnv.isBlank()) user = Path.of(fromEnv);
        if (user != null && !Files.isRegularFile(user)) return load(user); // names the missing file
        Path def = platformDefault(env, osName, userHome);
        if (user == null && Files.isRegularFile(def)) user = def;
        return new ConfigLayers(this, env).load(ConfigLayers.systemFile(env, osName), user);
    }

    // ---- parsing -------------------------------------------------------------------------------------

    public UnibarConfig load(Path file) throws ConfigException {
        return build(readTree(file), file.toString(), file);
    }

    /**
     * One config file's YAML tree (null for an empty file), read the one way every file is: within the
     * size limit, strict UTF-8, composed within {@link #options()} and the node budget. Every failure is a
     * {@link ConfigException} naming the file (and the line where there is one).
     */
    static Node readTree(Path file) throws ConfigException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file.toString(), 0, null, "file is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            text = Utf8Text.decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, cannotRead(e));
        }
        return compose(text, file.toString());
    }

    /**
     * Why a file could not be read, in words: the JDK's file exceptions carry the path as their message (the
     * error already names the file) and the reason apart, or nothing at all (issue 22: "cannot read: PATH").
     */
    static String cannotRead(IOException e) {
        String why;
        if (e instanceof java.nio.file.AccessDeniedException) why = "permission denied";
        else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) why = f.getReason();
        else if (e instanceof java.nio.file.FileSystemException) why = e.getClass().getSimpleName();
        else why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return "cannot read: " + why;
    }

    /**
     * SnakeYAML's own limits, made small: a config is a page of settings, not a data set. The alias
     * count alone does not bound the work (each alias may double the tree), so {@link YamlBudget} also
     * walks the composed graph within a node budget.
     */
    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_BYTES);
        return o;
    }

    /** @param name the file name used in messages */
    public UnibarConfig parse(String text, String name, Path source) throws ConfigException {
        return build(compose(text, name), name, source);
    }

    /** YAML text to its tree (null when empty); a syntax error names {@code name} and the line. */
    private static Node compose(String text, String name) throws ConfigException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException(name, mark == null ? 0 : mark.getLine() + 1, null,
                    "not valid YAML: " + ConfigSection.oneLine(problem));
        } catch (YAMLException e) {
            String m = String.valueOf(e.getMessage());
            // SnakeYAML reports its depth limit without a mark, in words of its own.
            if (m.startsWith("Nesting Depth exceeded")) {
                throw new ConfigException(name, 0, null, "nested deeper than " + MAX_DEPTH + " levels");
            }
            throw new ConfigException(name, 0, null, "not valid YAML: " + ConfigSection.oneLine(m));
        }
        YamlBudget.check(name, root, MAX_NODES, MAX_DEPTH);
        return root;
    }

    /** The top-level mapping of a file's tree; null for an empty file, an error for anything else. */
    static MappingNode topMapping(Node root, String name) throws ConfigException {
        if (root == null || ConfigSection.isNull(root)) return null;
        if (root instanceof MappingNode m) return m;
        throw new ConfigException(name, ConfigSection.line(root), null,
                "expected a mapping of keys at the top level, got " + ConfigSection.describe(root));
    }

    private UnibarConfig build(Node root, String name, Path source) throws ConfigException {
        MappingNode m = topMapping(root, name);
        if (m == null) return new UnibarConfig(source, null, "ucs", null, Map.of());
        ConfigSection top = new ConfigSection(name, env, m, "", 1);
        List<String> keys = new ArrayList<>(List.of("vendor", "demo", "language", "browser"));
        keys.addAll(sections.keySet());
        keys.addAll(FeaturesConfig.KEYS);
        top.only(keys.toArray(String[]::new));

        String vendor = top.text("vendor");
        if (vendor != null && !knownVendors.contains(vendor)) {
            throw top.error("vendor", "unknown vendor \"" + vendor + "\"; expected one of " + String.join(", ", knownVendors));
        }
        String demoVendor = "ucs";
        boolean demoCalls = true;
        ConfigSection demo = top.section("demo");
        if (demo != null) {
            demo.only("vendor", "autoCalls");
            Boolean auto = demo.bool("autoCalls");
            if (auto != null) demoCalls = auto;
            String dv = demo.text("vendor");
            if (dv != null) {
                if (!knownVendors.contains(dv)) {
                    throw demo.error("vendor", "unknown vendor \"" + dv + "\"; expected one of " + String.join(", ", knownVendors));
                }
                demoVendor = dv;
            }
        }
        String language = top.text("language");
        if (language != null && !LANGUAGES.contains(Locale.forLanguageTag(language.trim()).toLanguageTag())) {
            throw top.error("language", "unknown language \"" + language + "\"; expected one of " + String.join(", ", LANGUAGES));
        }
        PageHosting hosting = PageHosting.read(top, sections.keySet());
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<String, SectionReader> s : sections.entrySet()) {
            Object section = s.getValue().read(top, s.getKey().equals(vendor));
            if (section != null) read.put(s.getKey(), section);
        }
        return new UnibarConfig(source, vendor, demoVendor, language, read,
                FeaturesConfig.read(top, System.getProperty("user.home")), hosting, demoCalls);
    }

    /** Levenshtein distance (kept here for the loader's tests). */
    static int distance(String a, String b) {
        return ConfigSection.distance(a, b);
    }
}
