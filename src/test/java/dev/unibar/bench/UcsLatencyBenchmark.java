package dev.unibar.bench;


import javafx.application.Platform;

import java.util.Locale;

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
        UcsRoundTrips.Result r = UcsRoundTrips.measureFresh(n, warmup);
        System.out.printf(Locale.ROOT, "UCS simulator event -> native state, %d events one at a time (%d warm-up)%n",
                n, warmup);
        System.out.println(UcsRoundTrips.header());
        System.out.println(UcsRoundTrips.row("to the store (mapped + reduced)", r.toStore()));
        System.out.println(UcsRoundTrips.row("to the view-model property (FX)", r.toFx()));

        Platform.exit();
        System.exit(0);
    }
}
