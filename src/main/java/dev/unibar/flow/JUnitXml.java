package dev.unibar.flow;

import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for CI systems: one {@code testsuite} a flow, one {@code testcase} a step (its number and label),
 * a failed step's whole report in its {@code failure} element, skipped steps as {@code skipped}.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String of(List<FlowReport> reports) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = 0;
        long failures = 0;
        long skipped = 0;
        double time = 0;
        for (FlowReport r : reports) {
            tests += r.steps().size();
            failures += r.count(StepResult.Status.FAILED);
            skipped += r.count(StepResult.Status.SKIPPED);
            time += r.total().toMillis() / 1000.0;
        }
        b.append("<testsuites name=\"unibar flows\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" skipped=\"").append(skipped).append("\" time=\"").append(seconds(time)).append("\">\n");
        for (FlowReport r : reports) suite(b, r);
        return b.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder b, FlowReport r) {
        String suite = r.flow().source();
        b.append("  <testsuite name=\"").append(esc(r.flow().name())).append("\" tests=\"").append(r.steps().size())
                .append("\" failures=\"").append(r.count(StepResult.Status.FAILED)).append("\" errors=\"0\" skipped=\"")
                .append(r.count(StepResult.Status.SKIPPED)).append("\" time=\"").append(seconds(r.total().toMillis() / 1000.0))
                .append("\" timestamp=\"").append(r.started().toString().replaceAll("\\.\\d+Z$", "Z")).append("\">\n");
        b.append("    <properties><property name=\"target\" value=\"").append(esc(r.target().toString())).append("\"/></properties>\n");
        for (StepResult s : r.steps()) {
            b.append("    <testcase classname=\"").append(esc(suite)).append("\" name=\"")
                    .append(esc(String.format(Locale.ROOT, "%02d %s", s.step().number(), s.step().label())))
                    .append("\" time=\"").append(seconds(s.elapsed().toMillis() / 1000.0)).append('"');
            switch (s.status()) {
                case PASSED -> b.append(s.note() == null ? "/>\n"
                        : ">\n      <system-out>" + esc(s.note().toString()) + "</system-out>\n    </testcase>\n");
                case SKIPPED -> b.append(">\n      <skipped message=\"an earlier step failed\"/>\n    </testcase>\n");
                case FAILED -> {
                    String first = s.failure().split("\n", 2)[0];
                    StringBuilder detail = new StringBuilder(s.failure()).append('\n');
                    for (StepResult.Received e : s.received()) {
                        detail.append(e.matched() ? "* " : "  ").append('+').append(e.offset().toMillis()).append(" ms  ")
                                .append(e.json()).append('\n');
                    }
                    b.append(">\n      <failure message=\"").append(esc(first)).append("\" type=\"FlowStepFailed\">")
                            .append(esc(detail.toString())).append("</failure>\n    </testcase>\n");
                }
            }
        }
        b.append("  </testsuite>\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 text: the five entities, and control characters (other than tab and newline) left out. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
