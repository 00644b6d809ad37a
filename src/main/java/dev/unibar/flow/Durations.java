package dev.unibar.flow;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time limits as flows write them: {@code 500ms}, {@code 5s}, {@code 2m}, or a bare number of seconds. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException for anything else */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("expected a duration such as 500ms, 5s or 2m, got \"" + text + "\"");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            default -> n * 1000;
        };
        return Duration.ofMillis(Math.round(ms));
    }

    /** 850 ms, 4.2 s, 2 min 5 s. */
    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }
}
