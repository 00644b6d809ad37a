package dev.unibar.simkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulator's own page long-polls: numbered entries (1, 2, …), bounded, with waiting readers
 * woken by the next one. A reader asks for everything after the number it saw last; a reader whose
 * {@code epoch} is older than the last {@link #reset} starts again from the beginning.
 *
 * @param <T> one entry (a message to deliver, an event to show)
 */
public final class Feed<T> {

    /** One numbered entry. */
    public record Entry<T>(long seq, T item) {
    }

    /** What a read got: the entries, the number to ask after next time, and the feed's epoch. */
    public record Batch<T>(List<Entry<T>> entries, long next, long epoch) {
    }

    private final int capacity;
    private final List<Entry<T>> entries = new ArrayList<>();
    private long last;
    private long epoch;
    private boolean closed;

    public Feed(int capacity) {
        this.capacity = capacity;
    }

    /** Appends one entry and wakes the readers; returns its number. */
    public synchronized long append(T item) {
        entries.add(new Entry<>(++last, item));
        if (entries.size() > capacity) entries.subList(0, entries.size() - capacity).clear();
        notifyAll();
        return last;
    }

    public synchronized long last() {
        return last;
    }

    public synchronized long epoch() {
        return epoch;
    }

    public synchronized List<Entry<T>> entries() {
        return List.copyOf(entries);
    }

    /**
     * Entries after {@code after}, waiting up to {@code wait} for one. A reader of another epoch, or one
     * that claims to be ahead of the feed, reads from the beginning.
     */
    public synchronized Batch<T> read(long after, long readerEpoch, Duration wait) throws InterruptedException {
        long from = readerEpoch != epoch && readerEpoch >= 0 || after > last ? 0 : after;
        long deadline = System.nanoTime() + wait.toNanos();
        while (last <= from && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            wait(Math.max(1, left / 1_000_000));
        }
        List<Entry<T>> out = new ArrayList<>();
        for (Entry<T> e : entries) if (e.seq() > from) out.add(e);
        return new Batch<>(out, last, epoch);
    }

    /** Entries after {@code after}, waiting up to {@code wait}; no epochs. */
    public List<Entry<T>> after(long after, Duration wait) throws InterruptedException {
        return read(after, -1, wait).entries();
    }

    /** Forgets every entry and starts a new epoch: readers start over. */
    public synchronized void reset() {
        entries.clear();
        last = 0;
        epoch++;
        notifyAll();
    }

    /** Wakes every reader and waits no more (the simulator is stopping); {@link #open} undoes it. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized void open() {
        closed = false;
    }
}
