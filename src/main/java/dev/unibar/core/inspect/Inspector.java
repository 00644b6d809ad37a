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
 *
 * <p>Bounded twice (issue 22): at most {@code capacity} entries and at most {@code budgetBytes} of them by
 * {@link #cost}, the oldest going first; each entry keeps at most {@link #MAX_RAW_CHARS} of what the vendor
 * sent and {@link #MAX_PROBLEM_CHARS} of why it was refused. A flood of huge messages therefore holds a few
 * megabytes, whatever its count.
 */
public final class Inspector {

    /** What one entry keeps of the vendor's text; the rest is named by its length. */
    public static final int MAX_RAW_CHARS = 16 * 1024;
    static final int MAX_PROBLEM_CHARS = 1024;
    /** The default byte budget: 5,000 ordinary vendor lines fit many times over. */
    public static final long DEFAULT_BUDGET_BYTES = 32L << 20;

    private final int capacity;
    private final long budgetBytes;
    private final Clock clock;
    private final ArrayDeque<Held> entries = new ArrayDeque<>();
    private final List<Consumer<InspectorEntry>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong mapped = new AtomicLong();
    private long retainedBytes;

    private record Held(InspectorEntry entry, long cost) {
    }

    public Inspector(int capacity, Clock clock) {
        this(capacity, DEFAULT_BUDGET_BYTES, clock);
    }

    public Inspector(int capacity, long budgetBytes, Clock clock) {
        this.capacity = capacity;
        this.budgetBytes = budgetBytes;
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

    /** What the kept entries hold, as {@link #cost} counts it; never more than the budget (plus one entry). */
    public synchronized long retainedBytes() {
        return retainedBytes;
    }


    public synchronized List<InspectorEntry> snapshot() {
        List<InspectorEntry> out = new ArrayList<>(entries.size());
        for (Held h : entries) out.add(h.entry());
        return out;
    }

    public synchronized void clear() {
        entries.clear();
        retainedBytes = 0;
    }

    public void subscribe(Consumer<InspectorEntry> l) {
        listeners.add(l);
    }

    public void unsubscribe(Consumer<InspectorEntry> l) {
        listeners.remove(l);
    }

    /** {@code s} cut to {@code max} characters, with its whole length said. */
    public static String excerpt(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, max) + "... (" + s.length() + " characters)";
    }

    /**
     * An estimate of what an entry holds on the heap: its texts (two bytes a character), and for mapped
     * entries their events, which carry what the whole line carried (so the line's full length counts).
     */
    static long cost(InspectorEntry e, int rawLength) {
        long c = 128 + 2L * length(e.raw()) + 2L * length(e.problem()) + 64L * e.events().size();
        if (!e.events().isEmpty()) c += 2L * rawLength;
        return c;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private InspectorEntry add(String vendor, String raw, List<Event> events, InspectorEntry.Kind kind,
                               String problem) {
        InspectorEntry e = new InspectorEntry(seq.incrementAndGet(), clock.instant(), vendor, excerpt(raw, MAX_RAW_CHARS),
                events, kind, excerpt(problem, MAX_PROBLEM_CHARS));
        long cost = cost(e, length(raw));
        synchronized (this) {
            entries.addLast(new Held(e, cost));
            retainedBytes += cost;
            while (entries.size() > 1 && (entries.size() > capacity || retainedBytes > budgetBytes)) {
                retainedBytes -= entries.removeFirst().cost();
            }
        }
        for (Consumer<InspectorEntry> l : listeners) l.accept(e);
        return e;
    }
}
