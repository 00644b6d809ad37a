package dev.unibar.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: start-up of the bar beside the smallest JavaFX window, measured side by side in one run on
 * one display (an X server: {@code DISPLAY}, or an Xvfb this starts). Each round starts, in turn, the
 * floor ({@link StartupFloor}: a Stage with one Label, JavaFX on the module path), the bar from the class
 * path ({@code java -jar target/unibar.jar}, demo mode, a fresh home) and, if there is one, the bar's
 * installed or packaged app image ({@code -Dbench.image=DIR}, default {@code /opt/unibar}, else
 * {@code target/installer/Unibar}; several, comma-separated, to compare images in one run;
 * {@code -Dbench.classpath=false} leaves out the class-path bar; each given image gets its AppCDS archive
 * made again for the path it is at). Per process it records, in ms since the
 * parent started it:
 * <ul>
 * <li>visible: the window's first frame;</li>
 * <li>interactive: the first input accepted: once the process has reported its first frame, {@code xdotool}
 *     looks for the window and clicks into it every 25 ms, and the process notes the first press it
 *     receives (looking earlier forked xdotool every 25 ms while the JVMs started, which slowed them);</li>
 * <li>connected: the bar's vendor page connected to the demo simulator.</li>
 * </ul>
 * Besides the medians it prints the median of the per-round ratios (bar / floor of the same round), which
 * a machine whose load changes during the run disturbs less.
 * Needs Xvfb (unless DISPLAY is set) and xdotool. Run after {@code mvn package}:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.StartupBenchmark [-Dbench.rounds=5]</pre>
 */
public final class StartupBenchmark {

    private static final String[] MARKS = {"visible", "interactive", "connected"};

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("target/unibar.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("run mvn package first (no " + jar + ")");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Path> images = images(root);
        boolean classPath = !"false".equals(System.getProperty("bench.classpath"));

        XDisplay x = XDisplay.open();
        String display = x.name;
        Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
        String loadBefore = loadAverage();
        try {
            for (int r = 0; r < rounds; r++) {
                run(results, "JavaFX floor (Label, module path)", display, floor(java, root), "^StartupFloor$");
                if (classPath) {
                    run(results, "Unibar (java -jar, class path)", display,
                            List.of(java, "-jar", jar.toString()), "^Unibar");
                }
                for (Path image : images) {
                    run(results, "Unibar (app image " + image + ")", display,
                            List.of(image.resolve("bin/Unibar").toString()), "^Unibar");
                }
            }
        } finally {
            x.close();
        }
        print(results, rounds);
        // The ratios hold only for one machine state: say which one.
        System.out.printf(Locale.ROOT, "load average (1, 5, 15 min): before %s, after %s%n", loadBefore, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> floor(String java, Path root) throws IOException {
        List<String> fx = new ArrayList<>();
        try (var s = Files.list(root.resolve("target/lib"))) {
            s.filter(p -> p.getFileName().toString().startsWith("javafx-")).forEach(p -> fx.add(p.toString()));
        }
        return List.of(java, "--module-path", String.join(File.pathSeparator, fx), "--add-modules", "javafx.controls",
                "-cp", root.resolve("target/test-classes").toString(), StartupFloor.class.getName());
    }

    private static void run(Map<String, List<Map<String, Long>>> results, String name, String display,
                            List<String> command, String title) throws Exception {
        Path tmp = Files.createTempDirectory("unibar-startup");
        Path trace = tmp.resolve("trace.txt");
        List<String> cmd = new ArrayList<>(command);
        long t0 = System.currentTimeMillis();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("DISPLAY", display);
        String props = freshUser(pb.environment(), tmp) + " -Dunibar.startup.trace=" + trace + " -Dunibar.startup.t0=" + t0;
        if (command.get(0).endsWith("/bin/Unibar")) {
            pb.environment().put("JAVA_TOOL_OPTIONS", props);
        } else {
            cmd.addAll(1, List.of(props.split(" ")));
            pb.command(cmd);
        }
        Process p = pb.start();
        String window = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Map<String, Long> m = read(trace);
            boolean floor = title.contains("Floor");
            if (m.containsKey("interactive") && (floor || m.containsKey("connected"))) break;
            // The probe forks xdotool; doing that every 25 ms from the start took CPU the starting JVM needed on
            // a two-core machine (it added about 0.9 s to the bar and 0.2 s to the floor). It waits for the
            // window's first frame instead, which the trace file reports, and only then looks for the window.
            if (m.containsKey("visible") && !m.containsKey("interactive")) {
                if (window == null) window = xdotool(display, "search", "--onlyvisible", "--name", title);
                if (window != null) xdotool(display, "mousemove", "--window", window, "500", "36", "click", "1");
            }
            Thread.sleep(25);
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        Map<String, Long> m = read(trace);
        if (m.isEmpty()) {
            System.err.println(name + ": no marks; output: " + Files.readString(tmp.resolve("out.txt")));
        }
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
        System.err.println(name + ": " + m);
    }

    /**
     * Makes the started bar a fresh user's: demo mode, nothing remembered, and no running bar to hand its start
     * over to. HOME alone is not enough: the JDK takes user.home from the password database, and the bar keeps
     * its state (the single-instance channel among it) under XDG_STATE_HOME or user.home. Returns the JVM
     * option to add.
     */
    static String freshUser(Map<String, String> env, Path tmp) {
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.put("XDG_DATA_HOME", tmp.resolve("data").toString());
        env.remove("UNIBAR_CONFIG");
        return "-Duser.home=" + tmp;
    }

    private static String xdotool(String display, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("xdotool"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        if (p.exitValue() != 0 || out.isEmpty()) return null;
        return out.lines().findFirst().orElse(null);
    }

    static Map<String, Long> read(Path trace) throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(trace)) return m;
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) m.put(kv[0], Long.parseLong(kv[1]));
        }
        return m;
    }

    private static void print(Map<String, List<Map<String, Long>>> results, int rounds) {
        System.out.printf(Locale.ROOT, "%nStart-up, %d rounds, median (min–max) ms after the process was started%n", rounds);
        System.out.printf(Locale.ROOT, "%-58s %-20s %-20s %-20s%n", "", MARKS[0], MARKS[1], MARKS[2]);
        Map<String, Long> floor = null;
        List<Map<String, Long>> floorRuns = List.of();
        for (var e : results.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-58s", e.getKey()));
            Map<String, Long> medians = new LinkedHashMap<>();
            for (String mark : MARKS) {
                List<Long> v = new ArrayList<>();
                for (Map<String, Long> run : e.getValue()) if (run.containsKey(mark)) v.add(run.get(mark));
                if (v.isEmpty()) {
                    row.append(String.format(Locale.ROOT, " %-20s", "–"));
                    continue;
                }
                Collections.sort(v);
                long med = v.get(v.size() / 2);
                medians.put(mark, med);
                row.append(String.format(Locale.ROOT, " %-20s", med + " (" + v.get(0) + "–" + v.get(v.size() - 1) + ")"));
            }
            System.out.println(row);
            if (floor == null) {
                floor = medians;
                floorRuns = e.getValue();
            } else {
                for (String mark : new String[]{"visible", "interactive"}) {
                    if (floor.containsKey(mark) && medians.containsKey(mark)) {
                        System.out.printf(Locale.ROOT, "    %s / floor, %s: %.2f (median of per-round ratios %s)%n",
                                e.getKey(), mark, medians.get(mark) / (double) floor.get(mark),
                                pairedRatio(floorRuns, e.getValue(), mark));
                    }
                }
            }
        }
    }

    /** Round i of the bar against round i of the floor: both ran back to back under the same load. */
    private static String pairedRatio(List<Map<String, Long>> floor, List<Map<String, Long>> bar, String mark) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(floor.size(), bar.size()); i++) {
            Long f = floor.get(i).get(mark);
            Long b = bar.get(i).get(mark);
            if (f != null && b != null && f > 0) r.add(b / (double) f);
        }
        if (r.isEmpty()) return "–";
        Collections.sort(r);
        return String.format(Locale.ROOT, "%.2f, %.2f–%.2f", r.get(r.size() / 2), r.get(0), r.get(r.size() - 1));
    }

    private static List<Path> images(Path root) throws IOException, InterruptedException {
        String prop = System.getProperty("bench.image");
        List<Path> out = new ArrayList<>();
        if (prop != null) {
            for (String s : prop.split(",")) if (!s.isBlank()) out.add(Path.of(s.trim()).toAbsolutePath());
            for (Path image : out) archiveFor(image);
            return out;
        }
        for (Path p : new Path[]{Path.of("/opt/unibar"), root.resolve("target/installer/Unibar")}) {
            if (Files.isExecutable(p.resolve("bin/Unibar"))) return List.of(p);
        }
        return out;
    }

    /**
     * On JDK 17 an AppCDS archive holds the absolute class path it was made with: an image copied elsewhere
     * (an older build kept for comparison) starts without it, about 0.6 s slower here. Its archive is made
     * again for the path it now has, as its installer does (packaging/linux/cds-dump.sh).
     */
    static void archiveFor(Path image) throws IOException, InterruptedException {
        Path dump = image.resolve("lib/app/cds-dump.sh");
        if (!Files.isRegularFile(dump) || !Files.isWritable(image.resolve("lib/app"))) return;
        Process p = new ProcessBuilder("sh", dump.toString(), image.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(5, TimeUnit.MINUTES);
        System.err.println(image + ": AppCDS archive " + (Files.isRegularFile(image.resolve("lib/app/unibar.jsa"))
                ? "made for this path" : "could not be made; it starts without one"));
    }

    static String freeDisplay() {
        for (int n = 80; n < 120; n++) {
            if (!new File("/tmp/.X11-unix/X" + n).exists() && !new File("/tmp/.X" + n + "-lock").exists()) return ":" + n;
        }
        throw new IllegalStateException("no free X display");
    }
}
