package dev.unibar.bridge.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser process writes on its standard output and error: drained for its whole life (so it never blocks
 * on a full pipe), its first {@link #KEPT} bytes kept, so that a browser that exits at start can say why (issue 21:
 * Chromium run as root without {@code --no-sandbox} prints one ERROR line and exits).
 */
final class BrowserOutput {

    static final int KEPT = 8 * 1024;
    /** Chromium's log line: {@code [pid:tid:date:LEVEL:file(line)] message}. */
    private static final Pattern CHROMIUM_LINE = Pattern.compile("^\\[[^\\]]*:(ERROR|FATAL)(:[^\\]]*)?\\]\\s*(.+)$");

    private final byte[] kept = new byte[KEPT];
    private int size;
    private final Thread reader;

    private BrowserOutput(InputStream in) {
        reader = new Thread(() -> drain(in), "unibar-browser-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts draining {@code process}'s output (started with its error stream redirected to its output). */
    static BrowserOutput of(Process process) {
        return new BrowserOutput(process.getInputStream());
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (this) {
                    int take = Math.min(n, KEPT - size);
                    System.arraycopy(buf, 0, kept, size, take);
                    size += take;
                }
            }
        } catch (IOException gone) {
            // the process went; what was read is what there is
        }
    }

    /**
     * Why the browser exited, as it said it: its first ERROR or FATAL line, else its last line of text; empty when
     * it said nothing. Waits a moment for the last bytes of a process that has exited.
     */
    String reason() {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text;
        synchronized (this) {
            text = new String(kept, 0, size, StandardCharsets.UTF_8);
        }
        return reasonIn(text);
    }

    static String reasonIn(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\\R")) if (!l.isBlank()) lines.add(l.strip());
        for (String l : lines) {
            Matcher m = CHROMIUM_LINE.matcher(l);
            if (m.matches()) return m.group(3).strip();
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** "exited with 1: <what it said>" for a process that has exited; empty while it runs. */
    static String exitOf(Process p, BrowserOutput output) {
        if (p.isAlive()) return "";
        String why = output == null ? "" : output.reason();
        return "exited with " + p.exitValue() + (why.isEmpty() ? "" : ": " + why);
    }
}
