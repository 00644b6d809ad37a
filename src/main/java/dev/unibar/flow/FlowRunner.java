package dev.unibar.flow;

import dev.unibar.core.Failures;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.Guard;
import dev.unibar.core.state.SessionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    }

    private static final int SHOWN_EVENTS = 40;

    private final Session session;
    private final FarEnd farEnd;
    private final Mode mode;
    private final Listener listener;
    private final Clock clock;
    private volatile boolean cancelled;
    private EventLog early;

    public FlowRunner(Session session, FarEnd farEnd, Mode mode, Listener listener, Clock clock) {
        this.session = session;
        this.farEnd = farEnd;
        this.mode = mode;
        this.listener = listener == null ? new Listener() { } : listener;
        this.clock = clock;
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
            restartIfRehearsingTheStart(flow, log);
            boolean failed = false;
            for (Step step : flow.steps()) {
                if (failed) {
                    results.add(StepResult.skipped(step));
                    continue;
                }
                listener.started(step);
                // The first step also sees what came before it, since recording began (see recordFromNow).
                StepResult r = step(step, log, results.isEmpty() ? 0 : log.size(), bindings);
                results.add(r);
                listener.finished(r);
                failed = r.status() == StepResult.Status.FAILED;
            }
        }
        return new FlowReport(flow, session.connector().vendor(), mode == Mode.SIMULATOR, started,
                Duration.ofNanos(System.nanoTime() - t0), results);
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
            return failed(step, start, f.why, log, mark, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(step, start, List.of(Reason.of("run.interrupted")), log, mark, List.of());
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
                    if (cancelled) return failed(step, start, List.of(Reason.of("run.cancelled")), log, mark, matched);
                    if (System.nanoTime() >= deadline) {
                        return failed(step, start, missed(step, p, within, log, pos, bindings), log, mark, matched);
                    }
                    log.awaitMore(size, deadline);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(step, start, List.of(Reason.of("run.interrupted")), log, mark, matched);
            }
            matched.add(found);
            lastMatch = log.get(found).nanos();
            pos = found + 1;
        }
        long end = step.expect().isEmpty() ? System.nanoTime() : lastMatch;
        return new StepResult(step, StepResult.Status.PASSED, Duration.ofNanos(Math.max(0, end - start)), null,
                received(log, mark, start, matched));
    }

    private void agent(Step step, Map<String, String> bindings, Duration within) throws StepFailure, InterruptedException {
        Command c;
        try {
            c = AgentCommands.of(step, session.store().state(), bindings);
        } catch (IllegalStateException e) {
            throw new StepFailure("run.agentStep", e.getMessage());
        }
        // An agent clicks when the button is enabled: wait for the guard to allow the command, as the bar would.
        long deadline = System.nanoTime() + within.toNanos();
        while (!Guard.allowed(session.connector().capabilities(), session.store().state(), c.kind())) {
            if (cancelled) throw new StepFailure("run.cancelled");
            if (System.nanoTime() > deadline) {
                throw new StepFailure("run.notAllowed", step.action(), Durations.show(within),
                        session.store().state().phase(), session.store().state().agentState());
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
            switch (step.action()) {
                case "inbound" -> farEnd.inboundCall(new FarEnd.InboundCall(step.text("from"), step.text("name"),
                        step.text("queue"), strings(step.map("data")), step.map("options")));
                case "campaign" -> {
                    Map<String, Object> customer = step.map("customer");
                    farEnd.campaignCall(new FarEnd.CampaignCall(step.text("to"), step.text("campaign"),
                            str(customer.get("name")), str(customer.get("id")), strings(step.map("data")), step.map("options")));
                }
                case "hangup" -> farEnd.customerHangsUp();
                case "colleague" -> farEnd.consultTarget(outcome(step));
                case "nextDial" -> farEnd.nextDial(outcome(step));
                case "waiting" -> farEnd.waitingCallers(Integer.parseInt(step.text("count").trim()));
                case "scenario" -> farEnd.scenario(step.text("name"), step.map("params"));
                default -> throw new StepFailure("run.unknownFar", step.action());
            }
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

    /** What was expected, what came closest (the same type, with the first key that differed), and when. */
    private static List<Reason> missed(Step step, EventPattern p, Duration within, EventLog log, int from,
                                       Map<String, String> bindings) {
        List<Reason> why = new ArrayList<>();
        why.add(Reason.of("run.expected", p.line(), p.describe(), Durations.show(within)));
        EventPattern.Mismatch closest = null;
        for (EventLog.Entry e : log.since(from)) {
            if (p.type() != null && p.type().equals(e.json().path("type").asText())) {
                closest = p.match(e.json(), new HashMap<>(bindings));
                if (closest != null) break;
            }
        }
        why.add(closest != null ? Reason.of("run.cameClose", p.type(), closest.reason()) : Reason.of("run.noEvent", p.type()));
        if (!bindings.isEmpty()) why.add(Reason.of("run.bound", new java.util.TreeMap<>(bindings)));
        return why;
    }

    private StepResult failed(Step step, long start, List<Reason> why, EventLog log, int mark, List<Integer> matched) {
        return new StepResult(step, StepResult.Status.FAILED, Duration.ofNanos(System.nanoTime() - start), why,
                received(log, mark, start, matched));
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

    private static FarEnd.Outcome outcome(Step s) {
        String o = s.text("outcome");
        return o == null ? FarEnd.Outcome.ANSWER : FarEnd.Outcome.valueOf(o.toUpperCase(Locale.ROOT));
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, String.valueOf(v));
        });
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static final class StepFailure extends Exception {
        final List<Reason> why;

        StepFailure(String key, Object... args) {
            super(key, null, false, false);
            why = List.of(Reason.of(key, args));
        }
    }
}
