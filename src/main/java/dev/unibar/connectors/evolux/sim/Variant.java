package dev.unibar.connectors.evolux.sim;

import java.util.Locale;

/** Which Evolux version's payload shape the simulator plays (docs/vendors/evolux.md, sources S0-S2). */
public enum Variant {
    /** Seed 000: agent id and extension as numbers in call and pause events. */
    SEED,
    /** Same as SEED with agent id, extension and agentId as strings. */
    STRINGS,
    /** The later page: call payloads add {@code recordingUUID}. */
    NEWER,
    /** The older page: agent without login/email. */
    OLDER;

    public static Variant parse(Object o) {
        if (o == null) return SEED;
        try {
            return valueOf(String.valueOf(o).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("variant must be seed, strings, newer or older");
        }
    }
}
