package dev.unibar.flow;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The report a person reads: one line a step with its time, and under a failed step what was expected, what
 * came closest and every event that came instead (a {@code *} marks the ones that matched earlier patterns).
 * The command line prints it in English; the bar's flow window in the agent's language.
 */
public final class ReportText {

    private ReportText() {
    }

    public static String of(FlowReport r) {
        return of(r, Reason.english());
    }

    public static String of(FlowReport r, ResourceBundle words) {
        StringBuilder b = new StringBuilder();
        b.append(Reason.of("report.header", r.flow().name(), r.flow().source(), r.target()).text(words)).append('\n');
        int width = 0;
        for (StepResult s : r.steps()) width = Math.max(width, s.step().label().length());
        width = Math.min(width, 90);
        String ok = words.getString("report.ok");
        String fail = words.getString("report.fail");
        String skip = words.getString("report.skip");
        int markWidth = Math.max(ok.length(), Math.max(fail.length(), skip.length()));
        for (StepResult s : r.steps()) {
            String mark = switch (s.status()) {
                case PASSED -> ok;
                case FAILED -> fail;
                case SKIPPED -> skip;
            };
            String label = s.step().label();
            if (label.length() > 90) label = label.substring(0, 89) + "…";
            b.append("  ").append(String.format("%-" + markWidth + "s %2d  %-" + width + "s", mark, s.step().number(), label));
            if (s.note() != null) {
                b.append("  ").append(s.note().text(words));
            } else if (s.status() != StepResult.Status.SKIPPED) {
                b.append("  ").append(Durations.show(s.elapsed()));
            }
            b.append('\n');
            if (s.status() == StepResult.Status.FAILED) {
                b.append("        ").append(Reason.of("report.stepAtLine", s.step().line()).text(words)).append('\n');
                for (String line : s.failure(words).split("\n")) b.append("        ").append(line).append('\n');
                appendReceived(b, s.received(), words);
            }
        }
        long passed = r.count(StepResult.Status.PASSED);
        int all = r.steps().size();
        b.append(Reason.of(r.passed() ? "report.passed" : "report.failed", passed, all).text(words));
        long failed = r.count(StepResult.Status.FAILED);
        long skipped = r.count(StepResult.Status.SKIPPED);
        if (failed > 0) b.append(Reason.of("report.failedCount", failed).text(words));
        if (skipped > 0) b.append(Reason.of("report.skippedCount", skipped).text(words));
        b.append(" (").append(Durations.show(r.total())).append(")\n");
        return b.toString();
    }

    private static void appendReceived(StringBuilder b, List<StepResult.Received> received, ResourceBundle words) {
        if (received.isEmpty()) {
            b.append("        ").append(words.getString("report.noEvents")).append('\n');
            return;
        }
        Reason head = received.size() == 1 ? Reason.of("report.cameInstead.one") : Reason.of("report.cameInstead.many", received.size());
        b.append("        ").append(head.text(words)).append('\n');
        for (StepResult.Received e : received) {
            b.append(e.matched() ? "        * " : "          ").append(String.format("%8s  ", "+" + e.offset().toMillis() + " ms"))
                    .append(e.json()).append('\n');
        }
    }
}
