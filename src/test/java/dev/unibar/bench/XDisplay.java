package dev.unibar.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The X display the start-up benchmarks start their windows on: {@code DISPLAY}, or an Xvfb of their own.
 * It can also watch the display from outside: {@code xev} on the root window reports every top-level window
 * the moment the X server maps it, without polling (forking a probe every few ms takes CPU the starting JVM
 * needs on two cores, decision 0026).
 */
final class XDisplay implements AutoCloseable {

    /** A top-level window was mapped: when (epoch ms, as the harness saw it) and its X id. */
    record Mapped(long at, String window) {
    }

    final String name;
    private final Process xvfb;
    private Process xev;
    private final List<Mapped> mapped = new ArrayList<>();

    private XDisplay(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static XDisplay open() throws IOException, InterruptedException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) return new XDisplay(display, null);
        display = StartupBenchmark.freeDisplay();
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Under load Xvfb can take longer than a fixed second: the first round then saw no display.
        File socket = new File("/tmp/.X11-unix/X" + display.substring(1));
        for (int i = 0; i < 100 && !socket.exists(); i++) Thread.sleep(100);
        Thread.sleep(200);
        return new XDisplay(display, xvfb);
    }

    /** Starts {@code xev} on the root window; {@link #mappedSince} then lists the windows mapped. */
    void watch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("stdbuf", "-oL", "xev", "-root", "-event", "substructure")
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", name);
        xev = pb.start();
        Thread reader = new Thread(() -> read(xev), "xev-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            boolean map = false;
            for (String line; (line = in.readLine()) != null; ) {
                long now = System.currentTimeMillis();
                if (line.startsWith("MapNotify event")) {
                    map = true;
                } else if (map) {
                    map = false;
                    // "    event 0x..., window 0x400030, override NO": pop-ups and tooltips are override YES.
                    int w = line.indexOf("window 0x");
                    if (w >= 0 && line.contains("override NO")) {
                        String id = line.substring(w + 7, line.indexOf(',', w));
                        synchronized (mapped) {
                            mapped.add(new Mapped(now, id));
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // xev ended with the display
        }
    }

    /** Top-level windows mapped at or after {@code t0} (epoch ms), in order. */
    List<Mapped> mappedSince(long t0) {
        synchronized (mapped) {
            return mapped.stream().filter(m -> m.at() >= t0).toList();
        }
    }

    /** The window's title, or "" once it is gone. Forks xdotool: call it after the measurement. */
    String title(String window) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("xdotool", "getwindowname", window).redirectErrorStream(true);
        pb.environment().put("DISPLAY", name);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? out : "";
    }

    @Override
    public void close() {
        if (xev != null) xev.destroy();
        if (xvfb != null) xvfb.destroy();
    }
}
