package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
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
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 25's shift-long soak, UCS in its default host (the WebView) against its simulator: an agent's day
 * compressed. Each call rings, is answered from the bar, the caller hangs up, the agent goes through after-call
 * work (the simulator's ACW after every call) and is ready again; a pause of up to {@code soak.pauseMs} between
 * calls; the vendor page is reloaded every {@code soak.reloadEvery} calls and the bar waits for the vendor's
 * truth again (signing in anew if the page asks). Calls run first until the inspector's 5,000 entries are full,
 * then {@code soak.calls} are measured. Printed beside the goals: heap after full GC at ten points of the measured
 * run (growth ≤ 5 %), the longest FX-thread stall (≤ 100 ms), the call journal's rows against the calls placed
 * (none lost, none duplicated), and the process's RSS and PSS (the WebView is in it). Not part of the build:
 * <pre>mvn -B -ntp -o test -Dtest=ShiftSoak -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.calls=2000]
 *   [-Dsoak.pauseMs=100] [-Dsoak.reloadEvery=200]</pre>
 */
class ShiftSoak {

    private static final int CALLS = Integer.getInteger("soak.calls", 2000);
    private static final int PAUSE_MS = Integer.getInteger("soak.pauseMs", 100);
    private static final int RELOAD_EVERY = Integer.getInteger("soak.reloadEvery", 200);
    /** The inspector keeps 5,000 entries; {@code soak.inspectorFull=0} skips the warm-up (to try the harness). */
    private static final int INSPECTOR_FULL = Integer.getInteger("soak.inspectorFull", 5000);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration PAGE = Duration.ofSeconds(120);

    @Test
    void ucs() throws Exception {
        FxToolkit.registerPrimaryStage();
        System.out.println("load before: " + Bench.load());
        UcsSimulator sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        VendorContext ctx = OnFx.get(() -> VendorContext.open(new UcsModule(), env -> UcsModule.forSimulator(sim, env),
                Clock.systemUTC()));
        Path dir = Files.createTempDirectory("unibar-shift");
        CallJournal journal = CallJournal.open(dir.resolve("journal.db"), null, Clock.systemUTC());
        Session s = ctx.session();
        try (AutoCloseable recording = journal.attach(s)) {
            s.start();
            SoakBenchmark.ucsSignIn(sim, s, PAGE);
            sim.scenario("acw", Map.of("always", true));
            run(ctx, sim, s, journal);
        } finally {
            OnFx.run(() -> ctx.page().load("about:blank"));
            OnFx.run(ctx::close);
            sim.stop();
            journal.close();
            System.out.println("load after: " + Bench.load());
        }
    }

    private static void run(VendorContext ctx, UcsSimulator sim, Session s, CallJournal journal) throws Exception {
        Random pauses = new Random(25);
        List<String> placed = new ArrayList<>();
        int warmUp = 0;
        while (s.inspector().snapshot().size() < INSPECTOR_FULL && warmUp < 3 * CALLS + 3000) {
            placed.add(call(sim, s));
            warmUp++;
        }
        List<Long> heap = new ArrayList<>();
        heap.add(SoakBenchmark.usedAfterGc());
        String memBefore = memory();
        SoakBenchmark.FxProbe probe = new SoakBenchmark.FxProbe();
        probe.start();
        long t0 = System.nanoTime();
        int reloads = 0;
        for (int i = 1; i <= CALLS; i++) {
            placed.add(call(sim, s));
            if (PAUSE_MS > 0) Thread.sleep(pauses.nextInt(PAUSE_MS + 1));
            if (RELOAD_EVERY > 0 && i % RELOAD_EVERY == 0 && i < CALLS) {
                reload(ctx, sim, s);
                reloads++;
            }
            if (CALLS >= 10 && i % (CALLS / 10) == 0) {
                probe.stop(); // the collection's pause is not the FX thread's
                heap.add(SoakBenchmark.usedAfterGc());
                probe.start();
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        probe.stop();
        String memAfter = memory();
        report(placed, warmUp, reloads, ms, heap, probe.longestMs(), memBefore, memAfter, journal.all(), s);
    }

    /** Ring, answer from the bar, the caller hangs up, after-call work until the agent is ready again. */
    private static String call(UcsSimulator sim, Session s) throws Exception {
        String id = String.valueOf(sim.scenario("inbound", Map.of("number", "603987654")).get("uniqueid"));
        Wait.until("ringing " + id, STEP, () -> s.store().state().calls().containsKey(id));
        s.send(new Command.Answer(id));
        Wait.until("talking " + id, STEP, () -> sim.state().calls().stream().anyMatch(c -> c.uniqueid().equals(id) && c.state() == 3));
        sim.scenario("remote-hangup", Map.of());
        Wait.until("ended " + id, STEP, () -> s.store().state().calls().isEmpty());
        Wait.until("ready after wrap-up " + id, STEP, () -> simReady(sim) && s.store().state().agentState() == AgentState.READY);
        return id;
    }

    /** Reloads the vendor's page and waits until the bar shows the vendor's truth again. */
    private static void reload(VendorContext ctx, UcsSimulator sim, Session s) throws Exception {
        // A mark the reload wipes: until it is gone, the old page is still the one answering.
        page(ctx, "window.__shiftSoak = 1");
        OnFx.run(() -> ctx.page().call("location.reload()"));
        Wait.until("page reloaded", PAGE, () -> "undefined".equals(page(ctx, "typeof window.__shiftSoak")));
        Wait.until("vendor's state after the reload", PAGE, () -> s.store().state().phase() == SessionPhase.CREDENTIALS
                || (s.store().state().phase() == SessionPhase.READY && s.store().state().agentState() == AgentState.READY
                && simReady(sim)));
        if (s.store().state().phase() == SessionPhase.CREDENTIALS) SoakBenchmark.ucsSignIn(sim, s, PAGE);
    }

    /** The simulator's agent is signed in and ready (it has no agent state once the page's connection closed). */
    private static boolean simReady(UcsSimulator sim) {
        var st = sim.state();
        return st != null && "READY".equals(st.status());
    }

    /** The script's result in the vendor's page, or null while the page cannot answer (it is reloading). */
    private static String page(VendorContext ctx, String script) {
        try {
            return OnFx.get(() -> ctx.page().call(script)).toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static void report(List<String> placed, int warmUp, int reloads, long ms, List<Long> heap, long stallMs,
                               String memBefore, String memAfter, List<CallRecord> rows, Session s) {
        Set<String> ids = new HashSet<>();
        int duplicated = 0;
        for (CallRecord r : rows) if (!ids.add(r.callId())) duplicated++;
        long lost = placed.stream().filter(id -> !ids.contains(id)).count();
        long first = heap.get(0);
        long last = heap.get(heap.size() - 1);
        System.out.printf("shift soak ucs (webview): %d calls measured in %d ms (%.1f calls/s), %d page reloads, "
                + "after %d warm-up calls that filled the inspector (%d entries now)%n", CALLS, ms, CALLS * 1000.0 / ms,
                reloads, warmUp, s.inspector().snapshot().size());
        StringBuilder h = new StringBuilder();
        for (long b : heap) h.append(' ').append(b / 1024);
        System.out.printf("  heap after full GC, KiB, every %d calls:%s; growth %.1f %% (goal <= 5 %%)%n",
                Math.max(1, CALLS / 10), h, 100.0 * (last - first) / first);
        System.out.printf("  longest FX-thread stall: %d ms (goal <= 100 ms)%n", stallMs);
        System.out.printf("  journal: %d rows for %d calls placed; lost %d, duplicated %d (goal 0, 0)%n", rows.size(),
                placed.size(), lost, duplicated);
        System.out.printf("  process memory: %s -> %s%n", memBefore, memAfter);
    }

    /** This JVM's RSS and PSS (the WebView's WebKit runs in it), from /proc/self/smaps_rollup. */
    static String memory() {
        try {
            long rss = 0;
            long pss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("Rss:")) rss = Long.parseLong(f[1]);
                if (f[0].equals("Pss:")) pss = Long.parseLong(f[1]);
            }
            return "RSS " + rss / 1024 + " MiB, PSS " + pss / 1024 + " MiB";
        } catch (IOException | RuntimeException e) {
            return "memory unknown (" + e.getMessage() + ")";
        }
    }
}
