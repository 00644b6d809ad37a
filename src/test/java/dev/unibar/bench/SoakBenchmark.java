package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.connectors.epbx.EpbxConnector;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimState;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.Wait;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13's soak: {@value #DEFAULT_CALLS} simulated calls (or {@code -Dsoak.calls=N}) through each live
 * path with a network connector: UCS (WebView host page, shim, relay, operator script, simulator) and
 * EPBX (both SignalR transports), then mapper, session and store. It prints heap growth after GC, the
 * longest FX-thread stall seen by a 10 ms probe, and calls lost or duplicated, beside the goals: growth
 * under 10 %, no stall over 100 ms, none lost. Not part of the build (the name is no *Test): run it with
 * {@code mvn -B -ntp -o test -Dtest=SoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It fails only
 * on lost or duplicated calls, since time and memory depend on the machine.
 */
class SoakBenchmark {

    static final int DEFAULT_CALLS = 500;
    static final int CALLS = Integer.getInteger("soak.calls", DEFAULT_CALLS);
    /**
     * Calls before the measured run; {@code -Dsoak.warmup=N} makes it long enough to fill the session's bounded
     * buffers first (the inspector keeps 5,000 entries), so that what grows afterwards is not them.
     */
    private static final int WARM_UP = Integer.getInteger("soak.warmup", 20);
    private static final Duration STEP = Duration.ofSeconds(20);

    /** One call from ring to the end, through whatever drives this vendor. */
    interface Call {
        void run() throws Exception;
    }

    @Test
    void ucs() throws Exception {
        FxToolkit.registerPrimaryStage();
        UcsSimulator sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        VendorContext ctx = OnFx.get(() -> VendorContext.open(new UcsModule(), env -> UcsModule.forSimulator(sim, env),
                Clock.systemUTC()));
        try {
            Session s = ctx.session();
            s.start();
            ucsSignIn(sim, s, STEP);
            soak("ucs", s, () -> ucsCall(sim, s));
        } finally {
            OnFx.run(() -> ctx.page().load("about:blank"));
            OnFx.run(ctx::close);
            sim.stop();
        }
    }

    /** Nothing of EPBX runs on the FX thread: the probe there shows what the machine itself costs. */
    @Test
    void epbx() throws Exception {
        FxToolkit.registerPrimaryStage();
        for (String transport : new String[] {"classic", "core"}) {
            EpbxSimulator sim = EpbxSimulator.builder().port(0).user("maria", "segredo", "Maria Souza").build().start();
            Session s = new Session(new EpbxConnector(new EpbxConfig(sim.serviceBase(), null, "unibar", transport,
                    null, null, null, null, null, null, null, null, null)), Clock.systemUTC());
            try {
                s.start();
                s.send(new Command.Login("maria", "segredo", false, "12", "idPa")).toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
                Wait.until("ready", STEP, () -> s.store().state().phase() == SessionPhase.READY);
                soak("epbx/" + transport, s, () -> epbxCall(sim, s));
            } finally {
                s.stop();
                sim.stop();
            }
        }
    }

    /** From the login form to an agent who is ready on the UCS simulator. */
    static void ucsSignIn(UcsSimulator sim, Session s, Duration step) throws Exception {
        Wait.until("login form", step, () -> s.store().state().phase() == SessionPhase.CREDENTIALS);
        s.send(new Command.Login("agent", "agent", false));
        // The phase, not only the list: after a page reload the list of the previous sign-in is still there.
        Wait.until("device list", step, () -> s.store().state().phase() == SessionPhase.DEVICE_SELECTION
                && !s.store().state().devices().isEmpty());
        s.send(new Command.SelectDevice(s.store().state().devices().get(0).id()));
        Wait.until("ready", step, () -> s.store().state().phase() == SessionPhase.READY);
        s.send(new Command.SetState(AgentState.READY, null));
        Wait.until("agent ready", step, () -> sim.state().status().equals("READY"));
    }

    /** Ring, answer from the bar, the caller hangs up; the bar is back to no call. */
    private static void ucsCall(UcsSimulator sim, Session s) throws Exception {
        String id = String.valueOf(sim.scenario("inbound", Map.of("number", "603987654")).get("uniqueid"));
        Wait.until("ringing " + id, STEP, () -> s.store().state().calls().containsKey(id));
        s.send(new Command.Answer(id));
        Wait.until("talking " + id, STEP, () -> sim.state().phase() == UcsSimState.Phase.READY
                && sim.state().calls().stream().anyMatch(c -> c.uniqueid().equals(id) && c.state() == 3));
        sim.scenario("remote-hangup", Map.of());
        Wait.until("ended " + id, STEP, () -> s.store().state().calls().isEmpty());
    }

    /** Ring (the phone answers itself), then the customer hangs up; the bar is back to no call. */
    private static void epbxCall(EpbxSimulator sim, Session s) throws Exception {
        String canal = sim.scenario("inbound", Map.of("answerAfterMs", 0)).get("canalId").asText();
        Wait.until("call " + canal, STEP, () -> s.store().state().calls().containsKey(canal)
                && s.store().state().calls().get(canal).status() == CallStatus.CONNECTED);
        sim.scenario("hangup", Map.of());
        Wait.until("ended " + canal, STEP, () -> s.store().state().calls().isEmpty());
    }

    /** Warms up, then runs {@link #CALLS} calls measured, prints the figures and checks none was lost. */
    static void soak(String name, Session session, Call call) throws Exception {
        soak(name, session, call, () -> "");
    }

    /** The same, with a line of figures from outside the JVM (the browser's memory) before and after. */
    static void soak(String name, Session session, Call call, java.util.function.Supplier<String> outside) throws Exception {
        // A call is lost when its ring or its end never reached the store, duplicated when it ended twice. Rings
        // are not counted twice: AgentDesktop announces one call with POPUP and then RINGING, both call.ringing.
        Set<String> rung = ConcurrentHashMap.newKeySet();
        Set<String> ended = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        Consumer<InspectorEntry> count = e -> {
            for (Event ev : e.events()) {
                if (ev instanceof Event.CallRinging r) rung.add(r.callId());
                if (ev instanceof Event.CallEnded d && !ended.add(d.callId())) duplicates.incrementAndGet();
            }
        };
        FxProbe probe = new FxProbe();
        session.inspector().subscribe(count);
        try {
            for (int i = 0; i < WARM_UP; i++) call.run();
            long before = usedAfterGc();
            int entriesBefore = session.inspector().snapshot().size();
            String outsideBefore = outside.get();
            probe.start();
            long t0 = System.nanoTime();
            long halfway = 0;
            long gcNanos = 0;
            // Calls a second in each fifth of the run: a path that slows down as calls pile up shows it here.
            StringBuilder fifths = new StringBuilder();
            long fifthStart = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                if (i > 0 && CALLS >= 5 && i % (CALLS / 5) == 0 && i / (CALLS / 5) <= 4) {
                    fifths.append(String.format(" %.1f", (CALLS / 5) * 1e9 / (System.nanoTime() - fifthStart)));
                    fifthStart = System.nanoTime();
                }
                if (i == CALLS / 2) {
                    // Growth that stops is a bounded buffer filling (the inspector keeps 5,000 entries); growth that
                    // goes on in the second half is a leak. The GC pause is not the FX thread's.
                    long g0 = System.nanoTime();
                    probe.stop();
                    halfway = usedAfterGc();
                    probe.start();
                    gcNanos = System.nanoTime() - g0;
                    fifthStart += gcNanos;
                }
                call.run();
            }
            if (CALLS >= 5) fifths.append(String.format(" %.1f", (CALLS - 4 * (CALLS / 5)) * 1e9 / (System.nanoTime() - fifthStart)));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0 - gcNanos);
            probe.stop();
            long after = usedAfterGc();
            String outsideAfter = outside.get();
            long lost = (CALLS + WARM_UP - rung.size()) + (CALLS + WARM_UP - ended.size());
            System.out.printf("soak %s: %d calls in %d ms (%.1f calls/s; by fifths:%s)%n", name, CALLS, ms, CALLS * 1000.0 / ms,
                    fifths);
            System.out.printf("  heap after GC: %d KiB -> %d KiB, growth %.1f %% (goal < 10 %%)%n",
                    before / 1024, after / 1024, 100.0 * (after - before) / before);
            System.out.printf("    first half %+.1f %%, second half %+.1f %% (%d KiB at call %d); inspector entries %d -> %d "
                            + "(keeps 5,000), warm-up %d calls%n",
                    100.0 * (halfway - before) / before, 100.0 * (after - halfway) / before, halfway / 1024, CALLS / 2,
                    entriesBefore, session.inspector().snapshot().size(), WARM_UP);
            if (!outsideBefore.isEmpty()) System.out.printf("  %s -> %s%n", outsideBefore, outsideAfter);
            System.out.printf("  longest FX-thread stall: %d ms (goal <= 100 ms)%n", probe.longestMs());
            System.out.printf("  events lost: %d, duplicated: %d (goal 0, 0; rings and ends of %d calls)%n", lost,
                    duplicates.get(), CALLS + WARM_UP);
            assertEquals(0, lost, name + ": calls lost");
            assertEquals(0, duplicates.get(), name + ": calls duplicated");
        } finally {
            probe.stop();
            session.inspector().unsubscribe(count);
        }
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        // What the last collection left in each heap pool, not the heap's use now: the bar and its simulator go on
        // allocating during the sleep, and that young garbage would count as live.
        long live = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            var after = pool.getType() == java.lang.management.MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) live += after.getUsed();
        }
        return live > 0 ? live : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Posts to the FX thread every 10 ms and keeps the longest wait until the post ran, and the waits over 100 ms.
     * Beside it a plain thread sleeps 10 ms at a time and keeps how late it wakes: on a machine whose cores are all
     * busy the scheduler delays every thread, and an FX stall that a late wake-up overlaps is the machine's, not
     * the FX thread's work (decision 0090).
     */
    static final class FxProbe {
        private static final long STALL = TimeUnit.MILLISECONDS.toNanos(100);
        private static final long LATE = TimeUnit.MILLISECONDS.toNanos(50);
        private final AtomicLong longestNanos = new AtomicLong();
        private final AtomicLong over100 = new AtomicLong();
        private final AtomicLong machineOver100 = new AtomicLong();
        private final AtomicLong machineLongest = new AtomicLong();
        private final AtomicLong overlapped = new AtomicLong();
        /** The first stalls over 100 ms: when (UTC, as a flight recording shows it) and how long, to set beside a profile. */
        private final java.util.List<String> stalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The plain thread's late wake-ups over 50 ms, as {start, end} in nanoTime, the latest few hundred. */
        private final java.util.Deque<long[]> late = new java.util.concurrent.ConcurrentLinkedDeque<>();
        private volatile boolean running;
        private Thread fx;
        private Thread machine;

        void start() {
            running = true;
            fx = new Thread(() -> {
                while (running) {
                    long posted = System.nanoTime();
                    CompletableFuture<Void> ran = new CompletableFuture<>();
                    Platform.runLater(() -> ran.complete(null));
                    try {
                        ran.get(10, TimeUnit.SECONDS);
                        long now = System.nanoTime();
                        long waited = now - posted;
                        if (!running) break; // stopped meanwhile: the caller's collection is not the FX thread's
                        longestNanos.accumulateAndGet(waited, Math::max);
                        if (waited > STALL) stalled(posted, now);
                        Thread.sleep(10);
                    } catch (Exception e) {
                        longestNanos.accumulateAndGet(TimeUnit.SECONDS.toNanos(10), Math::max);
                    }
                }
            }, "soak-fx-probe");
            machine = new Thread(() -> {
                while (running) {
                    long before = System.nanoTime();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    long overshoot = now - before - TimeUnit.MILLISECONDS.toNanos(10);
                    if (!running) break;
                    machineLongest.accumulateAndGet(overshoot, Math::max);
                    if (overshoot > STALL) machineOver100.incrementAndGet();
                    if (overshoot > LATE) {
                        late.addLast(new long[] {before, now});
                        if (late.size() > 500) late.pollFirst();
                    }
                }
            }, "soak-machine-probe");
            for (Thread t : new Thread[] {fx, machine}) {
                t.setDaemon(true);
                t.start();
            }
        }

        private void stalled(long posted, long now) {
            over100.incrementAndGet();
            // Let the plain thread's wake-up that ends in this window arrive before judging.
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean machineToo = late.stream().anyMatch(w -> w[0] < now && w[1] > posted);
            if (machineToo) overlapped.incrementAndGet();
            if (stalls.size() < 40) stalls.add(java.time.LocalTime.now(java.time.ZoneOffset.UTC)
                    .minusNanos(System.nanoTime() - posted).truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "Z:"
                    + TimeUnit.NANOSECONDS.toMillis(now - posted) + "ms" + (machineToo ? "(machine)" : ""));
        }

        /** Stops both threads and waits for them, so that nothing measured afterwards (a full GC) counts. */
        void stop() throws InterruptedException {
            running = false;
            for (Thread t : new Thread[] {fx, machine}) if (t != null) t.join(15_000);
        }

        long longestMs() {
            return TimeUnit.NANOSECONDS.toMillis(longestNanos.get());
        }

        long over100() {
            return over100.get();
        }

        /** Stalls over 100 ms that the plain thread's late wake-up overlapped. */
        long machineOverlapped() {
            return overlapped.get();
        }

        /** The plain thread's longest lateness and how often it was over 100 ms late. */
        String machine() {
            return String.format(java.util.Locale.ROOT, "a plain thread's 10 ms sleep woke up to %d ms late, %d times over 100 ms",
                    TimeUnit.NANOSECONDS.toMillis(machineLongest.get()), machineOver100.get());
        }

        /** The first 40 stalls over 100 ms as " [at:length …]", or nothing. */
        String stallsOver100() {
            return stalls.isEmpty() ? "" : " " + stalls;
        }
    }
}
