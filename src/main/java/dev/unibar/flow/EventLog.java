package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarStore;
import dev.unibar.json.EventJson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every normalized event a session received while a flow ran, in order, with its arrival time. Fed by the
 * session's inspector, which sees each vendor message's events (never its secrets) on the connector's thread.
 */
final class EventLog implements AutoCloseable {

    /** {@code key}: the inspector entry's number and the event's place in it ({@link #key}). */
    record Entry(long nanos, Event event, JsonNode json, long key) {
    }

    /** An event's place among the inspector's entries: its entry's number and its index in that entry. */
    static long key(long seq, int index) {
        return (seq << 8) | Math.min(index, 255);
    }

    private final Inspector inspector;
    private final BarStore store;
    private final long storeBaseline;
    private final List<Entry> entries = new ArrayList<>();
    private final Consumer<InspectorEntry> listener = this::seen;
    private long lastSeq;

    /** Read before subscribing: an event in flight then makes {@link #awaitStore} wait less, never longer. */
    EventLog(Inspector inspector, BarStore store) {
        this.inspector = inspector;
        this.store = store;
        this.storeBaseline = store.state().eventCount();
        inspector.subscribe(listener);
    }

    /**
     * The inspector hears of a vendor message's events just before the store folds them in; a command sent at
     * once would meet the guard with the state before them. Waits (briefly) until the store has them all.
     */
    void awaitStore(long timeoutMs) throws InterruptedException {
        long want = storeBaseline + size();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (store.state().eventCount() < want && System.nanoTime() < deadline) Thread.sleep(2);
    }

    private void seen(InspectorEntry e) {
        synchronized (this) {
            lastSeq = Math.max(lastSeq, e.seq());
        }
        if (e.kind() != InspectorEntry.Kind.MAPPED || e.events().isEmpty()) return;
        long now = System.nanoTime();
        synchronized (this) {
            int i = 0;
            for (Event ev : e.events()) entries.add(new Entry(now, ev, EventJson.toNode(ev), key(e.seq(), i++)));
            notifyAll();
        }
    }

    /** The inspector's latest entry this log has heard of (any kind: a command the run sent too). */
    synchronized long lastSeq() {
        return lastSeq;
    }

    synchronized boolean any(String type) {
        return entries.stream().anyMatch(e -> type.equals(e.json().path("type").asText()));
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized Entry get(int i) {
        return entries.get(i);
    }

    synchronized List<Entry> since(int from) {
        return new ArrayList<>(entries.subList(Math.min(from, entries.size()), entries.size()));
    }

    /** Waits until there are more than {@code known} entries, or the deadline (System.nanoTime) passes. */
    synchronized void awaitMore(int known, long deadline) throws InterruptedException {
        while (entries.size() <= known) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
    }

    @Override
    public void close() {
        inspector.unsubscribe(listener);
    }
}
