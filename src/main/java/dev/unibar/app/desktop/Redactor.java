package dev.unibar.app.desktop;

import dev.unibar.config.Secret;
import dev.unibar.config.SecretScrub;
import dev.unibar.config.UnibarConfig;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves the machine (support bundles) or reaches a log file: every value
 * the configuration holds as a {@link Secret}, wherever it appears, and anything that looks like a
 * credential (password=, token: , Authorization: Bearer ..., access_token in a URL). Secrets never reach
 * logs by design; this is the second net.
 */
public final class Redactor {

    public static final String MASK = "******";
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(\"?(?:password|passwd|pwd|secret|token|access_token|refresh_token|id_token|api[_-]?key|"
                    + "authorization|client_secret|sso)\"?[ \\t]*[:=][ \\t]*\"?)([^\"\\s&,;}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{4,}");

    private final List<String> known;

    public Redactor(Collection<String> secrets) {
        List<String> k = new ArrayList<>();
        for (String s : secrets) {
            // Very short values would mask ordinary words; they are caught by the patterns if keyed.
            if (s != null && s.length() >= 4) k.add(s);
        }
        k.sort(Comparator.comparingInt(String::length).reversed());
        this.known = List.copyOf(k);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /**
     * Knows every secret of a configuration: each {@link Secret} the readers made (vendor sections and the
     * bar's own features, such as the customer lookup's bearer token), and each value the file holds under a
     * key named like a secret or in a URL's user info, query or fragment ({@link SecretScrub}).
     */
    public static Redactor forConfig(UnibarConfig config) {
        List<String> secrets = new ArrayList<>();
        if (config == null) return new Redactor(secrets);
        config.sections().values().forEach(s -> secrets.addAll(secretsIn(s)));
        secrets.addAll(secretsIn(config.features()));
        configCopy(config).ifPresent(r -> secrets.addAll(r.masked()));
        return new Redactor(secrets);
    }

    /** The configuration file as the parser read it, secrets masked; empty when there is none or it cannot be read. */
    static java.util.Optional<SecretScrub.Result> configCopy(UnibarConfig config) {
        if (config == null || config.source() == null || !java.nio.file.Files.isRegularFile(config.source())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(SecretScrub.of(java.nio.file.Files.readString(config.source())));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : known) out = out.replace(s, MASK);
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        out = KEYED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return out;
    }

    /** Every {@link Secret} in the vendor sections of a configuration (records, nested records, lists, maps). */
    public static List<String> secretsIn(Object value) {
        List<String> out = new ArrayList<>();
        collect(value, out, 0);
        return out;
    }

    private static void collect(Object v, List<String> out, int depth) {
        if (v == null || depth > 8) return;
        if (v instanceof Secret s) {
            if (!s.isEmpty()) out.add(s.reveal());
        } else if (v instanceof Map<?, ?> m) {
            for (Object e : m.values()) collect(e, out, depth + 1);
        } else if (v instanceof Collection<?> c) {
            for (Object e : c) collect(e, out, depth + 1);
        } else if (v.getClass().isRecord()) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    collect(rc.getAccessor().invoke(v), out, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a component we cannot read holds nothing we could print either
                }
            }
        }
    }
}
