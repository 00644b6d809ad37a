package dev.unibar.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI's strings. Every user-visible text comes from here so all five languages stay complete. */
public final class Messages {

    public static final String BASE = "dev.unibar.ui.messages";
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "pt-BR", "it", "cs", "fr");

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The configured language tag, else the system locale; unknown languages fall back to English. */
    public static Messages forLanguage(String languageTag) {
        Locale locale = languageTag == null || languageTag.isBlank()
                ? Locale.getDefault() : Locale.forLanguageTag(languageTag.trim());
        // No fallback to the system locale: a configured "de" must give English, not the machine's language.
        ResourceBundle b = ResourceBundle.getBundle(BASE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(b);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key must be visible in the UI and in tests, not crash the bar.
            return "!" + key + "!";
        }
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has none (names that come from outside). */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** A vendor's name for people ("UCS", "Talk Telecom EPBX"); an unknown id is shown as given. */
    public String vendorName(String vendorId) {
        return vendorId == null ? "" : getOr("vendor.name." + vendorId, vendorId);
    }

    /**
     * A simulator scenario's title for the Simulator menu: the vendor's own ({@code scenario.<vendor>.<name>},
     * where two simulators use one name differently), else the shared one, else the name itself.
     */
    public String scenarioTitle(String vendorId, String name) {
        return getOr("scenario." + vendorId + "." + name, getOr("scenario." + name, name));
    }

    /** A vendor notice in the agent's language when it names a bundle text, else as the vendor wrote it. */
    public String notice(dev.unibar.core.model.Event.Notice n) {
        return dev.unibar.core.model.Notices.text(n, bundle.getLocale());
    }

    /** A session error in the agent's language when it names a bundle text, else as the vendor wrote it. */
    public String sessionError(dev.unibar.core.model.Event.SessionError e) {
        return dev.unibar.core.model.Notices.text(e, bundle.getLocale());
    }

    public String format(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key), bundle.getLocale());
        return f.format(args);
    }
}
