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

    /**
     * The vendor's own words behind a keyed sentence ({@code Notice.known}): the message when it is not the
     * key's English text; null when the text is all ours or all the vendor's.
     */
    public static String detail(Event.Notice n) {
        return detail(n.key(), n.args(), n.message());
    }

    public static String detail(Event.SessionError e) {
        return detail(e.key(), e.args(), e.message());
    }

    private static String detail(String key, List<String> args, String message) {
        if (key == null || message == null || message.isBlank() || !has(key)) return null;
        return message.equals(english(key, args)) ? null : message;
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
            this(english(key, args), key, args);
        }

        private Refusal(String message, String key, List<String> args) {
            super(message);
            this.key = key;
            this.args = args;
        }

        /**
         * A vendor's refusal Unibar knows: the agent reads {@code key}'s sentence; the message is the vendor's own
         * text, which the session keeps as the notice's detail.
         */
        public static Refusal known(String vendorText, String key, Object... args) {
            List<String> a = strings(args);
            return new Refusal(vendorText == null ? english(key, a) : vendorText, key, a);
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
