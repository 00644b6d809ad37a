package dev.unibar.ui;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A part of the bar made the first time it is needed. The pop-overs are not in the first frame, and
 * making all of them up front (nodes, bindings, list cells) delayed the bar's window on every start.
 * FX thread only, like the nodes it holds.
 */
final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> make;
    private T value;

    Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make);
    }

    @Override
    public T get() {
        if (value == null) {
            value = Objects.requireNonNull(make.get());
            make = null;
        }
        return value;
    }

    /** Whether it has been made yet (then {@link #get} is cheap). */
    boolean made() {
        return value != null;
    }
}
