package dev.unibar.app;

import dev.unibar.config.UnibarConfig;
import dev.unibar.ui.BarContext;

import java.time.Clock;

/** Picks the vendor set-up for a configuration: the one place that knows every vendor. */
public final class Contexts {

    private Contexts() {
    }

    public static BarContext create(UnibarConfig config) {
        Clock clock = Clock.systemUTC();
        String vendor = config.effectiveVendor();
        switch (vendor) {
            case "ucs":
                return UcsContext.create(config, clock);
            case "epbx":
                return EpbxContext.create(config, clock);
            default:
                throw new IllegalArgumentException("vendor \"" + vendor + "\" is not supported yet");
        }
    }
}
