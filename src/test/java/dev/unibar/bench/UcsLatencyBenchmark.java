package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.UcsModule;

import dev.unibar.core.command.Command;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.ui.BarViewModel;
import javafx.application.Platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Not a test: prints how long a UCS simulator event takes to become native state. One event
 * (onWaitingCallersChange with a new count) crosses the whole live path — simulator server → the fake
 * operator script in the WebView → host-page callback → shim → JS-to-Java bridge → worker parse →
 * UcsMapper → reducer (the store) → coalesced FX update (the view model property the bar binds to).
 * Events are sent one at a time so each is timed alone.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.UcsLatencyBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=500]
 * </pre>
 */
public final class UcsLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        // Not exec.args: that property would also replace the arguments of the build's npm step.
        int n = Integer.getInteger("bench.events", 500);
        int warmup = Math.max(50, n / 10);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        UcsSimulator sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        CompletableFuture<VendorContext> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(VendorContext.open(new UcsModule(), env -> UcsModule.forSimulator(sim, env), Clock.systemUTC())));
        VendorContext ctx = made.get(30, TimeUnit.SECONDS);
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
        System.out.printf(Locale.ROOT, "UCS simulator event -> native state, %d events one at a time (%d warm-up)%n",
                n, warmup);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "", "median ms", "p99 ms", "max ms");
        print("to the store (mapped + reduced)", toStore);
        print("to the view-model property (FX)", toFx);

        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.dispose();
            ctx.page().load("about:blank");
            closed.countDown();
        });
        closed.await();
        Thread.sleep(500);
        ctx.close();
        sim.stop();
        Platform.exit();
        System.exit(0);
    }

    private static void print(String label, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %10.2f%n", label, pct(s, 50), pct(s, 99), s.get(s.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out: " + what);
            Thread.sleep(0, 200_000);
        }
    }
}
