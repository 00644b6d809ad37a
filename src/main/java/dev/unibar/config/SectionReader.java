package dev.unibar.config;

/**
 * Reads one vendor's section of config.yml. Lives with the vendor, so the loader knows no vendor keys; the
 * section is read from the top level so that a missing section can be reported against the line that
 * made it necessary (the {@code vendor:} key).
 */
@FunctionalInterface
public interface SectionReader {

    /**
     * @param top      the file's top-level mapping
     * @param required true when this vendor is the configured one: a missing section is an error
     * @return the vendor's config record, or null when the section is absent and not required
     */
    Object read(ConfigSection top, boolean required) throws ConfigException;
}
