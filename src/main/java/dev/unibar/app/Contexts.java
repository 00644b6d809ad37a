package dev.unibar.app;

import dev.unibar.config.UnibarConfig;
import dev.unibar.ui.BarContext;

import java.time.Clock;

/** Picks the vendor set-up for a configuration: the one place that knows every vendor. */
public final class Contexts {

    /** Vendors the bar can run today (the config loader knows more ids). */
    public static final java.util.Set<String> SUPPORTED = java.util.Set.of("ucs", "epbx");

    private Contexts() {
    }

    /**
     * Runs a simulator scenario from the bar's Simulator menu. A scenario that does not fit the moment
     * (an inbound call while logged out) is told to the agent as a warning, not thrown at the FX thread.
     */
    static void runScenario(dev.unibar.core.Session session, String name, Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            session.store().apply(new dev.unibar.core.model.Event.Notice(session.connector().vendor(), null,
                    dev.unibar.core.model.NoticeLevel.WARNING, name + ": " + e.getMessage()));
        }
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
