package dev.unibar.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.net.URI;
import java.net.URISyntaxException;
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
 * One mapping of a config file, its keys checked for duplicates, with the path and line of its own key.
 * Vendor modules read their own section through it, so every error still names file, line and key.
 */
public final class ConfigSection {
    private final String file;
    private final Function<String, String> env;
    private final String prefix;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    ConfigSection(String file, Function<String, String> env, MappingNode m, String prefix, int line)
            throws ConfigException {
        this.file = file;
        this.env = env;
        this.prefix = prefix;
        this.line = line;
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode sk)) {
                throw new ConfigException(file, line(k), prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                        "keys must be plain names, got " + describe(k));
            }
            if (entries.containsKey(sk.getValue())) {
                throw new ConfigException(file, line(k), prefix + sk.getValue(), "duplicate key");
            }
            entries.put(sk.getValue(), t);
        }
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public void only(String... known) throws ConfigException {
        List<String> list = List.of(known);
        for (Map.Entry<String, NodeTuple> en : entries.entrySet()) {
            if (list.contains(en.getKey())) continue;
            String near = closest(en.getKey(), list);
            boolean close = near != null && distance(en.getKey().toLowerCase(Locale.ROOT),
                    near.toLowerCase(Locale.ROOT)) <= Math.max(2, near.length() / 3);
            String hint = close ? "did you mean \"" + near + "\"?" : "expected one of " + String.join(", ", list);
            throw new ConfigException(file, line(en.getValue().getKeyNode()), prefix + en.getKey(),
                    "unknown key; " + hint);
        }
    }

    public ConfigException error(String key, String problem) {
        NodeTuple t = entries.get(key);
        int l = t == null ? line : line(t.getValueNode());
        return new ConfigException(file, l, prefix + key, problem);
    }

    public ConfigException missing(String path, String why) {
        return new ConfigException(file, line, path, "missing; " + why);
    }

    /** A missing key whose need comes from {@code cause} (e.g. vendor): its line is the one to show. */
    public ConfigException missingBecause(String cause, String path, String why) {
        NodeTuple t = entries.get(cause);
        return new ConfigException(file, t == null ? line : line(t.getKeyNode()), path, "missing; " + why);
    }

    /** The value node, or null when the key is absent or its value is YAML null. */
    Node value(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) return null;
        return t.getValueNode();
    }

    public ConfigSection section(String key) throws ConfigException {
        Node v = value(key);
        if (v == null) return null;
        if (!(v instanceof MappingNode m)) throw error(key, "expected a section of keys, got " + describe(v));
        return new ConfigSection(file, env, m, prefix + key + ".", line(entries.get(key).getKeyNode()));
    }

    /** A list of sections ({@code key[0].}, {@code key[1].} in messages); empty when the key is absent. */
    public List<ConfigSection> sections(String key) throws ConfigException {
        Node v = value(key);
        if (v == null) return List.of();
        if (!(v instanceof SequenceNode seq)) throw error(key, "expected a list of sections, got " + describe(v));
        List<ConfigSection> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                throw new ConfigException(file, line(item), prefix + key, "expected a section of keys, got " + describe(item));
            }
            out.add(new ConfigSection(file, env, m, prefix + key + "[" + out.size() + "].", line(item)));
        }
        return out;
    }

    public String text(String key) throws ConfigException {
        Node v = value(key);
        if (v == null) return null;
        if (!(v instanceof ScalarNode s)) throw error(key, "expected a text, got " + describe(v));
        return s.getValue().isEmpty() ? null : s.getValue();
    }

    public Boolean bool(String key) throws ConfigException {
        Node v = value(key);
        if (v == null) return null;
        if (v instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
            String b = s.getValue().toLowerCase(Locale.ROOT);
            return b.equals("true") || b.equals("yes") || b.equals("on");
        }
        throw error(key, "expected true or false, got " + describe(v));
    }

    public Integer integer(String key, int min, int max) throws ConfigException {
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

    public String oneOf(String key, String... allowed) throws ConfigException {
        String v = text(key);
        if (v == null) return null;
        for (String a : allowed) if (a.equals(v)) return a;
        throw error(key, "expected one of " + String.join(", ", allowed) + ", got \"" + v + "\"");
    }

    public String url(String key) throws ConfigException {
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

    /** A list of non-empty texts; empty when the key is absent. */
    public List<String> texts(String key) throws ConfigException {
        Node v = value(key);
        if (v == null) return List.of();
        if (!(v instanceof SequenceNode seq)) throw error(key, "expected a list of texts, got " + describe(v));
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                throw new ConfigException(file, line(item), prefix + key, "expected a text, got " + describe(item));
            }
            out.add(s.getValue().trim());
        }
        return out;
    }

    public List<String> origins(String key) throws ConfigException {
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
                throw new ConfigException(file, line(item), prefix + key,
                        "expected an origin such as https://crm.example.com:8443 (no path), got " + describe(item));
            }
            out.add(o);
        }
        return out;
    }

    /** A literal or {@code ${env:NAME}}; the value never appears in a message. */
    public Secret secret(String key) throws ConfigException {
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

    /** The value as plain Java (Boolean, Long, Double, String, List, Map), or null when the key is absent. */
    public Object plain(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : toPlain(t.getValueNode());
    }

    public Map<String, Object> plainMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, t) -> out.put(k, toPlain(t.getValueNode())));
        return out;
    }

    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    /** YAML values handed to a vendor page as they are: booleans, numbers, text, lists and maps. */
    static Object toPlain(Node n) {
        return YamlTree.plain(n, ConfigSection::number);
    }

    private static Object number(ScalarNode s) {
        String v = s.getValue();
        try {
            if (Tag.INT.equals(s.getTag())) return Long.parseLong(v);
            if (Tag.FLOAT.equals(s.getTag())) return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            // a YAML number Java does not read (0x1F, 1_000, too long) stays text
        }
        return v;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) return "a section of keys";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return Tag.NULL.equals(s.getTag()) ? "nothing" : "\"" + s.getValue() + "\"";
        return "something else";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    public static String closest(String key, Iterable<String> known) {
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
    public static int distance(String a, String b) {
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

}
