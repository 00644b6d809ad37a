package dev.unibar.flow;

import java.time.Duration;
import java.util.List;

/**
 * How one step went: its time from start until its last expected event (or its failure), and on failure what
 * was wrong ({@code failure}, one or more lines) and every event that came during the step instead.
 */
public record StepResult(Step step, Status status, Duration elapsed, String failure, List<Received> received) {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** An event seen during a step, {@code offset} after the step began, as its CONTRACT JSON line. */
    public record Received(Duration offset, String json, boolean matched) {
    }

    public StepResult {
        received = received == null ? List.of() : List.copyOf(received);
    }

    public static StepResult skipped(Step s) {
        return new StepResult(s, Status.SKIPPED, Duration.ZERO, null, List.of());
    }
}
