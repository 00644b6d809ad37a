package dev.unibar.core.state;

import dev.unibar.core.model.Event;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the current {@link BarState} and tells listeners when it changes. Events may arrive on any
 * thread; they are folded one batch at a time so listeners always see a state that some prefix of the
 * event stream produced. Listeners run on the caller's thread: the UI coalesces onto its own.
 */
public final class BarStore {

    private final Clock clock;
    private final List<Consumer<BarState>> listeners = new CopyOnWriteArrayList<>();
    private volatile BarState state;

    public BarStore(String vendor, Clock clock) {
        this.clock = clock;
        this.state = BarState.initial(vendor);
    }

    public BarState state() {
        return state;
    }

    public void apply(List<? extends Event> events) {
        if (events.isEmpty()) return;
        BarState next;
        synchronized (this) {
            next = Reducer.reduceAll(state, events, clock.instant());
            state = next;
        }
        publish(next);
    }

    public void apply(Event event) {
        apply(List.of(event));
    }

    public void connection(ConnectionStatus status) {
        BarState next;
        synchronized (this) {
            if (state.connection() == status) return;
            next = Reducer.withConnection(state, status);
            state = next;
        }
        publish(next);
    }


    public void subscribe(Consumer<BarState> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<BarState> listener) {
        listeners.remove(listener);
    }

    private void publish(BarState s) {
        for (Consumer<BarState> l : listeners) l.accept(s);
    }
}
