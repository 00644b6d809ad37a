package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Not a test: the same UCS simulator event → native state latency as {@link UcsLatencyBenchmark}, in the
 * browser window and in the WebView, and the memory of Unibar plus its browser against Unibar with the
 * WebView, in one run. The browser runs first: once WebKit is loaded the JVM keeps it, which would count the
 * WebView against browser mode. Memory is proportional set size (Linux smaps_rollup), summed over the browser's
 * processes, so pages they share are not counted twice.
 *
 * Under {@code exec:java} the JVM is Maven's own, so its figure includes Maven; the lone-JVM figures in
 * docs/decisions/0016-browser-mode.md come from {@code java -cp} with the test class path.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.BrowserModeBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=200]
 * </pre>
 */
public final class BrowserModeBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.events", 200);
        int warmup = Math.max(20, n / 10);
        System.out.println("load before: " + Bench.load());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        System.gc();
        Thread.sleep(1000);
        long baseline = pssKb(ProcessHandle.current());

        List<String> rows = new ArrayList<>();
        if (Browsers.installed().isPresent()) {
            rows.addAll(run(Host.BROWSER, n, warmup));
            rows.addAll(run(Host.BROWSER_PORT, n, warmup));
        } else {
            rows.add("browser: skipped, " + Browsers.SKIP);
        }
        rows.addAll(run(Host.WEBVIEW, n, warmup));

        System.out.printf(Locale.ROOT, "UCS simulator event -> native state, %d events one at a time (%d warm-up) per host%n",
                n, warmup);
        System.out.println(UcsRoundTrips.header());
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "JVM with the FX toolkit alone, before either host: %d MiB PSS%n", baseline / 1024);
        System.out.println("load after: " + Bench.load());
        Platform.exit();
        System.exit(0);
    }

    private static List<String> run(Host host, int n, int warmup) throws Exception {
        UcsRoundTrips.Opened opened = UcsRoundTrips.open(host);
        UcsSimulator sim = opened.sim();
        VendorContext ctx = opened.ctx();
        UcsRoundTrips.Result r = UcsRoundTrips.measure(ctx, sim, n, warmup);
        System.gc();
        Thread.sleep(1000);
        long jvm = pssKb(ProcessHandle.current());
        long browser = ctx.page() instanceof BrowserPageChannel b
                ? b.browserProcess().map(BrowserModeBenchmark::treePssKb).orElse(0L) : 0L;

        List<String> rows = new ArrayList<>();
        String name = host.name().toLowerCase(Locale.ROOT);
        rows.add(UcsRoundTrips.row(name + ": to the store (mapped + reduced)", r.toStore()));
        rows.add(UcsRoundTrips.row(name + ": to the view-model property (FX)", r.toFx()));
        rows.add(String.format(Locale.ROOT, "%s: memory, Unibar JVM %d MiB + browser %d MiB = %d MiB PSS", name,
                jvm / 1024, browser / 1024, (jvm + browser) / 1024));

        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            ctx.page().load("about:blank");
            closed.countDown();
        });
        closed.await();
        Thread.sleep(500);
        CountDownLatch gone = new CountDownLatch(1);
        Platform.runLater(() -> {
            ctx.close();
            gone.countDown();
        });
        gone.await();
        sim.stop();
        return rows;
    }

    /** The proportional set size of a process and its descendants, in KiB (0 where /proc says nothing). */
    static long treePssKb(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(BrowserModeBenchmark::pssKb).sum();
    }

    /** Proportional set size in KiB, or 0 where /proc has no smaps_rollup (not Linux). */
    private static long pssKb(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
