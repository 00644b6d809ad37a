package dev.unibar.connectors;

import dev.unibar.core.Connector;
import dev.unibar.core.LoginForm;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A demo set-up whose simulator offers calls on its own: the module says how to read and switch that loop
 * (lambdas over its simulator, so only the module touches it); everything else is the wrapped set-up's.
 */
public final class DemoCallsSetup implements VendorSetup, VendorSetup.DemoCalls {

    private final VendorSetup inner;
    private final BooleanSupplier running;
    private final Consumer<Boolean> switcher;

    public DemoCallsSetup(VendorSetup inner, BooleanSupplier running, Consumer<Boolean> switcher) {
        this.inner = inner;
        this.running = running;
        this.switcher = switcher;
    }

    @Override public Connector connector() { return inner.connector(); }
    @Override public LoginForm loginForm() { return inner.loginForm(); }
    @Override public List<String> scenarios() { return inner.scenarios(); }
    @Override public void runScenario(String name) { inner.runScenario(name); }
    @Override public boolean demo() { return inner.demo(); }
    @Override public Object simulator() { return inner.simulator(); }
    @Override public Optional<DemoCalls> demoCalls() { return Optional.of(this); }
    @Override public boolean on() { return running.getAsBoolean(); }
    @Override public void set(boolean on) { switcher.accept(on); }
    @Override public void close() { inner.close(); }
}
