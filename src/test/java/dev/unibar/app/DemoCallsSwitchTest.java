package dev.unibar.app;

import dev.unibar.config.FeaturesConfig;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UCS demo's call every 20 s: on by default, off by {@code demo: autoCalls: false}, switchable while running. */
class DemoCallsSwitchTest {

    private static UnibarConfig demo(boolean autoCalls) {
        // No journal: a test must not write into the agent's data folder.
        FeaturesConfig features = new FeaturesConfig(new FeaturesConfig.Journal(false, null, 0),
                new FeaturesConfig.ScreenPop(false, "ringing", List.of()), new FeaturesConfig.Flows(null));
        return new UnibarConfig(null, null, "ucs", "en", Map.of(), features, null, autoCalls);
    }

    @Test
    void demoModeOffersCallsUnlessConfiguredOff() {
        VendorContext on = VendorContext.create(demo(true));
        try {
            assertTrue(on.offersDemoCalls());
            assertTrue(on.demoCallsOn());
            assertTrue(on.simulator(UcsSimulator.class).demoLoopRunning());
        } finally {
            on.close();
        }
        VendorContext off = VendorContext.create(demo(false));
        try {
            assertTrue(off.offersDemoCalls(), "the menu can still switch them on");
            assertFalse(off.demoCallsOn());
            assertFalse(off.simulator(UcsSimulator.class).demoLoopRunning());
            off.setDemoCalls(true);
            assertTrue(off.simulator(UcsSimulator.class).demoLoopRunning());
            off.setDemoCalls(false);
            assertFalse(off.simulator(UcsSimulator.class).demoLoopRunning());
        } finally {
            off.close();
        }
    }
}
