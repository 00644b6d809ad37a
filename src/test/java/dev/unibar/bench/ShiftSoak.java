package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.config.PageHosting.Embed;
import dev.unibar.core.Session;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 25's shift-long soak: an agent's day compressed, for one vendor ({@code -Dsoak.vendor=ucs|agentdesktop|max|
 * evolux|epbx}, default ucs) in its default host (UCS and AgentDesktop in the WebView, MAX and Evolux in a
 * headless Chromium window, EPBX with no page), against its simulator; what differs per vendor is one row of
 * {@link ShiftVendor}. Each call rings, is answered (from the bar where the vendor takes it), the caller hangs up,
 * the agent goes through after-call work where the vendor has one and is ready again; a pause of up to
 * {@code soak.pauseMs} between calls; every {@code soak.reloadEvery} calls the vendor page is reloaded (EPBX: its
 * hub's sockets are cut and it reconnects) and the bar waits for the vendor's truth again, signing in anew if the
 * page asks. Calls run first until the inspector's 5,000 entries are full, then {@code soak.calls} are measured.
 * Printed beside the goals: heap after full GC at eleven points of the measured run (growth ≤ 5 %), FX-thread
 * stalls (longest, and how many over 100 ms; goal none), the call journal's rows against the calls placed (none
 * lost, none duplicated: it fails otherwise), the PSS of the bar's process and of the browser's, and the load
 * average. Not part of the build:
 * <pre>mvn -B -ntp -o test -Dtest=ShiftSoak -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.vendor=ucs]
 *   [-Dsoak.calls=2000] [-Dsoak.pauseMs=100] [-Dsoak.reloadEvery=200] [-Dsoak.inspectorFull=5000] [-Dsoak.warmUp=0]
 *   [-Dsoak.jfr=target/VENDOR.jfr]</pre>
 */
class ShiftSoak {

    private static final int CALLS = Integer.getInteger("soak.calls", 2000);
    private static final int PAUSE_MS = Integer.getInteger("soak.pauseMs", 100);
    private static final int RELOAD_EVERY = Integer.getInteger("soak.reloadEvery", 200);
    /** The inspector keeps 5,000 entries; {@code soak.inspectorFull=0} skips the warm-up (to try the harness). */
    private static final int INSPECTOR_FULL = Integer.getInteger("soak.inspectorFull", 5000);
    /**
     * Warm-up calls at least, whether or not the inspector is full: the simulators' own bounded logs (AgentDesktop's
     * 10,000 events, MAX's 10,000 received messages) live in the same JVM and fill later than the inspector.
     */
    private static final int MIN_WARM_UP = Integer.getInteger("soak.warmUp", 0);
    static final Duration STEP = Duration.ofSeconds(30);
    static final Duration PAGE = Duration.ofSeconds(120);

    @Test
    void shift() throws Exception {
        ShiftVendor vendor = ShiftVendor.valueOf(System.getProperty("soak.vendor", "ucs").toUpperCase(Locale.ROOT));
        FxToolkit.registerPrimaryStage();
        System.out.println("load before: " + Bench.load());
        Host host = vendor.module.defaultEmbed() == Embed.BROWSER && Browsers.installed().isPresent() ? Host.BROWSER : Host.WEBVIEW;
        VendorContext ctx = OnFx.get(() -> host.open(vendor.module, vendor.setUp));
        Path dir = Files.createTempDirectory("unibar-shift");
        CallJournal journal = CallJournal.open(dir.resolve("journal.db"), null, Clock.systemUTC());
        Session s = ctx.session();
        // -Dsoak.jfr=FILE: a flight recording of the run (default settings), for StallProfile (decision 0090).
        String jfr = System.getProperty("soak.jfr", "");
        jdk.jfr.Recording flight = jfr.isBlank() ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
        if (flight != null) {
            flight.setDestination(Path.of(jfr));
            flight.start();
        }
        Reconnects reconnects = new Reconnects();
        s.store().subscribe(reconnects);
        try (AutoCloseable recording = journal.attach(s)) {
            s.start();
            host.awaitPage(ctx);
            vendor.signIn.run(ctx);
            awaitReady(vendor, ctx);
            String where = ctx.page() == null ? "no page" : host.name().toLowerCase(Locale.ROOT);
            run(vendor, where, ctx, reconnects, journal);
        } finally {
            if (ctx.page() != null) OnFx.run(() -> ctx.page().load("about:blank"));
            OnFx.run(ctx::close);
            journal.close();
            if (flight != null) {
                flight.stop(); // writes the file
                flight.close();
            }
            System.out.println("load after: " + Bench.load());
        }
    }

    private static void run(ShiftVendor vendor, String where, VendorContext ctx, Reconnects reconnects, CallJournal journal)
            throws Exception {
        String loadBefore = Bench.load();
        Session s = ctx.session();
        Random pauses = new Random(25);
        List<String> placed = new ArrayList<>();
        int warmUp = 0;
        while ((s.inspector().snapshot().size() < INSPECTOR_FULL || warmUp < MIN_WARM_UP)
                && warmUp < 3 * CALLS + 3000 + MIN_WARM_UP) {
            placed.add(call(vendor, ctx));
            warmUp++;
        }
        List<Long> heap = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        heap.add(SoakBenchmark.usedAfterGc());
        load.add(load1());
        String memBefore = memory(ctx);
        java.util.Map<String, Long> classesBefore = liveBytesByClass();
        SoakBenchmark.FxProbe probe = new SoakBenchmark.FxProbe();
        probe.start();
        long t0 = System.nanoTime();
        long gcNanos = 0;
        int reloads = 0;
        for (int i = 1; i <= CALLS; i++) {
            placed.add(call(vendor, ctx));
            if (PAUSE_MS > 0) Thread.sleep(pauses.nextInt(PAUSE_MS + 1));
            if (RELOAD_EVERY > 0 && i % RELOAD_EVERY == 0 && i < CALLS) {
                reload(vendor, ctx, reconnects);
                reloads++;
            }
            // Halfway between two reloads, so a point never catches a page just reloaded, whose old document WebKit
            // may still hold. (It did not explain the high points every run showed: decision 0093.)
            if (CALLS >= 20 && i % (CALLS / 10) == CALLS / 20) {
                long g0 = System.nanoTime();
                probe.stop(); // the collection's pause is not the FX thread's
                heap.add(SoakBenchmark.usedAfterGc());
                load.add(load1());
                probe.start();
                gcNanos += System.nanoTime() - g0;
            }
        }
        long ms = (System.nanoTime() - t0 - gcNanos) / 1_000_000;
        probe.stop();
        String memAfter = memory(ctx);
        String growers = growers(classesBefore, liveBytesByClass());
        report(vendor, where, placed, warmUp, reloads, ms, heap, load, probe, memBefore, memAfter, journal.all(), s, loadBefore, growers);
    }

    /**
     * Growth from the median of the first three points to that of the last three: every run had single points
     * 1.5-3 MiB above their neighbours (cause not found, decision 0093), and first-to-last reads one as growth.
     */
    static double medianGrowth(List<Long> heap) {
        if (heap.size() < 6) return Double.NaN;
        long a = median3(heap.subList(0, 3));
        long b = median3(heap.subList(heap.size() - 3, heap.size()));
        return 100.0 * (b - a) / a;
    }

    private static long median3(List<Long> three) {
        List<Long> sorted = new ArrayList<>(three);
        sorted.sort(null);
        return sorted.get(1);
    }

    /** One call of the vendor's, then until the agent can take the next one. */
    private static String call(ShiftVendor vendor, VendorContext ctx) throws Exception {
        String id = vendor.call.run(ctx);
        Wait.until("ready after " + id, STEP, () -> ctx.session().store().state().calls().isEmpty()
                && vendor.ready.test(ctx));
        return id;
    }

    /** Reloads the vendor's page (EPBX: cuts its hub's sockets) and waits until the bar shows the vendor's truth. */
    private static void reload(ShiftVendor vendor, VendorContext ctx, Reconnects reconnects) throws Exception {
        int before = reconnects.count.get();
        vendor.reload.run(ctx);
        Wait.until("the bar saw the page go", PAGE, () -> reconnects.count.get() > before);
        Wait.until("the vendor's truth after the reload", PAGE, () -> {
            BarState b = ctx.session().store().state();
            return b.connection() == ConnectionStatus.CONNECTED && (b.phase() == SessionPhase.CREDENTIALS || vendor.ready.test(ctx));
        });
        if (ctx.session().store().state().phase() == SessionPhase.CREDENTIALS) vendor.signIn.run(ctx);
        awaitReady(vendor, ctx);
    }

    private static void awaitReady(ShiftVendor vendor, VendorContext ctx) {
        Wait.until("ready for calls", PAGE, () -> ctx.session().store().state().connection() == ConnectionStatus.CONNECTED
                && vendor.ready.test(ctx));
    }

    /** Counts the bar leaving CONNECTED: a page's new document, or a hub that lost its sockets. */
    private static final class Reconnects implements Consumer<BarState> {
        final AtomicInteger count = new AtomicInteger();
        private volatile ConnectionStatus last;

        @Override
        public synchronized void accept(BarState s) {
            if (last == ConnectionStatus.CONNECTED && s.connection() != ConnectionStatus.CONNECTED) count.incrementAndGet();
            last = s.connection();
        }
    }

    private static void report(ShiftVendor vendor, String where, List<String> placed, int warmUp, int reloads, long ms,
                               List<Long> heap, List<Double> load, SoakBenchmark.FxProbe probe, String memBefore,
                               String memAfter, List<CallRecord> rows, Session s, String loadBefore, String growers) throws IOException {
        Set<String> ids = new HashSet<>();
        int duplicated = 0;
        for (CallRecord r : rows) if (!ids.add(r.callId())) duplicated++;
        long lost = placed.stream().filter(id -> !ids.contains(id)).count();
        long first = heap.get(0);
        long last = heap.get(heap.size() - 1);
        String name = vendor.module.id() + " (" + where + ")";
        java.util.Formatter out = new java.util.Formatter(new StringBuilder(), Locale.ROOT);
        out.format("shift soak %s: %d calls measured in %d ms (%.1f calls/s), %d %s, after %d warm-up calls "
                        + "that filled the inspector (%d entries now)%n", name, CALLS, ms, CALLS * 1000.0 / ms, reloads,
                "no page".equals(where) ? "hub reconnects" : "page reloads", warmUp, s.inspector().snapshot().size());
        StringBuilder h = new StringBuilder();
        for (long b : heap) h.append(' ').append(b / 1024);
        out.format("  heap after full GC, KiB, at the start and then every %d calls halfway between reloads:%s; growth "
                        + "%.1f %% (goal <= 5 %%); median of the last three points against the first three %+.1f %%%n",
                Math.max(1, CALLS / 10), h, 100.0 * (last - first) / first, medianGrowth(heap));
        out.format("  FX-thread stalls: longest %d ms, %d over 100 ms (goal none), %d of them while %s%s%n",
                probe.longestMs(), probe.over100(), probe.machineOverlapped(), probe.machine(), probe.stallsOver100());
        out.format("  journal: %d rows for %d calls placed; lost %d, duplicated %d (goal 0, 0)%n", rows.size(),
                placed.size(), lost, duplicated);
        out.format("  memory: %s -> %s%n", memBefore, memAfter);
        out.format("  live heap that grew most, by class (KiB): %s%n", growers);
        out.format("  load average (1 min) during the run: %.1f-%.1f%n",
                load.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                load.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        System.out.print(out);
        // Also beside the build's output: a forked test JVM's stdout can be lost on the way to Maven.
        Files.writeString(Path.of("target", "shift-soak-" + vendor.module.id() + ".txt"), "load before: " + loadBefore + "\n" + out);
        assertEquals(0, lost, name + ": calls missing from the journal");
        assertEquals(0, duplicated, name + ": calls in the journal twice");
    }

    /** The live heap by class, from the JVM's class histogram (it collects first); empty where there is none. */
    private static java.util.Map<String, Long> liveBytesByClass() {
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        try {
            String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : histogram.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) bytes.put(f[3], Long.parseLong(f[2]));
            }
        } catch (Exception | LinkageError e) {
            System.out.println("no class histogram: " + e);
        }
        return bytes;
    }

    /** The eight classes whose live bytes grew most between the two histograms. */
    private static String growers(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + (e.getValue() >= 0 ? "+" : "") + e.getValue() / 1024)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double load1() {
        try {
            return Double.parseDouble(Bench.load().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The bar's RSS and PSS (the WebView's WebKit runs in it) and, in browser mode, the browser's processes' PSS. */
    static String memory(VendorContext ctx) {
        String browser = ctx.page() instanceof BrowserPageChannel b
                ? ", browser processes PSS " + b.browserProcess().map(BrowserModeBenchmark::treePssKb).orElse(0L) / 1024 + " MiB"
                : "";
        try {
            long rss = 0;
            long pss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("Rss:")) rss = Long.parseLong(f[1]);
                if (f[0].equals("Pss:")) pss = Long.parseLong(f[1]);
            }
            return "bar RSS " + rss / 1024 + " MiB, PSS " + pss / 1024 + " MiB" + browser;
        } catch (IOException | RuntimeException e) {
            return "memory unknown (" + e.getMessage() + ")" + browser;
        }
    }
}
