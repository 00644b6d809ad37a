package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report to look at: one self-contained HTML page (no script, no external file, font or image) with, per
 * flow, a timeline of its steps and of the events that arrived, each step's wait against its limit, and the
 * failed step's expected event beside the one that came closest. Everything that comes from a flow file or a
 * vendor (names, events, vendor texts) is escaped.
 */
public final class FlowHtml {

    private static final int WIDTH = 960;
    private static final int LABEL = 300;
    private static final int ROW = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowHtml() {
    }

    /** The page in English, as the command line writes it. */
    public static String of(List<FlowReport> reports) {
        return of(reports, Reason.english());
    }

    public static String of(List<FlowReport> reports, ResourceBundle words) {
        long passed = reports.stream().filter(FlowReport::passed).count();
        String lang = words.getLocale().toLanguageTag();
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(esc(lang.isEmpty() || lang.equals("und") ? "en" : lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(words.getString("html.title"))).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(esc(words.getString("html.title"))).append("</h1>\n<p class=\"summary\">")
                .append(esc(Reason.of("html.summary", reports.size(), passed, reports.size() - passed).text(words))).append("</p>\n");
        int n = 0;
        for (FlowReport r : reports) flow(b, r, ++n, words);
        return b.append("</body>\n</html>\n").toString();
    }

    /** A file name for a flow's report: its source's name, as .html. */
    public static String fileName(FlowReport r) {
        String src = r.flow().source();
        String base = src.substring(Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\')) + 1).replaceFirst("\\.ya?ml$", "");
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + "-report.html";
    }

    private static void flow(StringBuilder b, FlowReport r, int n, ResourceBundle words) {
        String status = r.passed() ? "passed" : "failed";
        b.append("<section class=\"flow ").append(status).append("\" id=\"flow-").append(n).append("\">\n<h2><span class=\"badge\">")
                .append(esc(words.getString("html.status." + status))).append("</span> ").append(esc(r.flow().name())).append("</h2>\n")
                .append("<p class=\"meta\">").append(esc(r.flow().source())).append(" · ").append(esc(r.target().text(words)))
                .append(" · ").append(esc(Reason.of("html.started", r.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).text(words))).append(" · ")
                .append(esc(Reason.of("html.total", Durations.show(r.total())).text(words))).append("</p>\n");
        timeline(b, r, words);
        b.append("<table class=\"steps\">\n<thead><tr><th>#</th><th>").append(esc(words.getString("html.col.status")))
                .append("</th><th>").append(esc(words.getString("html.col.step"))).append("</th><th>")
                .append(esc(words.getString("html.col.wait"))).append("</th><th>").append(esc(words.getString("html.col.events")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (StepResult s : r.steps()) step(b, s, words);
        b.append("</tbody>\n</table>\n</section>\n");
    }

    /** One row a step: its limit pale, its wait solid, and a dot for every event when it arrived. */
    private static void timeline(StringBuilder b, FlowReport r, ResourceBundle words) {
        double span = 1;
        for (StepResult s : r.steps()) {
            span = Math.max(span, ms(s.start()) + ms(s.elapsed()));
            for (StepResult.Received e : s.received()) span = Math.max(span, ms(s.start()) + ms(e.offset()));
        }
        span *= 1.02;
        int height = ROW * r.steps().size() + 30;
        double scale = (WIDTH - LABEL - 10) / span;
        b.append("<h3>").append(esc(words.getString("html.timeline"))).append("</h3>\n<svg class=\"timeline\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 4;
        for (StepResult s : r.steps()) {
            String cls = s.status().name().toLowerCase(Locale.ROOT);
            double x0 = LABEL + ms(s.start()) * scale;
            String label = s.step().number() + ". " + s.step().label();
            if (label.length() > 44) label = label.substring(0, 43) + "…";
            b.append("<g class=\"row ").append(cls).append("\"><title>").append(esc(s.step().number() + ". " + s.step().label()))
                    .append("</title><text x=\"4\" y=\"").append(y + 15).append("\">").append(esc(label)).append("</text>\n");
            if (s.status() != StepResult.Status.SKIPPED) {
                double limit = Math.min(WIDTH - 4 - x0, ms(s.limit()) * scale);
                b.append("<rect class=\"limit\" x=\"").append(f(x0)).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(f(Math.max(1, limit))).append("\" height=\"16\"/>\n<rect class=\"wait\" x=\"").append(f(x0))
                        .append("\" y=\"").append(y + 3).append("\" width=\"").append(f(Math.max(2, ms(s.elapsed()) * scale)))
                        .append("\" height=\"16\"/>\n");
                for (StepResult.Received e : s.received()) {
                    b.append("<circle class=\"").append(e.matched() ? "event matched" : "event").append("\" cx=\"")
                            .append(f(x0 + ms(e.offset()) * scale)).append("\" cy=\"").append(y + 11).append("\" r=\"4\"><title>+")
                            .append(e.offset().toMillis()).append(" ms ").append(esc(e.json())).append("</title></circle>\n");
                }
            }
            b.append("</g>\n");
            y += ROW;
        }
        for (int i = 0; i <= 4; i++) {
            double t = span * i / 4;
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            b.append("<text class=\"axis\" text-anchor=\"").append(anchor).append("\" x=\"").append(f(LABEL + t * scale))
                    .append("\" y=\"").append(height - 6).append("\">")
                    .append(esc(Durations.show(Duration.ofMillis(Math.round(t))))).append("</text>\n");
        }
        b.append("</svg>\n<p class=\"legend\">").append(esc(words.getString("html.legend"))).append("</p>\n");
    }

    private static void step(StringBuilder b, StepResult s, ResourceBundle words) {
        String cls = s.status().name().toLowerCase(Locale.ROOT);
        b.append("<tr class=\"").append(cls).append("\" id=\"step-").append(s.step().number()).append("\"><td>")
                .append(s.step().number()).append("</td><td class=\"status\">").append(esc(words.getString("html.status." + cls)))
                .append("</td><td>").append(esc(s.step().label())).append("</td><td>");
        if (s.note() != null) {
            b.append(esc(s.note().text(words)));
        } else if (s.status() != StepResult.Status.SKIPPED) {
            double ratio = Math.min(1, s.elapsed().toMillis() / (double) Math.max(1, s.limit().toMillis()));
            b.append("<div class=\"meter\"><span style=\"width:").append(Math.round(ratio * 100)).append("%\"></span></div>")
                    .append(esc(Reason.of("html.waitOf", Durations.show(s.elapsed()), Durations.show(s.limit())).text(words)));
        }
        b.append("</td><td>");
        events(b, s, words);
        b.append("</td></tr>\n");
        if (s.status() == StepResult.Status.FAILED) failure(b, s, words);
    }

    private static void events(StringBuilder b, StepResult s, ResourceBundle words) {
        if (s.received().isEmpty()) {
            b.append("<span class=\"none\">").append(esc(words.getString("html.noEvents"))).append("</span>");
            return;
        }
        b.append(s.status() == StepResult.Status.FAILED ? "<details open>" : "<details>").append("<summary>")
                .append(esc(Reason.of("html.eventCount", s.received().size()).text(words))).append("</summary><ol class=\"events\">");
        for (StepResult.Received e : s.received()) {
            b.append("<li").append(e.matched() ? " class=\"matched\"" : "").append("><span class=\"at\">+").append(e.offset().toMillis())
                    .append(" ms</span> <code>").append(esc(e.json())).append("</code></li>");
        }
        b.append("</ol></details>");
    }

    /** The failed step: what was wrong, and the expected event beside the closest one that came. */
    private static void failure(StringBuilder b, StepResult s, ResourceBundle words) {
        b.append("<tr class=\"failure\"><td></td><td colspan=\"4\"><ul class=\"why\">");
        for (Reason r : s.why()) b.append("<li>").append(esc(r.text(words))).append("</li>");
        b.append("</ul>");
        StepResult.Miss m = s.miss();
        if (m != null) {
            b.append("<div class=\"compare\"><div><h4>").append(esc(words.getString("html.expected"))).append("</h4><pre>")
                    .append(esc(Reason.of("html.atLine", m.expected().line()).text(words))).append('\n')
                    .append(esc(m.expected().describe())).append("</pre></div><div><h4>")
                    .append(esc(words.getString("html.closest"))).append("</h4>");
            if (m.closest() == null) {
                b.append("<p class=\"none\">").append(esc(Reason.of("run.noEvent", m.expected().type()).text(words))).append("</p>");
            } else {
                b.append("<pre>").append(esc(pretty(m.closest()))).append("</pre><p class=\"diff\">")
                        .append(esc(m.problem().text(words))).append("</p>");
            }
            b.append("</div></div>");
        }
        b.append("</td></tr>\n");
    }

    private static String pretty(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** HTML text and attribute values: as XML text (HTML5 reads {@code &apos;} too), control characters dropped. */
    static String esc(String s) {
        return s == null ? "" : JUnitXml.esc(s);
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d1d1f;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 2px}h3{font-size:14px;margin:12px 0 4px}
            .summary{color:#555;margin:0 0 16px}.meta{color:#555;margin:0 0 8px;font-size:13px}
            section.flow{border:1px solid #ddd;border-left:6px solid #2e7d32;border-radius:6px;padding:12px 16px;margin:0 0 20px}
            section.flow.failed{border-left-color:#c62828}
            .badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;color:#fff;background:#2e7d32;vertical-align:2px}
            .failed .badge{background:#c62828}
            svg.timeline{max-width:100%;height:auto;background:#fafafa;border:1px solid #eee;border-radius:4px}
            svg text{font:12px system-ui,sans-serif;fill:#333}svg text.axis{fill:#777}
            rect.limit{fill:#e3e8ef}.row.passed rect.wait{fill:#66bb6a}.row.failed rect.wait{fill:#ef5350}
            .row.skipped text{fill:#999}circle.event{fill:#9e9e9e;stroke:#fff;stroke-width:1}circle.event.matched{fill:#1a237e}
            .legend{color:#666;font-size:12px;margin:2px 0 10px}
            table.steps{border-collapse:collapse;width:100%;font-size:13px}
            table.steps th,table.steps td{border-top:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            tr.passed td.status{color:#2e7d32}tr.failed td.status{color:#c62828;font-weight:bold}tr.skipped{color:#999}
            tr.failure td{background:#fff5f5}ul.why{margin:4px 0 8px;padding-left:18px}
            .meter{width:120px;height:8px;background:#e3e8ef;border-radius:4px;overflow:hidden;margin:3px 0}
            .meter span{display:block;height:100%;background:#66bb6a}tr.failed .meter span{background:#ef5350}
            ol.events{margin:4px 0;padding-left:20px}ol.events li{margin:1px 0}ol.events li.matched code{color:#1a237e;font-weight:bold}
            code,pre{font:12px ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all;white-space:pre-wrap}
            .at{color:#777}.none{color:#999}
            .compare{display:grid;grid-template-columns:1fr 1fr;gap:12px}.compare>div{border:1px solid #eee;border-radius:4px;padding:6px 10px;background:#fff}
            .compare h4{margin:0 0 4px;font-size:13px}.diff{color:#c62828;margin:4px 0 0}
            """;
}
