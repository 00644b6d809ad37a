package dev.unibar.flow;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A piece of a flow report, keyed in {@code dev/unibar/flow/report*.properties}: the command line and the JUnit
 * XML read it in English, the bar's flow window in the agent's language. An argument that is itself a Reason is
 * read in the same language; any other argument (a vendor's own text, an event, a number) is shown as it is.
 */
public record Reason(String key, List<Object> args) {

    static final String BUNDLE = "dev.unibar.flow.report";

    public Reason {
        // An absent detail (an exception without a message) shows as nothing, never as "null".
        args = args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.asList(args));
    }

    /** The report's words in English, the language of the command line and of CI systems. */
    public static ResourceBundle english() {
        return words(Locale.ROOT);
    }

    /** The report's words in {@code locale}, English where it has none. */
    public static ResourceBundle words(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String text(ResourceBundle words) {
        Object[] shown = new Object[args.size()];
        // Strings, never numbers: MessageFormat would group digits by the locale (a caller's number, a count).
        for (int i = 0; i < shown.length; i++) {
            Object a = args.get(i);
            shown[i] = a instanceof Reason r ? r.text(words) : String.valueOf(a);
        }
        return new MessageFormat(words.getString(key), words.getLocale()).format(shown);
    }

    @Override
    public String toString() {
        return text(english());
    }
}
