package dev.unibar.connectors;

import dev.unibar.core.Connector;
import dev.unibar.core.LoginForm;

import java.util.List;
import java.util.Optional;

/**
 * One vendor made ready by its module: the connector, what the login form asks, and, in demo mode, the
 * simulator behind it with its scenarios. The composition root wraps it in a session.
 */
public interface VendorSetup extends AutoCloseable {

    Connector connector();

    LoginForm loginForm();

    /** Simulator scenarios offered in the "Simulator" menu; empty for a live vendor. */
    default List<String> scenarios() {
        return List.of();
    }

    /** Plays a scenario; throws IllegalStateException or IllegalArgumentException when it does not fit. */
    default void runScenario(String name) {
        throw new IllegalArgumentException("no simulator");
    }

    /** True when a built-in simulator stands in for the vendor. */
    default boolean demo() {
        return false;
    }

    /** The simulator object, for tests and benchmarks that drive the far end; null when live. */
    default Object simulator() {
        return null;
    }

    /** The calls the simulator offers on its own (a demo loop), where it makes any. */
    default Optional<DemoCalls> demoCalls() {
        return Optional.empty();
    }

    /** A simulator's automatic calls, switched by {@code demo: autoCalls:} and the Simulator menu. */
    interface DemoCalls {
        boolean on();

        void set(boolean on);
    }

    /** Releases what the set-up started (its simulator); the connector is stopped by the session. */
    @Override
    default void close() {
    }
}
