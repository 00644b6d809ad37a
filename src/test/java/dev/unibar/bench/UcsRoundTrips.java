package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.ui.BarViewModel;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The measurement the UCS benchmarks share: log in to the simulator, then send onWaitingCallersChange with a
 * new count one at a time and time when the store and the view-model property (the bar's binding) have it.
 */
final class UcsRoundTrips {

    /** Milliseconds per event after the warm-up. */
    record Result(List<Double> toStore, List<Double> toFx) {
    }

    private UcsRoundTrips() {
    }

    /** The session must not be started yet; the FX toolkit must be. */
    static Result measure(VendorContext ctx, UcsSimulator sim, int n, int warmup) throws Exception {
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

        signIn(ctx);

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
        Platform.runLater(vm::dispose);
        return new Result(toStore, toFx);
    }

    /** A UCS simulator with fast delays, and the bar's context on it in {@code host}. */
    record Opened(UcsSimulator sim, VendorContext ctx) {
    }

    /** The toolkit must be running. */
    static Opened open(dev.unibar.testkit.Host host) throws Exception {
        UcsSimulator sim = new UcsSimulator(0, dev.unibar.connectors.ucs.sim.UcsSimSettings.defaults()
                .delays(dev.unibar.connectors.ucs.sim.UcsSimSettings.Delays.fast())).start();
        CompletableFuture<VendorContext> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(host.open(new dev.unibar.connectors.ucs.UcsModule(),
                env -> dev.unibar.connectors.ucs.UcsModule.forSimulator(sim, env))));
        return new Opened(sim, made.get(60, TimeUnit.SECONDS));
    }

    /** Starts the session and signs the agent in on device 201; returns once the bar is ready. */
    static void signIn(VendorContext ctx) throws InterruptedException {
        ctx.session().start();
        signInStarted(ctx);
    }

    /** {@link #signIn} once the session has started. */
    static void signInStarted(VendorContext ctx) throws InterruptedException {
        await("credentials", () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS);
        ctx.session().send(new Command.Login("agent", "agent", false));
        await("device list", () -> ctx.session().store().state().phase() == SessionPhase.DEVICE_SELECTION);
        ctx.session().send(new Command.SelectDevice("201"));
        await("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);
    }

    /**
     * Starts the toolkit and a UCS simulator, opens the bar's WebView page on it, measures, and closes both: the
     * whole of {@link UcsLatencyBenchmark}'s set-up, for benchmarks that print its figure beside their own.
     */
    static Result measureFresh(int n, int warmup) throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.startup(started::countDown);
        started.await();
        javafx.application.Platform.setImplicitExit(false);
        dev.unibar.connectors.ucs.sim.UcsSimulator sim = new dev.unibar.connectors.ucs.sim.UcsSimulator(0,
                dev.unibar.connectors.ucs.sim.UcsSimSettings.defaults()
                        .delays(dev.unibar.connectors.ucs.sim.UcsSimSettings.Delays.fast())).start();
        java.util.concurrent.CompletableFuture<VendorContext> made = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> made.complete(VendorContext.open(new dev.unibar.connectors.ucs.UcsModule(),
                env -> dev.unibar.connectors.ucs.UcsModule.forSimulator(sim, env), java.time.Clock.systemUTC())));
        VendorContext ctx = made.get(30, TimeUnit.SECONDS);
        Result r = measure(ctx, sim, n, warmup);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.runLater(() -> {
            ctx.page().load("about:blank");
            closed.countDown();
        });
        closed.await();
        Thread.sleep(500);
        ctx.close();
        sim.stop();
        return r;
    }

    /** label, median, p99 and max. */
    static String row(String label, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10.2f", label, pct(s, 50), pct(s, 99), s.get(s.size() - 1));
    }

    static String header() {
        return String.format(Locale.ROOT, "%-44s %10s %10s %10s", "", "median ms", "p99 ms", "max ms");
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
    }

    static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out: " + what);
            Thread.sleep(0, 200_000);
        }
    }
}
