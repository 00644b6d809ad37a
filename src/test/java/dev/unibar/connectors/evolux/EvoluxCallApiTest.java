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
        Notices.Refusal token = (Notices.Refusal) dev.unibar.core.Failures.unwrap(w);
        assertEquals("evolux.tokenRefused", token.key(), "a 401 is the token refused, whatever Evolux's words");
        assertEquals("Invalid token.", token.getMessage());
        ExecutionException m = assertThrows(ExecutionException.class,
                () -> api.call("joao", " ").toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals("evolux.callRefused", ((Notices.Refusal) dev.unibar.core.Failures.unwrap(m)).key(),
                "a refusal Unibar does not know keeps Evolux's text inside our sentence");
    }

    /** The simulator's refuse-call scenario: the next click-to-call only, in the API's own answers, each keyed. */
    @Test
    void theRefuseCallScenarioRefusesTheNextClickToCallAsTheApiDoes() throws Exception {
        EvoluxSimulator sim = new EvoluxSimulator(0, "t0k3n-under-test").start();
        try {
            EvoluxCallApi api = new EvoluxCallApi(sim.origin(), SECRET);
            sim.scenario("refuse-call", java.util.Map.of());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> api.call("joao", "603555000").toCompletableFuture().get(10, TimeUnit.SECONDS));
            Notices.Refusal r = (Notices.Refusal) dev.unibar.core.Failures.unwrap(e);
            assertEquals("vendor.notLoggedIn", r.key());
            assertEquals("Agent joao is not logged in.", r.getMessage());
            api.call("joao", "603555001").toCompletableFuture().get(10, TimeUnit.SECONDS);
            sim.scenario("refuse-call", java.util.Map.of("answer", "invalid-token"));
            ExecutionException t = assertThrows(ExecutionException.class,
                    () -> api.call("joao", "603555002").toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals("evolux.tokenRefused", ((Notices.Refusal) dev.unibar.core.Failures.unwrap(t)).key());
            assertEquals(java.util.List.of(400, 200, 401), sim.apiCalls().stream().map(c -> c.status()).toList(),
                    "one refusal per scenario; the call between went through");
            assertThrows(IllegalArgumentException.class, () -> sim.scenario("refuse-call", java.util.Map.of("answer", "x")));
        } finally {
            sim.stop();
        }
    }

    private static final Secret SECRET = Secret.of("t0k3n-under-test");
}
