package dev.unibar.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole configuration. {@code vendor} is null in demo mode (no config file): the bar then runs
 * against the built-in simulator of {@code demoVendor}.
 *
 * @param source   the file it was read from, or null for the built-in demo configuration
 * @param language UI language tag (en, pt-BR, it, cs, fr), or null for the system's
 * @param sections each vendor's config record, by vendor id, as its module's reader made it; a vendor
 *                 whose section is absent has no entry
 * @param hosting  how vendor pages are shown (each section's {@code embed:}, the {@code browser:} section)
 * @param demoCalls in demo mode, whether the simulator offers calls on its own ({@code demo: autoCalls:});
 *                  the Simulator menu switches it for the running bar
 */
public record UnibarConfig(Path source, String vendor, String demoVendor, String language,
                           Map<String, Object> sections, FeaturesConfig features, PageHosting hosting,
                           boolean demoCalls) {

    public UnibarConfig {
        sections = sections == null ? Map.of() : Map.copyOf(sections);
        features = features == null ? FeaturesConfig.defaults() : features;
        hosting = hosting == null ? PageHosting.none() : hosting;
    }

    /** With the simulator's own demo calls on. */
    public UnibarConfig(Path source, String vendor, String demoVendor, String language,
                        Map<String, Object> sections, FeaturesConfig features, PageHosting hosting) {
        this(source, vendor, demoVendor, language, sections, features, hosting, true);
    }

    /** Without the journal, screen-pop and flows sections, and with the WebView for every vendor. */
    public UnibarConfig(Path source, String vendor, String demoVendor, String language, Map<String, Object> sections) {
        this(source, vendor, demoVendor, language, sections, null, null);
    }

    public boolean demo() {
        return vendor == null;
    }

    public String effectiveVendor() {
        return vendor != null ? vendor : (demoVendor != null ? demoVendor : "ucs");
    }

    /** The section of {@code vendor}, or null when the file has none. */
    public <T> T section(String vendor, Class<T> type) {
        Object s = sections.get(vendor);
        return s == null ? null : type.cast(s);
    }

    public static UnibarConfig demoConfig() {
        return new UnibarConfig(null, null, "ucs", null, Map.of());
    }

    /** Demo mode against the simulator of {@code vendor}. */
    public static UnibarConfig demoOf(String vendor) {
        return new UnibarConfig(null, null, vendor, null, Map.of());
    }
}
