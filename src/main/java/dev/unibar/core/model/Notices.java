package dev.unibar.core.model;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the notices that connectors, mappers and the guard produce, in the five languages of the
 * bar. English goes into the CONTRACT's {@code message}; the bar renders the key in the agent's language.
 * One bundle for all vendors keeps translators in one file per language.
 */
public final class Notices {

    static final String BUNDLE = "dev.unibar.core.notices";

    private Notices() {
    }

    public static String english(String key, List<String> args) {
        return format(Locale.ROOT, key, args);
    }

    /** The notice's text in {@code locale}; a notice with no key (or a key the bundle lacks) keeps its message. */
    public static String text(Event.Notice n, Locale locale) {
        if (n.key() == null || !has(n.key())) return n.message();
        return format(locale, n.key(), n.args());
    }

    /** The session error's text in {@code locale}; one with no key (the vendor's own text) keeps its message. */
    public static String text(Event.SessionError e, Locale locale) {
        if (e.key() == null || !has(e.key())) return e.message();
        return format(locale, e.key(), e.args());
    }

    public static boolean has(String key) {
        try {
            ResourceBundle.getBundle(BUNDLE, Locale.ROOT, control()).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public static String format(Locale locale, String key, List<String> args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, control()).getString(key);
        } catch (MissingResourceException e) {
            // a key no bundle has is a programming error the bundle test catches; never lose the facts
            return args.isEmpty() ? key : key + " " + String.join(" ", args);
        }
        return new MessageFormat(pattern, locale).format(args.toArray());
    }

    // Without this the JVM's default locale would stand in for a missing language, not English.
    private static ResourceBundle.Control control() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }

    /**
     * A vendor's refusal of a command, thrown (or completed exceptionally) by a connector: the session
     * turns it into a keyed notice, so the agent reads it in the bar's language.
     */
    public static final class Refusal extends RuntimeException {
        private final String key;
        private final List<String> args;

        public Refusal(String key, Object... args) {
            this(key, strings(args));
        }

        private Refusal(String key, List<String> args) {
            super(english(key, args));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public List<String> args() {
            return args;
        }
    }

    static List<String> strings(Object... args) {
        List<String> a = new java.util.ArrayList<>();
        for (Object o : args) a.add(String.valueOf(o));
        return List.copyOf(a);
    }
}
