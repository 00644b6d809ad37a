package dev.unibar.connectors;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigSection;
import dev.unibar.config.SectionReader;

import java.util.Objects;

/**
 * How every vendor's section is read: absent, it is an error (against the {@code vendor:} line) only when the
 * vendor is the configured one; present, the vendor's reader reads it. The key without which a section means
 * nothing (the vendor's address) is named once, for both errors.
 *
 * @param <C> the vendor's config record
 */
public abstract class VendorSectionReader<C> implements SectionReader {

    private final String id;
    private final String requiredKey;

    /** @param requiredKey the key the vendor cannot do without, below the section ({@code url}, {@code api.hostname}) */
    protected VendorSectionReader(String id, String requiredKey) {
        this.id = Objects.requireNonNull(id, "id");
        this.requiredKey = Objects.requireNonNull(requiredKey, "requiredKey");
    }

    @Override
    public final C read(ConfigSection top, boolean required) throws ConfigException {
        ConfigSection s = top.section(id);
        if (s == null) {
            if (required) throw top.missingBecause("vendor", path(), "required when vendor is " + id);
            return null;
        }
        return readSection(s, required);
    }

    /** Reads the section, which is there; {@code required} as in {@link SectionReader#read}. */
    protected abstract C readSection(ConfigSection section, boolean required) throws ConfigException;

    /**
     * What a section without its required key gives: nothing when the vendor is not the configured one (the
     * section is then ignored), else an error against {@code where} (the section, or the sub-section the key
     * belongs in).
     */
    protected final C absent(ConfigSection where, boolean required) throws ConfigException {
        return absent(where, required, "required when vendor is " + id);
    }

    /** The same, saying {@code why} the key is needed. */
    protected final C absent(ConfigSection where, boolean required, String why) throws ConfigException {
        if (required) throw where.missing(path(), why);
        return null;
    }

    /** The required key's path from the top ({@code evolux.url}), as errors name it. */
    private String path() {
        return id + "." + requiredKey;
    }
}
