package dev.unibar.connectors.evolux;

import dev.unibar.config.Secret;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.model.Notices;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Click-to-call against the simulator's API: the refusals Unibar knows are keyed, Evolux's words kept as detail. */
class EvoluxCallApiTest {

    @Test
    void anAgentWhoIsNotLoggedInIsAKeyedRefusal() {
        EvoluxSimulator sim = new EvoluxSimulator(0, "t0k3n-under-test").start();
        try {
            refusals(sim);
        } finally {
            sim.stop();
        }
    }

    private static void refusals(EvoluxSimulator sim) {
        EvoluxCallApi api = new EvoluxCallApi(sim.origin(), SECRET);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> api.call("someone-else", "84999010101").toCompletableFuture().get(10, TimeUnit.SECONDS));
        Notices.Refusal r = (Notices.Refusal) dev.unibar.core.Failures.unwrap(e);
        assertEquals("vendor.notLoggedIn", r.key());
        assertEquals("Agent someone-else is not logged in.", r.getMessage(), "Evolux's words are the detail");
        EvoluxCallApi wrongToken = new EvoluxCallApi(sim.origin(), Secret.of("nope"));
        ExecutionException w = assertThrows(ExecutionException.class,
                () -> wrongToken.call("joao", "84999010101").toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals("evolux.callRefused", ((Notices.Refusal) dev.unibar.core.Failures.unwrap(w)).key(),
                "a refusal Unibar does not know keeps Evolux's text inside our sentence");
    }

    private static final Secret SECRET = Secret.of("t0k3n-under-test");
}
