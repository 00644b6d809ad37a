package dev.unibar.flow;

import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;

/**
 * How one step went: its time from start until its last expected event (or its failure), and on failure what
 * was wrong ({@code why}, one reason a line) and every event that came during the step instead. {@code start} is
 * when the step began, from the start of its flow; {@code limit} its time limit; {@code note} says why a step
 * passed without running ("already signed in"); {@code miss} is the expectation a failed step waited for in vain,
 * beside the event that came closest.
 */
public record StepResult(Step step, Status status, Duration elapsed, List<Reason> why, List<Received> received,
                         Duration start, Duration limit, Reason note, Miss miss) {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** An event seen during a step, {@code offset} after the step began, as its CONTRACT JSON line. */
    public record Received(Duration offset, String json, boolean matched) {
    }

    /** The expected event that never came, and the one of its type that came closest (null: none), with why not. */
    public record Miss(EventPattern expected, String closest, Reason problem) {
    }

    public StepResult {
        why = why == null ? List.of() : List.copyOf(why);
        received = received == null ? List.of() : List.copyOf(received);
        start = start == null ? Duration.ZERO : start;
        limit = limit == null ? step.within() : limit;
    }

    public StepResult(Step step, Status status, Duration elapsed, List<Reason> why, List<Received> received) {
        this(step, status, elapsed, why, received, Duration.ZERO, null, null, null);
    }

    public static StepResult skipped(Step s) {
        return new StepResult(s, Status.SKIPPED, Duration.ZERO, null, List.of());
    }

    /** The same result, begun {@code start} after its flow began. */
    StepResult at(Duration start) {
        return new StepResult(step, status, elapsed, why, received, start, limit, note, miss);
    }

    /** What was wrong, a line a reason, in English; null when nothing was. */
    public String failure() {
        return failure(Reason.english());
    }

    /** What was wrong, a line a reason, in the language of {@code words}; null when nothing was. */
    public String failure(ResourceBundle words) {
        if (why.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (Reason r : why) b.append(b.length() == 0 ? "" : "\n").append(r.text(words));
        return b.toString();
    }
}
