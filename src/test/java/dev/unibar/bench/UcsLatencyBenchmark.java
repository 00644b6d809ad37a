package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.UcsModule;

import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import javafx.application.Platform;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        UcsRoundTrips.Result r = UcsRoundTrips.measure(ctx, sim, n, warmup);
        System.out.printf(Locale.ROOT, "UCS simulator event -> native state, %d events one at a time (%d warm-up)%n",
                n, warmup);
        System.out.println(UcsRoundTrips.header());
        System.out.println(UcsRoundTrips.row("to the store (mapped + reduced)", r.toStore()));
        System.out.println(UcsRoundTrips.row("to the view-model property (FX)", r.toFx()));

        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
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
}
