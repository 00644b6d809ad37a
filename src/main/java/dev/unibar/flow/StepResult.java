package dev.unibar.flow;

import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;

/**
 * How one step went: its time from start until its last expected event (or its failure), and on failure what
 * was wrong ({@code why}, one reason a line) and every event that came during the step instead.
 */
public record StepResult(Step step, Status status, Duration elapsed, List<Reason> why, List<Received> received) {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** An event seen during a step, {@code offset} after the step began, as its CONTRACT JSON line. */
    public record Received(Duration offset, String json, boolean matched) {
    }

    public StepResult {
        why = why == null ? List.of() : List.copyOf(why);
        received = received == null ? List.of() : List.copyOf(received);
    }

    public static StepResult skipped(Step s) {
        return new StepResult(s, Status.SKIPPED, Duration.ZERO, null, List.of());
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
