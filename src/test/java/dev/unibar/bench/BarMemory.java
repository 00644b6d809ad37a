package dev.unibar.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: what the bar's memory is, in demo mode (issue 25). Starts the bar as a user would (a fresh home:
 * demo mode) with {@code -XX:NativeMemoryTracking=summary}, waits until its vendor page has connected and then
 * {@code bench.settle} seconds, and prints the process's proportional set size (PSS) by what backs it (Linux
 * smaps: anonymous memory, WebKit's and the JVM's libraries, other libraries, the CDS archive, other files), the
 * JVM's own accounts ({@code jcmd VM.native_memory summary}: heap, metaspace, code cache, threads, GC…) and
 * the CPU the idle bar uses over {@code bench.idle} seconds. Anonymous memory that the JVM does not account for
 * is native memory of libraries: WebKit's heap, its JavaScript engine, Prism and fonts, and glibc's arenas.
 *
 * <pre>
 * mvn -q package -DskipTests &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.unibar.bench.BarMemory [-Dbench.image=target/installer/Unibar] \
 *     [-Dbench.settle=10] [-Dbench.idle=20] [-Dbench.jvm="-Djavafx.animation.pulse=240"] [-Dbench.env=MALLOC_ARENA_MAX=2] \
 *     [-Dbench.config=FILE] [-Dbench.nmt=false]
 * </pre>
 * NMT costs the bar a few MiB of its own (its tables and a header on every malloc of the JVM's); {@code
 * bench.nmt=false} leaves it out to measure the bar as it runs installed, without the JVM's accounts.
 * {@code bench.config} starts the bar with {@code --config FILE} instead of demo mode's defaults (e.g.
 * {@code demo: {vendor: max}} for browser mode); the PSS of the processes it starts (a browser) is printed apart.
 * Without {@code bench.image} it runs {@code java -jar target/unibar.jar} with the installed bar's JVM options
 * that bear on memory (those of packaging/jpackage.sh, listed in {@link #INSTALLED_OPTIONS}) and the environment the
 * Linux launcher sets ({@code MALLOC_ARENA_MAX}, packaging/linux/unibar-launcher.sh); {@code bench.jvm} adds options
 * after them (a later option wins) and {@code bench.env} sets variables ({@code NAME=VALUE,...}) in either mode.
 */
public final class BarMemory {

    /** The installed bar's JVM options that bear on memory (packaging/jpackage.sh's java_options). */
    static final List<String> INSTALLED_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-Xms64m", "-Xmn16m", "-XX:MetaspaceSize=64m");
    /** The installed bar's environment (packaging/linux/unibar-launcher.sh). */
    static final Map<String, String> INSTALLED_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    private static final String JAVA_HEAP = "Java heap (the part touched)";
    private static final String ANON = "other anonymous (metaspace, code, stacks, malloc)";
    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ ");
    private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_ROW = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    private BarMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        int settle = Integer.getInteger("bench.settle", 10);
        int idle = Integer.getInteger("bench.idle", 20);
        String image = System.getProperty("bench.image");
        String extra = System.getProperty("bench.jvm", "").trim();
        System.out.println("load before: " + Bench.load());

        Path tmp = Files.createTempDirectory("unibar-memory");
        Path trace = tmp.resolve("trace.txt");
        boolean nmt = !"false".equals(System.getProperty("bench.nmt"));
        String props = (nmt ? "-XX:NativeMemoryTracking=summary " : "") + "-Dunibar.startup.trace=" + trace
                + " -Dunibar.startup.t0=" + System.currentTimeMillis() + (extra.isEmpty() ? "" : " " + extra);
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder().redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        if (image != null) {
            cmd.add(Path.of(image).toAbsolutePath().resolve("bin/Unibar").toString());
            pb.environment().put("JAVA_TOOL_OPTIONS", props);
        } else {
            Path jar = root.resolve("target/unibar.jar");
            if (!Files.isRegularFile(jar)) throw new IllegalStateException("run mvn package first (no " + jar + ")");
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(INSTALLED_OPTIONS);
            pb.environment().putAll(INSTALLED_ENV);
            cmd.addAll(List.of(props.split(" ")));
            cmd.addAll(List.of("-jar", jar.toString()));
        }
        String config = System.getProperty("bench.config");
        if (config != null) cmd.addAll(List.of("--config", Path.of(config).toAbsolutePath().toString()));
        pb.command(cmd);
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = StartupBenchmark.freeDisplay();
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            File socket = new File("/tmp/.X11-unix/X" + display.substring(1));
            for (int i = 0; i < 100 && !socket.exists(); i++) Thread.sleep(100);
        }
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.put("HOME", tmp.toString()); // a fresh user: demo mode
        env.remove("XDG_CONFIG_HOME");
        env.remove("XDG_STATE_HOME");
        env.remove("UNIBAR_CONFIG");
        String extraEnv = System.getProperty("bench.env", "").trim();
        for (String kv : extraEnv.isEmpty() ? new String[0] : extraEnv.split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("bench.env: NAME=VALUE,... (not '" + kv + "')");
            env.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (!extraEnv.isEmpty()) extra = (extra + " " + extraEnv).trim();
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && !StartupBenchmark.read(trace).containsKey("connected")) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the bar did not connect; see " + tmp.resolve("out.txt"));
                Thread.sleep(100);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
            // An app image's launcher is the bar's JVM itself.
            long pid = p.pid();
            long cpu0 = cpuTicks(p.toHandle());
            Thread.sleep(TimeUnit.SECONDS.toMillis(idle));
            long cpu1 = cpuTicks(p.toHandle());
            report(pid, nmt, settle, idle, cpu1 - cpu0, image != null ? "app image " + image : "java -jar target/unibar.jar", extra);
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            if (xvfb != null) xvfb.destroy();
        }
        System.out.println("load after: " + Bench.load());
    }

    private static void report(long pid, boolean nmt, int settle, int idle, long cpuTicks, String what, String extra) throws Exception {
        List<String> heapInfo = jcmd(pid, "GC.heap_info");
        long[] heap = heapRange(heapInfo);
        Map<String, Long> pss = pssByBacking(pid, heap);
        long total = pss.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%nUnibar in demo mode (%s%s), %d s after its vendor page connected%n", what,
                extra.isEmpty() ? "" : ", " + extra, settle);
        System.out.printf(Locale.ROOT, "PSS %d MiB (private to the bar: %d MiB; the rest is its share of pages other processes map too), by what backs it:%n",
                total / 1024, privateKib(pid) / 1024);
        pss.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-46s %6d MiB%n", k, v / 1024));

        if (nmt) nmtReport(pid, pss.getOrDefault(ANON, 0L));
        for (String line : heapInfo) {
            if (line.contains("total") || line.contains("Metaspace") || line.contains("class space")) System.out.println("  " + line.trim());
        }
        printGcs(jcmd(pid, "PerfCounter.print"));
        List<ProcessHandle> children = ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
        if (!children.isEmpty()) {
            long kids = 0;
            for (ProcessHandle c : children) kids += rollupPss(c.pid());
            System.out.printf(Locale.ROOT, "Processes the bar started (%d): PSS %d MiB%n", children.size(), kids / 1024);
        }
        double seconds = cpuTicks / 100.0;
        System.out.printf(Locale.ROOT, "CPU while idle: %.2f s in %d s (%.1f %% of one core)%n", seconds, idle, 100.0 * seconds / idle);
    }

    /** Collections since start, young (collector 0) and full (collector 1), with their total pause. */
    private static void printGcs(List<String> counters) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String line : counters) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.startsWith("sun.")) {
                try {
                    c.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
                } catch (NumberFormatException text) {
                    // a string counter
                }
            }
        }
        double hz = c.getOrDefault("sun.os.hrt.frequency", 1_000_000_000L);
        System.out.printf(Locale.ROOT, "Collections since start: %d young (%.0f ms in all), %d full (%.0f ms in all)%n",
                c.getOrDefault("sun.gc.collector.0.invocations", 0L), 1000 * c.getOrDefault("sun.gc.collector.0.time", 0L) / hz,
                c.getOrDefault("sun.gc.collector.1.invocations", 0L), 1000 * c.getOrDefault("sun.gc.collector.1.time", 0L) / hz);
    }

    /** The JVM's own accounts, and the anonymous memory ({@code anon} KiB of PSS) they do not explain. */
    private static void nmtReport(long pid, long anon) throws IOException, InterruptedException {
        List<String> nmt = jcmd(pid, "VM.native_memory", "summary");
        long committed = 0;
        System.out.println("The JVM's own accounts (NMT, committed; committed is not all touched, PSS counts only what is):");
        for (String line : nmt) {
            String l = line.trim();
            Matcher t = NMT_TOTAL.matcher(l);
            if (t.find()) committed = Long.parseLong(t.group(2));
            Matcher r = NMT_ROW.matcher(l);
            if (r.find() && Long.parseLong(r.group(3)) >= 1024) {
                System.out.printf(Locale.ROOT, "  %-46s %6d MiB%n", r.group(1), Long.parseLong(r.group(3)) / 1024);
            }
        }
        System.out.printf(Locale.ROOT, "  %-46s %6d MiB%n", "total committed", committed / 1024);
        // The CDS archive is a file mapping, counted above under its own name.
        long heapCommitted = nmtCommitted(nmt, "Java Heap") + nmtCommitted(nmt, "Shared class space");
        System.out.printf(Locale.ROOT, "Other anonymous PSS beyond the JVM's committed non-heap memory (WebKit, Prism, fonts, glibc arenas): about %d MiB%n",
                Math.max(0, anon - (committed - heapCommitted)) / 1024);
    }

    /** The Java heap's reserved address range, from the generations' {@code [low, ..., high)} in GC.heap_info. */
    private static long[] heapRange(List<String> heapInfo) {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        Matcher m = Pattern.compile("\\[0x([0-9a-f]+),.*0x([0-9a-f]+)\\)").matcher("");
        for (String line : heapInfo) {
            if (line.contains("Metaspace") || line.contains("class space") || !m.reset(line).find()) continue;
            lo = Math.min(lo, Long.parseUnsignedLong(m.group(1), 16));
            hi = Math.max(hi, Long.parseUnsignedLong(m.group(2), 16));
        }
        return new long[]{lo, hi};
    }

    /** PSS in KiB by what backs each mapping; anonymous mappings inside {@code heap} are the Java heap. */
    private static Map<String, Long> pssByBacking(long pid, long[] heap) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(JAVA_HEAP, 0L);
        out.put(ANON, 0L);
        String current = null;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps"), StandardCharsets.ISO_8859_1)) {
            if (MAPPING.matcher(line).lookingAt()) {
                String[] f = line.trim().split("\\s+", 6);
                current = group(f.length == 6 ? f[5] : "");
                long start = Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
                if (current.equals(ANON) && start >= heap[0] && start < heap[1]) current = JAVA_HEAP;
            } else if (line.startsWith("Pss:") && current != null) {
                out.merge(current, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        return out;
    }

    private static String group(String path) {
        if (path.isEmpty() || path.startsWith("[heap]") || path.startsWith("[stack") || path.startsWith("[anon")) {
            return ANON;
        }
        if (path.contains("libjfxwebkit")) return "WebKit library (libjfxwebkit.so)";
        if (path.contains("libjvm")) return "JVM library (libjvm.so)";
        if (path.endsWith(".jsa")) return "CDS archive";
        if (path.contains(".so")) return "other native libraries";
        if (path.startsWith("[")) return "kernel mappings " + path;
        if (path.endsWith("/modules") || path.endsWith(".jar")) return "jars and the runtime's modules";
        if (path.startsWith("/memfd:") || path.startsWith("/dev/shm") || path.contains("(deleted)")) return "shared memory";
        return "other files";
    }

    /** Pages only this process maps, in KiB: unlike PSS, the same whatever else runs on the machine. */
    private static long privateKib(long pid) throws IOException {
        long kib = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
            if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return kib;
    }

    /** PSS in KiB of a process (0 if it has gone). */
    private static long rollupPss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

    private static long nmtCommitted(List<String> nmt, String category) {
        for (String line : nmt) {
            Matcher r = NMT_ROW.matcher(line.trim());
            if (r.find() && r.group(1).equals(category)) return Long.parseLong(r.group(3));
        }
        return 0;
    }

    private static long cpuTicks(ProcessHandle h) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static List<String> jcmd(long pid, String... what) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        cmd.addAll(List.of(what));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().toList();
    }
}
