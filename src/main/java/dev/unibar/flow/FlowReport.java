package dev.unibar.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The result of one flow: each step's result in order, against what ({@code target}), and when. */
public record FlowReport(Flow flow, String target, Instant started, Duration total, List<StepResult> steps) {

    public FlowReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == StepResult.Status.PASSED);
    }

    public long count(StepResult.Status status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}
