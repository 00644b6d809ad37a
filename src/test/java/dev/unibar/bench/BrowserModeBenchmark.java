package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import dev.unibar.ui.BarViewModel;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
        } else {
            rows.add("browser: skipped, " + Browsers.SKIP);
        }
        rows.addAll(run(Host.WEBVIEW, n, warmup));

        System.out.printf(Locale.ROOT, "UCS simulator event -> native state, %d events one at a time (%d warm-up) per host%n",
                n, warmup);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "", "median ms", "p99 ms", "max ms");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "JVM with the FX toolkit alone, before either host: %d MiB PSS%n", baseline / 1024);
        Platform.exit();
        System.exit(0);
    }

    private static List<String> run(Host host, int n, int warmup) throws Exception {
        UcsSimulator sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        CompletableFuture<VendorContext> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(host.open(new UcsModule(), env -> UcsModule.forSimulator(sim, env))));
        VendorContext ctx = made.get(60, TimeUnit.SECONDS);
        CompletableFuture<BarViewModel> vmf = new CompletableFuture<>();
        Platform.runLater(() -> vmf.complete(new BarViewModel(ctx.session())));
        BarViewModel vm = vmf.get(30, TimeUnit.SECONDS);

        long[] storeAt = new long[1];
        long[] fxAt = new long[1];
        int[] expect = new int[1];
        ctx.session().store().subscribe(s -> {
            Integer w = s.waitingCallers();
            if (w != null && w == expect[0] && storeAt[0] == 0) storeAt[0] = System.nanoTime();
        });
        Platform.runLater(() -> vm.waitingCallersProperty().addListener((o, a, b) -> {
            if (b != null && b == expect[0] && fxAt[0] == 0) fxAt[0] = System.nanoTime();
        }));
        ctx.session().start();
        await("credentials", () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS);
        ctx.session().send(new Command.Login("agent", "agent", false));
        await("device list", () -> ctx.session().store().state().phase() == SessionPhase.DEVICE_SELECTION);
        ctx.session().send(new Command.SelectDevice("201"));
        await("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);

        List<Double> toStore = new ArrayList<>();
        List<Double> toFx = new ArrayList<>();
        for (int i = 1; i <= warmup + n; i++) {
            storeAt[0] = 0;
            fxAt[0] = 0;
            expect[0] = i;
            long t0 = System.nanoTime();
            sim.scenario("waiting-callers", Map.of("count", i));
            int round = i;
            await("event " + i, () -> storeAt[0] != 0 && fxAt[0] != 0 && expect[0] == round);
            if (i > warmup) {
                toStore.add((storeAt[0] - t0) / 1e6);
                toFx.add((fxAt[0] - t0) / 1e6);
            }
        }
        System.gc();
        Thread.sleep(1000);
        long jvm = pssKb(ProcessHandle.current());
        long browser = ctx.page() instanceof BrowserPageChannel b
                ? b.browserProcess().map(BrowserModeBenchmark::treePssKb).orElse(0L) : 0L;

        List<String> rows = new ArrayList<>();
        String name = host.name().toLowerCase(Locale.ROOT);
        rows.add(row(name + ": to the store (mapped + reduced)", toStore));
        rows.add(row(name + ": to the view-model property (FX)", toFx));
        rows.add(String.format(Locale.ROOT, "%s: memory, Unibar JVM %d MiB + browser %d MiB = %d MiB PSS", name,
                jvm / 1024, browser / 1024, (jvm + browser) / 1024));

        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.dispose();
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

    private static long treePssKb(ProcessHandle root) {
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

    private static String row(String label, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10.2f", label, pct(s, 50), pct(s, 99), s.get(s.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out: " + what);
            Thread.sleep(0, 200_000);
        }
    }
}
