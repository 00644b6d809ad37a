package dev.unibar.config;

import org.yaml.snakeyaml.DumperOptions;
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
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Machine-wide configuration under the user's: IT writes a system file (same keys as config.yml, plus
 * {@code locked:}, a list of key paths), each user's file is laid over it mapping by mapping, and a key
 * path that IT locked (or anything under it) keeps the system file's value whatever the user's file
 * says; the user's value is dropped and logged. Errors name the file (and line) that holds the key.
 *
 * <p>System file: Linux {@code /etc/unibar/config.yml}, Windows {@code %ProgramData%\Unibar\config.yml},
 * macOS {@code /Library/Application Support/Unibar/config.yml}; {@code $UNIBAR_SYSTEM_CONFIG} names
 * another (for tests and staging). Locks are a policy for managed desktops, not a security boundary: a
 * user who can run programs can run any configuration.
 */
public final class ConfigLayers {

    public static final String ENV_SYSTEM_CONFIG = "UNIBAR_SYSTEM_CONFIG";
    public static final String LOCKED = "locked";
    private static final System.Logger LOG = System.getLogger(ConfigLayers.class.getName());

    private final ConfigLoader loader;
    private final Function<String, String> env;

    public ConfigLayers(ConfigLoader loader, Function<String, String> env) {
        this.loader = loader;
        this.env = env;
    }

    /** The platform's system config file (whether or not it exists). */
    public static Path systemFile(Function<String, String> env, String osName) {
        String override = env.apply(ENV_SYSTEM_CONFIG);
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String pd = env.apply("PROGRAMDATA");
            return Path.of(pd != null && !pd.isBlank() ? pd : "C:\\ProgramData", "Unibar", "config.yml");
        }
        if (os.startsWith("mac")) return Path.of("/Library/Application Support/Unibar/config.yml");
        return Path.of("/etc/unibar/config.yml");
    }

    /**
     * The configuration from the system file (if it exists) and the user's file ({@code user}, or null for
     * none); with neither, the demo configuration.
     */
    public UnibarConfig load(Path system, Path user) throws ConfigException {
        boolean hasSystem = system != null && Files.isRegularFile(system);
        if (!hasSystem) return user != null ? loader.load(user) : UnibarConfig.demoConfig();
        Layer sys = Layer.read(system);
        MappingNode sysRoot = sys.mapping();
        List<String> locked = lockedPaths(sys, sysRoot);
        if (sysRoot == null) return user != null ? loader.load(user) : loader.parse("", system.toString(), system);
        if (user == null) return parse(sysRoot, sys, null, sys.path);
        Layer usr = Layer.read(user);
        MappingNode usrRoot = usr.mapping();
        if (usrRoot == null) return parse(sysRoot, sys, usr, user);
        for (String ignored : dropLocked(usrRoot, "", locked)) {
            LOG.log(System.Logger.Level.WARNING, user + ": " + ignored + ": locked by " + system + "; the system value applies");
        }
        return parse(merge(sysRoot, usrRoot), sys, usr, user);
    }

    private UnibarConfig parse(MappingNode merged, Layer sys, Layer usr, Path source) throws ConfigException {
        String text = merged == null ? "" : dump(merged);
        try {
            return loader.parse(text, source.toString(), source);
        } catch (ConfigException e) {
            // The merged text's lines are nobody's: name the file and line that hold the key.
            Layer where = usr != null && find(usr.mapping(), e.key()) != null ? usr : sys;
            Node n = find(where.mapping(), e.key());
            String file = e.key() == null || n != null ? where.path.toString()
                    : (usr != null ? usr.path + " (over " + sys.path + ")" : sys.path.toString());
            throw new ConfigException(file, n == null ? 0 : n.getStartMark().getLine() + 1, e.key(), e.problem());
        }
    }

    /** The {@code locked:} list, removed from the system tree. */
    private static List<String> lockedPaths(Layer sys, MappingNode root) throws ConfigException {
        if (root == null) return List.of();
        List<String> out = new ArrayList<>();
        for (var it = root.getValue().iterator(); it.hasNext(); ) {
            NodeTuple t = it.next();
            if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().equals(LOCKED)) continue;
            it.remove();
            Node v = t.getValueNode();
            if (!(v instanceof SequenceNode seq)) {
                throw new ConfigException(sys.path.toString(), v.getStartMark().getLine() + 1, LOCKED,
                        "expected a list of key paths (e.g. [vendor, ucs.api])");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                    throw new ConfigException(sys.path.toString(), item.getStartMark().getLine() + 1, LOCKED,
                            "each entry must be a key path such as ucs.api.hostname");
                }
                out.add(s.getValue().trim());
            }
        }
        return out;
    }

    /** Removes from {@code node} every key path that a lock covers; returns the paths removed. */
    static List<String> dropLocked(MappingNode node, String prefix, List<String> locked) {
        List<String> dropped = new ArrayList<>();
        for (var it = node.getValue().iterator(); it.hasNext(); ) {
            NodeTuple t = it.next();
            if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
            String path = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
            if (locked.stream().anyMatch(l -> path.equals(l) || path.startsWith(l + "."))) {
                it.remove();
                dropped.add(path);
            } else if (t.getValueNode() instanceof MappingNode m) {
                dropped.addAll(dropLocked(m, path, locked));
            }
        }
        return dropped;
    }

    /** {@code over} laid on {@code base}: mappings merge key by key, anything else replaces. */
    static MappingNode merge(MappingNode base, MappingNode over) {
        List<NodeTuple> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple b : base.getValue()) {
            String key = keyOf(b);
            NodeTuple o = key == null ? null : tuple(over, key);
            if (o == null) {
                out.add(b);
            } else if (b.getValueNode() instanceof MappingNode bm && o.getValueNode() instanceof MappingNode om) {
                out.add(new NodeTuple(o.getKeyNode(), merge(bm, om)));
            } else {
                out.add(o);
            }
            if (key != null) seen.add(key);
        }
        for (NodeTuple o : over.getValue()) {
            if (!seen.contains(keyOf(o))) out.add(o);
        }
        return new MappingNode(base.getTag(), out, base.getFlowStyle());
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) if (key.equals(keyOf(t))) return t;
        return null;
    }

    /** The node at a dotted key path, or null. */
    static Node find(MappingNode root, String path) {
        if (root == null || path == null || path.isEmpty()) return null;
        Node cur = root;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof MappingNode m)) return null;
            NodeTuple t = tuple(m, part);
            if (t == null) return null;
            cur = t.getValueNode();
        }
        return cur;
    }

    private static String dump(MappingNode root) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        java.io.StringWriter w = new java.io.StringWriter();
        new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(o), o).serialize(root, w);
        return w.toString();
    }

    /** One file's YAML tree (null root for an empty file). */
    private record Layer(Path path, Node root) {

        static Layer read(Path file) throws ConfigException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ConfigException(file.toString(), 0, null, "file not found");
            } catch (IOException e) {
                throw new ConfigException(file.toString(), 0, null, ConfigLoader.cannotRead(e));
            }
            try {
                return new Layer(file, new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text)));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                throw new ConfigException(file.toString(), mark == null ? 0 : mark.getLine() + 1, null,
                        "not valid YAML: " + ConfigSection.oneLine(e.getProblem() != null ? e.getProblem() : e.getContext()));
            } catch (YAMLException e) {
                throw new ConfigException(file.toString(), 0, null, "not valid YAML: " + ConfigSection.oneLine(e.getMessage()));
            }
        }

        MappingNode mapping() throws ConfigException {
            if (root == null || ConfigSection.isNull(root)) return null;
            if (root instanceof MappingNode m) return m;
            throw new ConfigException(path.toString(), root.getStartMark().getLine() + 1, null,
                    "expected a mapping of keys at the top level, got " + ConfigSection.describe(root));
        }
    }
}
