package dev.unibar.flow;

import java.util.List;

/**
 * The report a person reads: one line a step with its time, and under a failed step what was expected, what
 * came closest and every event that came instead (a {@code *} marks the ones that matched earlier patterns).
 */
public final class ReportText {

    private ReportText() {
    }

    public static String of(FlowReport r) {
        StringBuilder b = new StringBuilder();
        b.append("flow: ").append(r.flow().name()).append(" (").append(r.flow().source()).append(") against the ")
                .append(r.target()).append('\n');
        int width = 0;
        for (StepResult s : r.steps()) width = Math.max(width, s.step().label().length());
        width = Math.min(width, 90);
        for (StepResult s : r.steps()) {
            String mark = switch (s.status()) {
                case PASSED -> "  ok  ";
                case FAILED -> "  FAIL";
                case SKIPPED -> "  skip";
            };
            String label = s.step().label();
            if (label.length() > 90) label = label.substring(0, 89) + "…";
            b.append(mark).append(String.format(" %2d  %-" + width + "s", s.step().number(), label));
            if (s.status() != StepResult.Status.SKIPPED) b.append("  ").append(Durations.show(s.elapsed()));
            b.append('\n');
            if (s.status() == StepResult.Status.FAILED) {
                b.append("        step at line ").append(s.step().line()).append('\n');
                for (String line : s.failure().split("\n")) b.append("        ").append(line).append('\n');
                appendReceived(b, s.received());
            }
        }
        long passed = r.count(StepResult.Status.PASSED);
        b.append(r.passed() ? "PASSED" : "FAILED").append(": ").append(passed).append(" of ").append(r.steps().size())
                .append(" steps passed");
        long failed = r.count(StepResult.Status.FAILED);
        long skipped = r.count(StepResult.Status.SKIPPED);
        if (failed > 0) b.append(", ").append(failed).append(" failed");
        if (skipped > 0) b.append(", ").append(skipped).append(" skipped");
        b.append(" (").append(Durations.show(r.total())).append(")\n");
        return b.toString();
    }

    private static void appendReceived(StringBuilder b, List<StepResult.Received> received) {
        if (received.isEmpty()) {
            b.append("        came instead: no event at all\n");
            return;
        }
        b.append("        came instead (").append(received.size()).append(" event").append(received.size() == 1 ? "" : "s")
                .append(" during the step):\n");
        for (StepResult.Received e : received) {
            b.append(e.matched() ? "        * " : "          ").append(String.format("%8s  ", "+" + e.offset().toMillis() + " ms"))
                    .append(e.json()).append('\n');
        }
    }
}
