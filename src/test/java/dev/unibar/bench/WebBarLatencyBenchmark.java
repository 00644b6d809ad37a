package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Host;
import dev.unibar.ui.BarViewModel;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Not a test: vendor event → store → the bar's view model on the FX thread, for each web-bar vendor in the
 * WebView (issue 25; goal: p99 ≤ 5 ms). Each vendor's simulator sends one event at a time that changes what the
 * bar shows (UCS: the waiting-callers count; MAX and Evolux: a pause and its end; AgentDesktop: back to
 * LOGGEDIN after a pause, the pause itself being a sequence of four events and not timed), and the time is
 * taken from the call into the simulator to the store and to {@link BarViewModel#stateProperty()} having it.
 * UCS runs on its simulator with fast delays, as {@link UcsLatencyBenchmark}; the others through their demo set-up.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.WebBarLatencyBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=200] \
 *     [-Dbench.vendors=ucs,agentdesktop,max,evolux] [-Dbench.host=WEBVIEW]
 * </pre>
 */
public final class WebBarLatencyBenchmark {

    private static final double GOAL_P99_MS = 5.0;

    /** One event the simulator sends, and what the bar's state is once it has it; untimed steps set the scene. */
    private record Step(String name, Runnable send, Predicate<BarState> reached, boolean timed) {
    }

    /** A vendor's rounds: {@code round(i)} gives the steps of round i, in order. */
    private interface Rounds {
        List<Step> round(int i);
    }

    public static void main(String[] args) {
        Bench.main(WebBarLatencyBenchmark::measure);
    }

    private static void measure() throws Exception {
        int n = Integer.getInteger("bench.events", 200);
        int warmup = Math.max(20, n / 10);
        Host host = Host.valueOf(System.getProperty("bench.host", "WEBVIEW"));
        List<String> vendors = List.of(System.getProperty("bench.vendors", "ucs,agentdesktop,max,evolux").split(","));
        List<String> rows = new ArrayList<>();
        for (String v : vendors) rows.addAll(run(v.trim(), host, n, warmup));
        System.out.printf(Locale.ROOT, "vendor event -> native state in the %s, %d timed events one at a time after %d warm-up; goal: p99 <= %.0f ms to FX%n",
                host.name().toLowerCase(Locale.ROOT), n, warmup, GOAL_P99_MS);
        System.out.println(UcsRoundTrips.header() + String.format(Locale.ROOT, " %10s", "goal p99"));
        rows.forEach(System.out::println);
    }

    private static List<String> run(String vendor, Host host, int n, int warmup) throws Exception {
        UcsSimulator ucs = vendor.equals("ucs")
                ? new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start() : null;
        VendorModule module = switch (vendor) {
            case "ucs" -> new UcsModule();
            case "agentdesktop" -> new AgentDesktopModule();
            case "max" -> new MaxModule();
            case "evolux" -> new EvoluxModule();
            default -> throw new IllegalArgumentException("not a web-bar vendor: " + vendor);
        };
        CompletableFuture<VendorContext> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(host.open(module,
                ucs != null ? env -> UcsModule.forSimulator(ucs, env) : module::openDemo)));
        VendorContext ctx = made.get(60, TimeUnit.SECONDS);
        CompletableFuture<BarViewModel> vmf = new CompletableFuture<>();
        Platform.runLater(() -> vmf.complete(new BarViewModel(ctx.session())));
        BarViewModel vm = vmf.get(30, TimeUnit.SECONDS);

        @SuppressWarnings("unchecked")
        Predicate<BarState>[] want = new Predicate[1];
        long[] storeAt = new long[1];
        long[] fxAt = new long[1];
        ctx.session().store().subscribe(s -> {
            Predicate<BarState> w = want[0];
            if (w != null && storeAt[0] == 0 && w.test(s)) storeAt[0] = System.nanoTime();
        });
        Platform.runLater(() -> vm.stateProperty().addListener((o, a, s) -> {
            Predicate<BarState> w = want[0];
            if (w != null && fxAt[0] == 0 && s != null && w.test(s)) fxAt[0] = System.nanoTime();
        }));
        ctx.session().start();
        host.awaitPage(ctx);
        Rounds rounds = prepare(vendor, ctx, ucs);

        List<Double> toStore = new ArrayList<>();
        List<Double> toFx = new ArrayList<>();
        int timed = 0;
        for (int i = 0; timed < warmup + n; i++) {
            for (Step step : rounds.round(i)) {
                storeAt[0] = 0;
                fxAt[0] = 0;
                want[0] = step.reached();
                long t0 = System.nanoTime();
                step.send().run();
                UcsRoundTrips.await(vendor + " " + step.name() + " " + i, () -> storeAt[0] != 0 && fxAt[0] != 0);
                want[0] = null;
                if (!step.timed()) continue;
                if (++timed > warmup) {
                    toStore.add((storeAt[0] - t0) / 1e6);
                    toFx.add((fxAt[0] - t0) / 1e6);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(UcsRoundTrips.row(vendor + ": to the store", toStore));
        rows.add(UcsRoundTrips.row(vendor + ": to the view model (FX)", toFx) + String.format(Locale.ROOT, " %10.1f", GOAL_P99_MS));
        CountDownLatch gone = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.dispose();
            ctx.page().load("about:blank");
            ctx.close();
            gone.countDown();
        });
        gone.await();
        if (ucs != null) ucs.stop();
        return rows;
    }

    /** Signs the agent in where the vendor needs it (off the FX thread) and says what one round sends. */
    private static Rounds prepare(String vendor, VendorContext ctx, UcsSimulator ucs) throws Exception {
        var s = ctx.session();
        switch (vendor) {
            case "ucs" -> {
                UcsRoundTrips.signInStarted(ctx);
                return i -> List.of(new Step("waiting-callers", () -> ucs.scenario("waiting-callers", Map.of("count", i + 1)),
                        st -> st.waitingCallers() != null && st.waitingCallers() == i + 1, true));
            }
            case "agentdesktop" -> {
                AgentDesktopSimulator sim = ctx.simulator(AgentDesktopSimulator.class);
                // The widget reads the simulator's events from where it is when it first asks: an event played
                // before the page has loaded is not its to read. Played again until the bar has it.
                for (int k = 0; s.store().state().agentState() != AgentState.READY; k++) {
                    if (k == 30) throw new IllegalStateException("AgentDesktop: the bar never saw the agent logged in");
                    sim.play("agent-login");
                    for (int w = 0; w < 20 && s.store().state().agentState() != AgentState.READY; w++) Thread.sleep(100);
                }
                return i -> List.of(
                        new Step("agent-pause", () -> sim.play("agent-pause"),
                                st -> st.agentState() == AgentState.NOT_READY && "BREAK".equals(st.stateReason()), false),
                        new Step("agent-login", () -> sim.play("agent-login"), st -> st.agentState() == AgentState.READY, true));
            }
            case "max" -> {
                MaxSimulator sim = ctx.simulator(MaxSimulator.class);
                return pauseAndBack(s, "unavailable", "available", name -> sim.scenario(name, Map.of()));
            }
            case "evolux" -> {
                EvoluxSimulator sim = ctx.simulator(EvoluxSimulator.class);
                return pauseAndBack(s, "pause", "stop-pause", name -> sim.scenario(name, Map.of()));
            }
            default -> throw new IllegalArgumentException(vendor);
        }
    }

    /** Once the agent is ready: each round, a scenario that takes the agent out of Ready and one that brings it back. */
    private static Rounds pauseAndBack(dev.unibar.core.Session s, String away, String back,
                                       java.util.function.Consumer<String> play) throws InterruptedException {
        UcsRoundTrips.await("ready", () -> s.store().state().phase() == SessionPhase.READY
                && s.store().state().agentState() == AgentState.READY);
        return i -> List.of(
                new Step(away, () -> play.accept(away), st -> st.agentState() != AgentState.READY, true),
                new Step(back, () -> play.accept(back), st -> st.agentState() == AgentState.READY, true));
    }
}
