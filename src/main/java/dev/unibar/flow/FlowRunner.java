package dev.unibar.flow;

import dev.unibar.core.Failures;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a flow against a running session: agent steps go through {@link Session#send} (the same commands and
 * guard as the bar's buttons), far-end steps go to the simulator's {@link FarEnd}, and after each step the
 * expected events must arrive in order (others may come between) within its time limit. The first failed step
 * ends the run; the rest are reported as skipped. Against a live vendor ({@link Mode#CONFIG}) the far end is a
 * person or the vendor's test tools: far-end steps are announced and only awaited.
 */
public final class FlowRunner {

    public enum Mode { SIMULATOR, CONFIG }

    /** How long a person at the far end gets for a far-end step against a live vendor, at least. */
    public static final Duration PERSON_TIME = Duration.ofMinutes(2);

    /** Progress, for the bar's flow window and the command line; called on the runner's thread. */
    public interface Listener {
        default void started(Step step) {
        }

        default void finished(StepResult result) {
        }

        /** Against a live vendor: what the person at the far end should do now. */
        default void farEndPrompt(Step step) {
        }

        /**
         * The flow signs in differently from how the bar is signed in ({@code why}): true to sign out and start
         * over, false to run as it is (the step then fails saying what to do). Asked once a run, before the first
         * step, on the runner's thread; the answer may wait for a person.
         */
        default boolean startOver(Flow flow, List<Reason> why) {
            return false;
        }
    }

    private static final int SHOWN_EVENTS = 40;

    private final Session session;
    private final FarEnd farEnd;
    private final Mode mode;
    private final Listener listener;
    private final Clock clock;
    private volatile boolean cancelled;
    private EventLog early;
    private Function<String, String> env = System::getenv;
    /** The events the running step's expectations took (a recording of the run keeps these). */
    private final List<Long> matchedKeys = new ArrayList<>();

    public FlowRunner(Session session, FarEnd farEnd, Mode mode, Listener listener, Clock clock) {
        this.session = session;
        this.farEnd = farEnd;
        this.mode = mode;
        this.listener = listener == null ? new Listener() { } : listener;
        this.clock = clock;
    }

    /** Where {@code ${env:NAME}} in a step (a password) is read; the process environment unless set. */
    public FlowRunner environment(Function<String, String> env) {
        this.env = env;
        return this;
    }

    /** Stops a running flow at its next check; the current step fails as cancelled. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Records the session's events from now on, for a {@link #run} that comes later: call it before the session
     * starts when the flow's first step waits for what the session says on starting. Without it, a vendor page
     * that loads and registers quickly (MAX's acknowledgement) can say it before the run begins listening, and
     * the step waits for an event that already came.
     */
    public synchronized void recordFromNow() {
        if (early == null) early = new EventLog(session.inspector(), session.store());
    }

    public FlowReport run(Flow flow) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<StepResult> results = new ArrayList<>();
        Map<String, String> bindings = new HashMap<>();
        if (mode == Mode.SIMULATOR && farEnd != null) farEnd.quiet();
        EventLog recorded;
        synchronized (this) {
            recorded = early != null ? early : new EventLog(session.inspector(), session.store());
            early = null;
        }
        try (EventLog log = recorded) {
            // A recording of this session keeps the simulator's part as written; the first step owns what the
            // session says from now on (a restarted start), as the first step's expectations do.
            if (mode == Mode.SIMULATOR) FlowRecorder.runStarted(session, log.lastSeq());
            if (!flow.steps().isEmpty()) announce(flow.steps().get(0), log);
            restartIfRehearsingTheStart(flow, log);
            int leading = SessionSteps.leading(flow);
            List<Reason> before = beforeTheFirstStep(flow, leading);
            boolean startedOver = before == null;
            boolean failed = false;
            for (Step step : flow.steps()) {
                if (failed) {
                    results.add(StepResult.skipped(step));
                    continue;
                }
                listener.started(step);
                Duration at = Duration.ofNanos(System.nanoTime() - t0);
                StepResult r;
                if (before != null && !before.isEmpty()) {
                    r = failed(step, System.nanoTime(), before, log, log.size(), List.of(), null);
                } else {
                    SessionSteps.Check c = results.size() < leading && !startedOver
                            ? SessionSteps.check(step, session.store().state(), bindings) : SessionSteps.Check.RUN;
                    r = switch (c.verdict()) {
                        case SATISFIED -> new StepResult(step, StepResult.Status.PASSED, Duration.ZERO, null, null,
                                null, null, c.reason(), null);
                        case CONFLICT -> failed(step, System.nanoTime(), List.of(c.reason(), Reason.of("run.hint.startOver")),
                                log, log.size(), List.of(), null);
                        // The first step also sees what came before it, since recording began (see recordFromNow).
                        case RUN -> {
                            if (!results.isEmpty()) announce(step, log);
                            yield step(step, log, results.isEmpty() ? 0 : log.size(), bindings);
                        }
                    };
                }
                r = r.at(at);
                if (mode == Mode.SIMULATOR) FlowRecorder.matched(session, matchedKeys);
                matchedKeys.clear();
                results.add(r);
                listener.finished(r);
                failed = r.status() == StepResult.Status.FAILED;
            }
        }
        if (mode == Mode.SIMULATOR) FlowRecorder.runEnded(session);
        return new FlowReport(flow, session.connector().vendor(), mode == Mode.SIMULATOR, started,
                Duration.ofNanos(System.nanoTime() - t0), results);
    }

    private void announce(Step step, EventLog log) {
        if (mode == Mode.SIMULATOR && step.kind() != Step.Kind.AGENT) FlowRecorder.played(session, step, log.lastSeq());
    }

    /**
     * The agent's own state before the first step: a call on the line, or a sign-in other than the flow's (then
     * the listener is asked once whether to sign out and start over). Returns an empty list to run as it is,
     * null when the bar signed out to start over, or why the flow cannot begin.
     */
    private List<Reason> beforeTheFirstStep(Flow flow, int leading) {
        BarState s = session.store().state();
        if (!s.calls().isEmpty()) return List.of(Reason.of("run.callOnLine", s.calls().size()));
        List<Reason> conflicts = new ArrayList<>();
        Map<String, String> scratch = new HashMap<>();
        for (Step step : flow.steps().subList(0, leading)) {
            SessionSteps.Check c = SessionSteps.check(step, s, scratch);
            if (c.verdict() == SessionSteps.Verdict.CONFLICT) conflicts.add(Reason.of("read.step", step.number(), c.reason()));
        }
        if (conflicts.isEmpty() || !listener.startOver(flow, conflicts)) return List.of();
        Reason cannot = signOut(flow.steps().get(0).within());
        return cannot == null ? null : List.of(cannot);
    }

    /** Signs the agent out and waits until the vendor asks for a login again. */
    private Reason signOut(Duration within) {
        if (!Guard.allowed(session.connector().capabilities(), session.store().state(), CommandKind.LOGOUT)) {
            return Reason.of("run.cannotSignOut", session.connector().vendor());
        }
        long deadline = System.nanoTime() + within.toNanos();
        try {
            session.send(new Command.Logout()).toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
            while (session.store().state().phase() != SessionPhase.CREDENTIALS) {
                if (cancelled) return Reason.of("run.cancelled");
                if (System.nanoTime() > deadline) return Reason.of("run.signOutTimeout", Durations.show(within));
                Thread.sleep(10);
            }
            return null;
        } catch (ExecutionException | CancellationException e) {
            return Reason.of("run.refused", Failures.unwrap(e).getMessage());
        } catch (TimeoutException e) {
            return Reason.of("run.noTake", Durations.show(within));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reason.of("run.interrupted");
        }
    }

    /**
     * A flow whose first step only waits for {@code session.ready} rehearses the session's start (MAX's
     * registration). In the bar the session was ready long before Run: the connector, where it can, starts it
     * over, so the step sees the start happen rather than wait for one that is over.
     */
    private void restartIfRehearsingTheStart(Flow flow, EventLog log) {
        if (mode != Mode.SIMULATOR || flow.steps().isEmpty()) return;
        Step first = flow.steps().get(0);
        boolean rehearsesStart = first.kind() == Step.Kind.WAIT
                && first.expect().stream().anyMatch(p -> "session.ready".equals(p.type()));
        if (rehearsesStart && session.store().state().phase() == SessionPhase.READY && !log.any("session.ready")) {
            session.connector().restartSession();
        }
    }

    private StepResult step(Step step, EventLog log, int mark, Map<String, String> bindings) {
        long start = System.nanoTime();
        Duration within = step.within();
        try {
            switch (step.kind()) {
                case AGENT -> {
                    log.awaitStore(2_000);
                    agent(step, bindings, within);
                }
                case FAR -> {
                    if (mode == Mode.CONFIG) {
                        listener.farEndPrompt(step);
                        if (within.compareTo(PERSON_TIME) < 0) within = PERSON_TIME;
                    } else {
                        far(step);
                    }
                }
                case WAIT -> sleep(step.pause());
            }
        } catch (StepFailure f) {
            return failed(step, start, f.why, log, mark, List.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(step, start, List.of(Reason.of("run.interrupted")), log, mark, List.of(), null);
        }
        long deadline = System.nanoTime() + within.toNanos();
        List<Integer> matched = new ArrayList<>();
        int pos = mark;
        long lastMatch = System.nanoTime();
        for (EventPattern p : step.expect()) {
            int found = -1;
            try {
                while (found < 0) {
                    int size = log.size();
                    for (int i = pos; i < size && found < 0; i++) {
                        if (p.match(log.get(i).json(), bindings) == null) found = i;
                    }
                    if (found >= 0) break;
                    if (cancelled) return failed(step, start, List.of(Reason.of("run.cancelled")), log, mark, matched, null);
                    if (System.nanoTime() >= deadline) {
                        StepResult.Miss miss = closest(p, log, pos, bindings);
                        return failed(step, start, missed(p, within, miss, bindings), log, mark, matched, miss);
                    }
                    log.awaitMore(size, deadline);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(step, start, List.of(Reason.of("run.interrupted")), log, mark, matched, null);
            }
            matched.add(found);
            matchedKeys.add(log.get(found).key());
            lastMatch = log.get(found).nanos();
            pos = found + 1;
        }
        long end = step.expect().isEmpty() ? System.nanoTime() : lastMatch;
        return new StepResult(step, StepResult.Status.PASSED, Duration.ofNanos(Math.max(0, end - start)), null,
                received(log, mark, start, matched), null, within, null, null);
    }

    private void agent(Step step, Map<String, String> bindings, Duration within) throws StepFailure, InterruptedException {
        Command c;
        try {
            c = AgentCommands.of(step, session.store().state(), bindings, env);
        } catch (IllegalStateException e) {
            throw new StepFailure("run.agentStep", e.getMessage());
        }
        // An agent clicks when the button is enabled: wait for the guard to allow the command, as the bar would.
        long deadline = System.nanoTime() + within.toNanos();
        while (!Guard.allowed(session.connector().capabilities(), session.store().state(), c.kind())) {
            if (cancelled) throw new StepFailure("run.cancelled");
            if (System.nanoTime() > deadline) {
                BarState s = session.store().state();
                Reason notAllowed = Reason.of("run.notAllowed", step.action(), Durations.show(within), s.phase(), s.agentState());
                Reason hint = SessionSteps.hint(session.connector().capabilities(), s, c.kind(), session.connector().vendor());
                throw new StepFailure(hint == null ? List.of(notAllowed) : List.of(notAllowed, hint));
            }
            Thread.sleep(10);
        }
        try {
            session.send(c).toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
            throw new StepFailure("run.refused", Failures.unwrap(e).getMessage());
        } catch (TimeoutException e) {
            throw new StepFailure("run.noTake", Durations.show(within));
        }
    }

    private void far(Step step) throws StepFailure {
        if (farEnd == null) throw new StepFailure("run.noFarEnd");
        try {
            FarSteps.play(farEnd, step);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("run.unknownFar", step.action());
        } catch (RuntimeException e) {
            throw new StepFailure("run.simFailed", e.getMessage());
        }
    }

    private void sleep(Duration d) throws InterruptedException, StepFailure {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (cancelled) throw new StepFailure("run.cancelled");
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** The first event of the expected type since {@code from}, with the first key that differed. */
    private static StepResult.Miss closest(EventPattern p, EventLog log, int from, Map<String, String> bindings) {
        for (EventLog.Entry e : log.since(from)) {
            if (p.type() != null && p.type().equals(e.json().path("type").asText())) {
                EventPattern.Mismatch m = p.match(e.json(), new HashMap<>(bindings));
                if (m != null) return new StepResult.Miss(p, e.json().toString(), m.reason());
            }
        }
        return new StepResult.Miss(p, null, null);
    }

    /** What was expected, what came closest (the same type, with the first key that differed), and when. */
    private static List<Reason> missed(EventPattern p, Duration within, StepResult.Miss miss, Map<String, String> bindings) {
        List<Reason> why = new ArrayList<>();
        why.add(Reason.of("run.expected", p.line(), p.describe(), Durations.show(within)));
        why.add(miss.closest() != null ? Reason.of("run.cameClose", p.type(), miss.problem()) : Reason.of("run.noEvent", p.type()));
        if (!bindings.isEmpty()) why.add(Reason.of("run.bound", new java.util.TreeMap<>(bindings)));
        return why;
    }

    private StepResult failed(Step step, long start, List<Reason> why, EventLog log, int mark, List<Integer> matched,
                              StepResult.Miss miss) {
        return new StepResult(step, StepResult.Status.FAILED, Duration.ofNanos(System.nanoTime() - start), why,
                received(log, mark, start, matched), null, null, null, miss);
    }

    private static List<StepResult.Received> received(EventLog log, int mark, long start, List<Integer> matched) {
        List<StepResult.Received> out = new ArrayList<>();
        List<EventLog.Entry> since = log.since(mark);
        for (int i = 0; i < since.size() && out.size() < SHOWN_EVENTS; i++) {
            EventLog.Entry e = since.get(i);
            out.add(new StepResult.Received(Duration.ofNanos(Math.max(0, e.nanos() - start)), e.json().toString(),
                    matched.contains(mark + i)));
        }
        return out;
    }

    private static final class StepFailure extends Exception {
        final List<Reason> why;

        StepFailure(String key, Object... args) {
            this(List.of(Reason.of(key, args)));
        }

        StepFailure(List<Reason> why) {
            super(why.get(0).key(), null, false, false);
            this.why = why;
        }
    }
}
