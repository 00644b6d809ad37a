package dev.unibar.flow;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Records what happens in a session as material for a flow (decision 0039): the commands the bar sends (its
 * buttons, keys, dial links, Run flow…), the normalized events the vendor sends, and the far-end and wait steps a
 * flow run plays on the simulator. {@link #stop()} hands back the recording; {@link FlowWriter} makes it a flow.
 * One recorder a session, shared by the inspector's Record control and {@code unibar flow record}.
 */
public final class FlowRecorder {

    /**
     * One thing that happened, at {@code nanos} (System.nanoTime). {@code order} places it among the inspector's
     * entries ({@link InspectorEntry#seq()}, doubled): listeners hear of an entry one after another, and a flow
     * run that heard an event first may already have played its next step before the recorder hears of the event.
     */
    sealed interface Item permits Sent, Played, Came {
        long nanos();

        long order();
    }

    /** A command the bar sent, with the state it was sent in (which call it acted on). */
    record Sent(long nanos, long order, Command command, BarState before) implements Item {
    }

    /** A far-end or wait step a flow run played, after the inspector entries it had heard of. */
    record Played(long nanos, long order, Step step) implements Item {
    }

    /** One vendor message's events. */
    record Came(long nanos, long order, List<Event> events) implements Item {
    }

    /**
     * What was recorded. {@code farPlays}: the far-end actions the vendor's simulator can play, or null when the
     * session ran against the vendor's own system. {@code answers}: whether the bar can answer a call itself.
     */
    public record Recording(String vendor, Instant started, BarState atStart, Set<String> farPlays, boolean answers,
                            List<Item> items, Runs runs) {
        public Recording {
            List<Item> sorted = new ArrayList<>(items);
            sorted.sort(java.util.Comparator.comparingLong(Item::order));
            items = List.copyOf(sorted);
            runs = runs == null ? new Runs(List.of(), Set.of()) : runs;
        }

        public Recording(String vendor, Instant started, BarState atStart, Set<String> farPlays, boolean answers, List<Item> items) {
            this(vendor, started, atStart, farPlays, answers, items, null);
        }
    }

    /**
     * The flow runs during the recording: from which inspector entry to which ({@code to} 0 while it runs), and the
     * events their steps' expectations took ({@link EventLog#key}). An event that came during a run and that no
     * step expected came when it happened to: another run may see it a step earlier or later, or not at all.
     */
    record Runs(List<long[]> spans, Set<Long> expected) {
        boolean incidental(long seq, int index) {
            for (long[] s : spans) {
                if (seq > s[0] && (s[1] == 0 || seq <= s[1])) return !expected.contains(EventLog.key(seq, index));
            }
            return false;
        }
    }

    private static final Map<Session, FlowRecorder> BY_SESSION = Collections.synchronizedMap(new WeakHashMap<>());

    private final Session session;
    private final Clock clock;
    private final List<Item> items = new ArrayList<>();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private final Consumer<InspectorEntry> events = this::came;
    /** The inspector's entry for the command being sent: the session writes it just before it tells the recorder. */
    private final ThreadLocal<Long> commandSeq = new ThreadLocal<>();
    private final Consumer<Command> commands = this::sent;
    private boolean on;
    private Instant started;
    private BarState atStart;
    private Set<String> farPlays;
    private final List<long[]> spans = new ArrayList<>();
    private final Set<Long> expected = new java.util.HashSet<>();

    private FlowRecorder(Session session) {
        this.session = session;
        this.clock = Clock.systemUTC();
    }

    /** The session's recorder (made on first use). */
    public static FlowRecorder of(Session session) {
        return BY_SESSION.computeIfAbsent(session, FlowRecorder::new);
    }

    /**
     * A flow run played a far-end or wait step, having heard of the inspector's entries up to {@code seenSeq}: a
     * recording of this session keeps the step as written.
     */
    static void played(Session session, Step step, long seenSeq) {
        FlowRecorder r = BY_SESSION.get(session);
        if (r != null) r.add(new Played(System.nanoTime(), 2 * seenSeq + 1, step));
    }

    static void runStarted(Session session, long seq) {
        FlowRecorder r = BY_SESSION.get(session);
        if (r != null) r.run(seq);
    }

    static void runEnded(Session session) {
        FlowRecorder r = BY_SESSION.get(session);
        if (r != null) r.endRun();
    }

    /** The events a step of a flow run expected and took. */
    static void matched(Session session, List<Long> keys) {
        FlowRecorder r = BY_SESSION.get(session);
        if (r != null && !keys.isEmpty()) r.expected(keys);
    }

    private synchronized void run(long seq) {
        if (on) spans.add(new long[]{seq, 0});
    }

    private synchronized void endRun() {
        if (!on || spans.isEmpty()) return;
        long[] last = spans.get(spans.size() - 1);
        if (last[1] == 0) last[1] = Long.MAX_VALUE - 1;
    }

    private synchronized void expected(List<Long> keys) {
        if (on) expected.addAll(keys);
    }

    /**
     * Starts a new recording (an earlier one is dropped).
     *
     * @param farEnd the simulator's far end, or null against the vendor's own system
     * @return false when a recording was already going on (it goes on)
     */
    public boolean start(FarEnd farEnd) {
        synchronized (this) {
            if (on) return false;
            items.clear();
            spans.clear();
            expected.clear();
            on = true;
            started = clock.instant();
            atStart = session.store().state();
            farPlays = farEnd == null ? null : farEnd.plays();
        }
        session.inspector().subscribe(events);
        session.addCommandListener(commands);
        changed();
        return true;
    }

    /** Stops and returns what was recorded; null when nothing was being recorded. */
    public Recording stop() {
        session.inspector().unsubscribe(events);
        session.removeCommandListener(commands);
        Recording r;
        synchronized (this) {
            if (!on) return null;
            on = false;
            boolean answers = session.connector().capabilities().supports(dev.unibar.core.command.CommandKind.ANSWER);
            r = new Recording(session.connector().vendor(), started, atStart, farPlays, answers, items, runs());
            items.clear();
        }
        changed();
        return r;
    }

    /** What was recorded so far, the recording going on; null when none is. */
    public synchronized Recording peek() {
        if (!on) return null;
        boolean answers = session.connector().capabilities().supports(dev.unibar.core.command.CommandKind.ANSWER);
        return new Recording(session.connector().vendor(), started, atStart, farPlays, answers, items, runs());
    }

    private Runs runs() {
        List<long[]> copy = new ArrayList<>();
        spans.forEach(s -> copy.add(s.clone()));
        return new Runs(copy, Set.copyOf(expected));
    }

    public synchronized boolean recording() {
        return on;
    }

    /** Commands and vendor messages recorded so far. */
    public synchronized int size() {
        return items.size();
    }

    /** Told (on any thread) whenever the recording starts, stops or grows. */
    public void watch(Runnable r) {
        watchers.add(r);
    }

    public void unwatch(Runnable r) {
        watchers.remove(r);
    }

    private void sent(Command c) {
        // A lookup's contact card is the bar's own doing, not the agent's.
        if (c instanceof Command.ContactCard) return;
        Long seq = commandSeq.get();
        commandSeq.remove();
        add(new Sent(System.nanoTime(), seq == null ? Long.MAX_VALUE : 2 * seq, c, session.store().state()));
    }

    private void came(InspectorEntry e) {
        if (e.kind() == InspectorEntry.Kind.COMMAND) commandSeq.set(e.seq());
        if (e.kind() == InspectorEntry.Kind.MAPPED && !e.events().isEmpty()) add(new Came(System.nanoTime(), 2 * e.seq(), e.events()));
    }

    private void add(Item i) {
        synchronized (this) {
            if (!on) return;
            items.add(i);
        }
        changed();
    }

    private void changed() {
        for (Runnable r : watchers) r.run();
    }
}
