package dev.unibar.config;

import java.nio.file.Path;

/**
 * The whole configuration. {@code vendor} is null in demo mode (no config file): the bar then runs
 * against the built-in simulator of {@code demoVendor}.
 *
 * @param source   the file it was read from, or null for the built-in demo configuration
 * @param language UI language tag (en, pt-BR, it, cs, fr), or null for the system's
 */
public record UnibarConfig(Path source, String vendor, String demoVendor, String language, UcsConfig ucs,
                           EpbxConfig epbx) {

    public boolean demo() {
        return vendor == null;
    }

    public String effectiveVendor() {
        return vendor != null ? vendor : (demoVendor != null ? demoVendor : "ucs");
    }

    public static UnibarConfig demoConfig() {
        return new UnibarConfig(null, null, "ucs", null, null, null);
    }
}
