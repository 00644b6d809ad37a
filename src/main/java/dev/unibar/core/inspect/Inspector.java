package dev.unibar.core.inspect;

import dev.unibar.core.model.Event;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded history of what crossed from the vendor into the bar, with counters the agent and
 * support can read. Thread-safe; listeners are told of each new entry on the caller's thread.
 */
public final class Inspector {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<InspectorEntry> entries = new ArrayDeque<>();
    private final List<Consumer<InspectorEntry>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong mapped = new AtomicLong();

    public Inspector(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    public InspectorEntry mapped(String vendor, String raw, List<Event> events) {
        mapped.incrementAndGet();
        return add(vendor, raw, events, InspectorEntry.Kind.MAPPED, null);
    }

    public InspectorEntry malformed(String vendor, String raw, String reason) {
        malformed.incrementAndGet();
        return add(vendor, raw, List.of(), InspectorEntry.Kind.MALFORMED, reason);
    }

    public InspectorEntry dropped(String vendor, String raw, String reason) {
        dropped.incrementAndGet();
        return add(vendor, raw, List.of(), InspectorEntry.Kind.DROPPED, reason);
    }

    /** A command the bar sent, already free of secrets. */
    public InspectorEntry command(String vendor, String description) {
        return add(vendor, description, List.of(), InspectorEntry.Kind.COMMAND, null);
    }

    public long malformedCount() {
        return malformed.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long mappedCount() {
        return mapped.get();
    }

    public synchronized List<InspectorEntry> snapshot() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public void subscribe(Consumer<InspectorEntry> l) {
        listeners.add(l);
    }

    public void unsubscribe(Consumer<InspectorEntry> l) {
        listeners.remove(l);
    }

    private InspectorEntry add(String vendor, String raw, List<Event> events, InspectorEntry.Kind kind,
                               String problem) {
        InspectorEntry e = new InspectorEntry(seq.incrementAndGet(), clock.instant(), vendor, raw, events, kind,
                problem);
        synchronized (this) {
            entries.addLast(e);
            while (entries.size() > capacity) entries.removeFirst();
        }
        for (Consumer<InspectorEntry> l : listeners) l.accept(e);
        return e;
    }
}
