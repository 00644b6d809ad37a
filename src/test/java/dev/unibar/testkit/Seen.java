package dev.unibar.testkit;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every value an observable took from the moment it is watched: a test asks whether the agent was shown
 * something, which a later value (another notice, a timer) may already have replaced when the test looks.
 */
public final class Seen<T> implements AutoCloseable {

    private final ObservableValue<T> value;
    private final List<T> values = new CopyOnWriteArrayList<>();
    private final ChangeListener<T> listener = (o, a, b) -> values.add(b);

    private Seen(ObservableValue<T> value) {
        this.value = value;
    }

    /** Starts watching on the FX thread; the current value counts as seen. */
    public static <T> Seen<T> watch(ObservableValue<T> value) {
        Seen<T> s = new Seen<>(value);
        Runnable start = () -> {
            s.values.add(value.getValue());
            value.addListener(s.listener);
        };
        if (Platform.isFxApplicationThread()) {
            start.run(); // from a test's @Start: before the first pulse, so nothing shown is missed
            return s;
        }
        try {
            OnFx.run(start);
        } catch (Exception e) {
            throw new AssertionError("cannot watch " + value, e);
        }
        return s;
    }

    /** Waits until some value seen so far matches; fails naming {@code what}. */
    public T await(String what, Duration timeout, Predicate<? super T> match) {
        Wait.until(what, timeout, () -> values.stream().anyMatch(v -> v != null && match.test(v)));
        return values.stream().filter(v -> v != null && match.test(v)).findFirst().orElseThrow();
    }

    public List<T> values() {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    @Override
    public void close() {
        Platform.runLater(() -> value.removeListener(listener));
    }
}
