package dev.unibar.connectors.max;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The agent-facing texts the connector itself produces, from the bar's bundles (English if missing). */
final class MaxText {

    private MaxText() {
    }

    static String get(String key, String english, Object... args) {
        String pattern = english;
        try {
            pattern = ResourceBundle.getBundle("dev.unibar.ui.messages", Locale.getDefault()).getString(key);
        } catch (MissingResourceException ignored) {
            // the English default
        }
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
