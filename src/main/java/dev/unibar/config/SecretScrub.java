package dev.unibar.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file as it may leave the machine (the support bundle), made from what the YAML parser read, never
 * from its text (issue 22: a folded {@code secret: >-} kept its second line, a URL kept {@code auth=} in its query,
 * a bearer token with spaces kept its tail). Every value under a key named like a secret is masked whatever its
 * YAML style (plain, quoted, literal, folded, flow, through an alias), every URL loses its user info and its
 * query and fragment values; the masked texts are returned too, so logs can be cleaned of them as well.
 * The copy is plain YAML without the file's comments, anchors or layout.
 */
public final class SecretScrub {

    public static final String MASK = "******";
    /** Key names, lower-cased with {@code -} and {@code _} removed, that hold credentials. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "password|passwd|passphrase|pwd|secret|token|apikey|bearer|credential|privatekey|cookie|authorization|^auth$|^pin$");
    /** Where a credential is fetched or kept, not the credential: {@code tokenPath: oauth2/Token}. */
    private static final Pattern PLACE_KEY = Pattern.compile("(path|url|uri|endpoint|file|header)$");
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");

    /** The scrubbed YAML, and every original text that was masked (for the log redactor). */
    public record Result(String yaml, List<String> masked) {
    }

    private final Set<String> masked = new LinkedHashSet<>();

    private SecretScrub() {
    }

    /**
     * @throws IllegalArgumentException when the text is not YAML the loader would read (the caller then leaves
     *                                  the file out rather than copy it as text)
     */
    public static Result of(String yamlText) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(ConfigLoader.options())).load(yamlText);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not YAML the configuration loader reads: " + ConfigSection.oneLine(e.getMessage()), e);
        }
        SecretScrub s = new SecretScrub();
        Object clean = s.walk(root, false, 0);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(200);
        String yaml = clean == null ? "" : new Yaml(new Representer(o), o).dump(clean);
        return new Result(yaml, List.copyOf(s.masked));
    }

    /** True for a key whose value is a credential, whatever else it is called ({@code bearerToken}, {@code api-key}). */
    public static boolean secretKey(Object key) {
        if (key == null) return false;
        String k = key.toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_KEY.matcher(k).find() && !PLACE_KEY.matcher(k).find();
    }

    /**
     * A copy with nothing shared (an alias becomes a copy, so no anchor is written), secrets masked. The YAML
     * budget already bounded the depth and the expansion; the depth guard only keeps a cycle from recursing.
     */
    private Object walk(Object v, boolean secret, int depth) {
        if (v == null) return null;
        if (depth > ConfigLoader.MAX_DEPTH + 2) return MASK;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object key = e.getKey() instanceof String || e.getKey() == null ? e.getKey() : walk(e.getKey(), secret, depth + 1);
                out.put(key, walk(e.getValue(), secret || secretKey(e.getKey()), depth + 1));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object x : c) out.add(walk(x, secret, depth + 1));
            return out;
        }
        String text = String.valueOf(v);
        if (secret && !(v instanceof Boolean)) {
            if (!text.isEmpty()) masked.add(text);
            return MASK;
        }
        if (!(v instanceof String)) return v;
        return urls(text);
    }

    /** Every URL in a text without its user info and its query and fragment values. */
    private String urls(String text) {
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(url(m.group())));
        m.appendTail(b);
        return b.toString();
    }

    private String url(String u) {
        int scheme = u.indexOf("://");
        String rest = u.substring(scheme + 3);
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            masked.add(authority.substring(0, at));
            for (String part : authority.substring(0, at).split(":", 2)) if (!part.isEmpty()) masked.add(part);
            authority = MASK + authority.substring(at);
        }
        String tail = rest.substring(end);
        StringBuilder out = new StringBuilder(u.substring(0, scheme + 3)).append(authority);
        int q = firstOf(tail, "?#");
        out.append(tail, 0, q);
        // Each value after ? and # ("auth=URLSECRET", "#access_token=..."), keeping the names support needs.
        int i = q;
        while (i < tail.length()) {
            char sep = tail.charAt(i);
            int next = i + 1;
            while (next < tail.length() && tail.charAt(next) != '&' && tail.charAt(next) != '#' && tail.charAt(next) != ';') next++;
            String pair = tail.substring(i + 1, next);
            int eq = pair.indexOf('=');
            String value = eq < 0 ? pair : pair.substring(eq + 1);
            if (!value.isEmpty()) masked.add(value);
            out.append(sep).append(eq < 0 ? (pair.isEmpty() ? "" : MASK) : pair.substring(0, eq + 1) + (value.isEmpty() ? "" : MASK));
            i = next;
        }
        return out.toString();
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return s.length();
    }
}
