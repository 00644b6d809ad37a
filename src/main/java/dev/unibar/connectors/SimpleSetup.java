package dev.unibar.connectors;

import dev.unibar.core.Connector;
import dev.unibar.core.LoginForm;

import java.util.List;
import java.util.function.Consumer;

/**
 * The usual {@link VendorSetup}: a connector and a login form, and in demo mode the simulator with its
 * scenario names, how to play one, and how to stop it.
 */
public record SimpleSetup(Connector connector, LoginForm loginForm, Object simulator, List<String> scenarios,
                          Consumer<String> scenarioRunner, Runnable closer) implements VendorSetup {

    public SimpleSetup {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /** A live vendor: no simulator. */
    public static SimpleSetup live(Connector connector, LoginForm form) {
        return new SimpleSetup(connector, form, null, List.of(), null, null);
    }

    @Override
    public boolean demo() {
        return simulator != null;
    }

    @Override
    public void runScenario(String name) {
        if (scenarioRunner == null) throw new IllegalArgumentException("no simulator");
        scenarioRunner.accept(name);
    }

    @Override
    public void close() {
        if (closer != null) closer.run();
    }
}
