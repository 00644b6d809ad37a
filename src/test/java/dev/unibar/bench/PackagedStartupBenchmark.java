package dev.unibar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: start-up of the installed bar against the true floor (issue 25). The floor is
 * {@link StartupFloor} packaged like the bar ({@link FloorImage}: the bar's jlinked runtime, launcher and JVM
 * options, an AppCDS archive of its own). Rounds alternate which of the two starts first. Per start it records,
 * in ms after the harness started the process:
 * <ul>
 * <li>window: the X server mapped the top-level window, seen from outside by {@code xev} on the root window
 *     (no polling, so the probe takes no CPU from the starting JVM);</li>
 * <li>frame: the window's first frame, as the process reports it (its start-up trace's {@code visible});</li>
 * <li>connected (bar only): the vendor page connected to the demo simulator (the trace's {@code connected},
 *     written when the bar's store first says CONNECTED);</li>
 * <li>the bar's other trace marks (main, toolkit, context, scene), to see where its time goes.</li>
 * </ul>
 * It prints each round with the load average, the medians, the median of the per-round ratios beside the goal
 * (≤ 1.00) and an exact signed-rank p-value over the rounds. Needs Xvfb (unless DISPLAY is set), xev, xdotool.
 * <pre>mvn -q package -DskipTests &amp;&amp; packaging/jpackage.sh app-image &amp;&amp; mvn -q test-compile exec:java
 *   -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.PackagedStartupBenchmark [-Dbench.rounds=11]
 *   [-Dbench.image=target/installer/Unibar] [-Dbench.barJvm="-Xlog:startuptime"]</pre>
 * {@code bench.barJvm} adds JVM options to the bar's starts only (JAVA_TOOL_OPTIONS), to try a change or to
 * profile it; {@code {n}} in them becomes the round's number (JDK 17's JFR has no {@code %p} in file names).
 */
public final class PackagedStartupBenchmark {

    private static final long GOAL_CONNECTED_MS = 1500;

    private PackagedStartupBenchmark() {
    }

    /** One start: marks in ms after the start, and the 1-minute load average just before it. */
    record Start(Map<String, Long> marks, String load) {
        Long get(String mark) {
            return marks.get(mark);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 11);
        Path root = Path.of("").toAbsolutePath();
        Path bar = Path.of(System.getProperty("bench.image", "target/installer/Unibar")).toAbsolutePath();
        if (!Files.isExecutable(bar.resolve("bin/Unibar"))) {
            throw new IllegalStateException("no app image at " + bar + " (packaging/jpackage.sh app-image)");
        }
        String barJvm = System.getProperty("bench.barJvm", "");
        List<Start> floors = new ArrayList<>();
        List<Start> bars = new ArrayList<>();
        String loadBefore = StartupBenchmark.loadAverage();
        try (XDisplay x = XDisplay.open()) {
            x.watch();
            StartupBenchmark.archiveFor(bar);
            Path floor = FloorImage.build(bar, root.resolve("target/startup-floor"), x.name);
            if (x.mappedSince(0).isEmpty()) throw new IllegalStateException("xev saw no window of the training start");
            System.err.println("floor image: " + floor + " (runtime " + floor.resolve("lib/runtime").toRealPath() + ")");
            for (int r = 0; r < rounds; r++) {
                boolean floorFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == floorFirst) {
                        floors.add(start(x, floor.resolve("bin/StartupFloor"), "StartupFloor", "visible", ""));
                    } else {
                        bars.add(start(x, bar.resolve("bin/Unibar"), "Unibar", "connected", barJvm.replace("{n}", "" + (r + 1))));
                    }
                }
                System.err.printf(Locale.ROOT, "round %d: floor %s, bar %s%n", r + 1, floors.get(r).marks(), bars.get(r).marks());
            }
        }
        print(floors, bars, barJvm);
        System.out.printf(Locale.ROOT, "load average (1, 5, 15 min): before %s, after %s%n", loadBefore,
                StartupBenchmark.loadAverage());
    }

    private static Start start(XDisplay x, Path launcher, String title, String until, String jvm)
            throws IOException, InterruptedException {
        String load = StartupBenchmark.loadAverage().split(" ")[0];
        Path tmp = Files.createTempDirectory("unibar-startup");
        Path trace = tmp.resolve("trace.txt");
        long t0 = System.currentTimeMillis();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", x.name);
        String user = StartupBenchmark.freshUser(env, tmp);
        env.put("JAVA_TOOL_OPTIONS", (user + " -Dunibar.startup.trace=" + trace + " -Dunibar.startup.t0=" + t0 + " " + jvm).trim());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && !StartupBenchmark.read(trace).containsKey(until)) {
            Thread.sleep(20);
        }
        Map<String, Long> marks = new LinkedHashMap<>();
        for (XDisplay.Mapped m : x.mappedSince(t0)) {
            if (x.title(m.window()).startsWith(title)) {
                marks.put("window", m.at() - t0);
                break;
            }
        }
        marks.putAll(StartupBenchmark.read(trace));
        Long frame = marks.remove("visible");
        if (frame != null) marks.put("frame", frame);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        if (marks.get(until.equals("visible") ? "frame" : until) == null) {
            System.err.println(title + ": no '" + until + "'; output: " + Files.readString(tmp.resolve("out.txt")));
        }
        FloorImage.delete(tmp);
        return new Start(marks, load);
    }

    private static List<Long> column(List<Start> starts, String mark) {
        List<Long> v = new ArrayList<>();
        for (Start s : starts) v.add(s.get(mark));
        return v;
    }

    private static void print(List<Start> floors, List<Start> bars, String barJvm) {
        int n = floors.size();
        System.out.printf(Locale.ROOT, "%nStart-up against the floor packaged alike, %d rounds (order alternates)%s%n", n,
                barJvm.isEmpty() ? "" : ", bar with " + barJvm);
        System.out.printf(Locale.ROOT, "%-6s %-7s %-22s %-28s %-14s %-14s%n", "round", "load", "floor window / frame",
                "bar window / frame / connected", "ratio window", "ratio frame");
        for (int i = 0; i < n; i++) {
            Start f = floors.get(i);
            Start b = bars.get(i);
            System.out.printf(Locale.ROOT, "%-6d %-7s %-22s %-28s %-14s %-14s%n", i + 1, f.load() + "/" + b.load(),
                    f.get("window") + " / " + f.get("frame"),
                    b.get("window") + " / " + b.get("frame") + " / " + b.get("connected"),
                    ratio(f.get("window"), b.get("window")), ratio(f.get("frame"), b.get("frame")));
        }
        for (String mark : new String[]{"window", "frame"}) {
            List<Double> r = RoundStats.ratios(column(floors, mark), column(bars, mark));
            List<Double> inverse = r.stream().map(v -> 1 / v).toList();
            System.out.printf(Locale.ROOT, "%s: floor %s ms, bar %s ms; median of per-round ratios %.2f× (%s), goal ≤ 1.00×;"
                            + " signed-rank p(bar later) = %.4f, p(bar sooner) = %.4f%n", mark,
                    summary(column(floors, mark)), summary(column(bars, mark)), RoundStats.median(r), range(r),
                    RoundStats.pBarLater(r), RoundStats.pBarLater(inverse));
        }
        List<Long> connected = column(bars, "connected");
        System.out.printf(Locale.ROOT, "vendor page connected (demo): %s ms, goal ≤ %d ms%n", summary(connected), GOAL_CONNECTED_MS);
        StringBuilder marks = new StringBuilder("bar's trace marks, median ms:");
        for (String mark : new String[]{"main", "toolkit", "context", "scene", "frame", "connected"}) {
            marks.append(' ').append(mark).append(' ').append(summary(column(bars, mark)).split(" ")[0]);
        }
        System.out.println(marks + "; floor's main " + summary(column(floors, "main")).split(" ")[0]);
    }

    private static String ratio(Long floor, Long bar) {
        return floor == null || bar == null || floor == 0 ? "–" : String.format(Locale.ROOT, "%.2f", bar / (double) floor);
    }

    private static String range(List<Double> r) {
        if (r.isEmpty()) return "–";
        return String.format(Locale.ROOT, "%.2f–%.2f", r.stream().min(Double::compare).get(), r.stream().max(Double::compare).get());
    }

    /** "median (min–max)" of the figures present, or "–". */
    private static String summary(List<Long> values) {
        List<Long> v = values.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (v.isEmpty()) return "–";
        return String.format(Locale.ROOT, "%.0f (%d–%d)", RoundStats.median(v), v.get(0), v.get(v.size() - 1));
    }
}
