package dev.unibar.simkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a simulator received, in order: every command of the vendor's protocol with the simulator's
 * verdict, kept for tests and the control API. Bounded (a rehearsal that runs all day keeps the latest),
 * and awaitable, so a test waits for the command it needs instead of for time. Secrets are masked before
 * a record is made ({@link #masked}): nothing here can leak one.
 *
 * @param <T> the vendor's own record of one command
 */
public final class CommandLog<T> {

    /** What a masked argument reads as. */
    public static final String MASK = "******";

    private final int capacity;
    private final List<T> entries = new ArrayList<>();
    /** Sequence number of entries.get(0): entries have numbers that survive trimming. */
    private long first;
    private final Map<String, Long> cursors = new HashMap<>();

    public CommandLog(int capacity) {
        this.capacity = capacity;
    }

    /** {@code args} with those at {@code positions} replaced by {@link #MASK} (a password, a token). */
    public static List<Object> masked(List<?> args, int... positions) {
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        for (int i : positions) if (i < copy.size() && copy.get(i) != null) copy.set(i, MASK);
        return copy;
    }

    public synchronized void add(T entry) {
        entries.add(entry);
        if (entries.size() > capacity) {
            int drop = entries.size() - capacity;
            entries.subList(0, drop).clear();
            first += drop;
        }
        notifyAll();
    }

    private long next() {
        return first + entries.size();
    }

    public synchronized List<T> all() {
        return List.copyOf(entries);
    }

    public synchronized <R> List<R> all(Function<T, R> as) {
        List<R> out = new ArrayList<>(entries.size());
        for (T e : entries) out.add(as.apply(e));
        return out;
    }

    /** Forgets every record and every cursor of {@link #awaitNext}. */
    public synchronized void clear() {
        first = next();
        entries.clear();
        cursors.clear();
        notifyAll();
    }

    /**
     * Waits until {@code count} records match; returns them in order.
     *
     * @throws IllegalStateException naming what came instead, when they did not arrive in time
     */
    public synchronized List<T> await(Predicate<T> test, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = new ArrayList<>();
            for (T e : entries) if (test.test(e)) found.add(e);
            if (found.size() >= count) return found;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no " + count + " " + what + " within " + timeout + "; got " + found.size()
                        + " of " + entries.size() + " records");
            }
            pause(left);
        }
    }

    /**
     * Waits for the next record that matches after the one this {@code cursor} returned last, so that a test
     * can await the same command twice in a row; null when none came in time.
     */
    public synchronized T awaitNext(String cursor, Predicate<T> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long from = Math.max(first, cursors.getOrDefault(cursor, 0L));
            for (long s = from; s < next(); s++) {
                T e = entries.get((int) (s - first));
                if (test.test(e)) {
                    cursors.put(cursor, s + 1);
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            pause(left);
        }
    }

    private void pause(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a simulator record", e);
        }
    }
}
