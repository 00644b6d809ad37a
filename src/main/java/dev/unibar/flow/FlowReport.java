package dev.unibar.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The result of one flow: each step's result in order, against what (a vendor's simulator or its config), and when. */
public record FlowReport(Flow flow, String vendor, boolean simulator, Instant started, Duration total, List<StepResult> steps) {

    public FlowReport {
        steps = List.copyOf(steps);
    }

    /** What the flow ran against: "ucs simulator", "epbx (config)". */
    public Reason target() {
        return Reason.of(simulator ? "report.target.simulator" : "report.target.config", vendor);
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == StepResult.Status.PASSED);
    }

    public long count(StepResult.Status status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}
