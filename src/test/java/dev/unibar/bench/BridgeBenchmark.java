package dev.unibar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the web bridge: a page emits N events in one burst; the clock runs from the script
 * call until the handler has seen the N-th event on the worker thread (page → shim batches →
 * deliver() on the FX thread → Jackson on the worker → handler). Not a test: numbers depend on the
 * machine, so nothing is asserted except completeness and order.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.BridgeBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=20000 -Dbench.rounds=20]
 * </pre>
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Headless unless told otherwise; must be set before the toolkit starts.
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        int events = Integer.getInteger("bench.events", 20_000);
        int rounds = Integer.getInteger("bench.rounds", 20);
        int warmup = Integer.getInteger("bench.warmup", 3);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);

        HostServer host = new HostServer();
        host.addPage("/bench", () -> "<!doctype html><html><head><script src=\"/unibar/shim.js\"></script>"
                + "<script>"
                + "function burstCapture(n, r) { for (var i = 0; i < n; i++) unibar.capture({callback: 'x', args: [r, i]}); }"
                + "function burstPost(n, r) { for (var i = 0; i < n; i++) window.postMessage({eventName: 'x', payload: {r: r, i: i}}, '*'); }"
                + "</script></head><body></body></html>");
        host.start();
        Counter counter = new Counter();
        WebPageChannel channel = WebPageChannel.create(OriginPolicy.forHost(host, List.of())).get(30, TimeUnit.SECONDS);
        try {
            channel.setCaptureHandler(counter);
            channel.load(host.url("/bench"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (channel.attachments() < 1 && System.nanoTime() < deadline) Thread.sleep(10);
            if (channel.attachments() < 1) throw new IllegalStateException("the bench page did not load");

            System.out.printf(Locale.ROOT, "BridgeBenchmark: %d events per round, %d rounds (+%d warm-up), %s%n",
                    events, rounds, warmup, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            run("unibar.capture (one script, one loop)", "burstCapture", channel, counter, events, rounds, warmup);
            run("window.postMessage (one task per event)", "burstPost", channel, counter, events, rounds, warmup);
        } finally {
            channel.close();
            host.stop();
            Platform.exit();
        }
    }

    private static void run(String title, String fn, WebPageChannel channel, Counter counter, int events, int rounds,
                            int warmup) throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Long> batchCounts = new ArrayList<>();
        for (int r = 0; r < warmup + rounds; r++) {
            long batchesBefore = channel.pipeline().batches();
            counter.reset(r, events);
            long t0 = System.nanoTime();
            channel.call(fn + "(" + events + ", " + r + ")").get(60, TimeUnit.SECONDS);
            if (!counter.done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("round " + r + ": only " + counter.seen.get() + " of " + events + " arrived");
            }
            long nanos = counter.lastAt.get() - t0;
            if (counter.outOfOrder.get() > 0) throw new IllegalStateException("round " + r + ": out of order");
            if (r >= warmup) {
                rates.add(events / (nanos / 1e9));
                batchCounts.add(channel.pipeline().batches() - batchesBefore);
            }
        }
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        double median = percentile(sorted, 50);
        // Throughput's bad tail is its low end: p99 is the rate 99% of rounds met or beat.
        double p99 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.01) - 1));
        double avgBatches = batchCounts.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-42s median %,10.0f events/s  p99(worst 1%%) %,10.0f events/s  "
                        + "max %,10.0f  burst median %6.1f ms  deliver() calls/round %.1f%n",
                title, median, p99, sorted.get(sorted.size() - 1), events / median * 1000, avgBatches);
    }

    private static double percentile(List<Double> sorted, int p) {
        int n = sorted.size();
        if (n % 2 == 1 || p != 50) return sorted.get(Math.min(n - 1, (int) Math.ceil(n * p / 100.0) - 1));
        return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** Counts one round's events on the worker thread and notes when the last one arrived. */
    private static final class Counter implements CaptureHandler {
        volatile CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicLong lastAt = new AtomicLong();
        private volatile int round;
        private volatile int expected;

        void reset(int round, int expected) {
            this.round = round;
            this.expected = expected;
            seen.set(0);
            outOfOrder.set(0);
            done = new CountDownLatch(1);
        }

        @Override
        public void captured(String origin, JsonNode line, String raw) {
            JsonNode args = line.path("args");
            int r = args.isArray() ? args.path(0).asInt(-1) : line.path("payload").path("r").asInt(-1);
            int i = args.isArray() ? args.path(1).asInt(-1) : line.path("payload").path("i").asInt(-1);
            if (r != round) return;
            int n = seen.getAndIncrement();
            if (i != n) outOfOrder.incrementAndGet();
            if (n + 1 == expected) {
                lastAt.set(System.nanoTime());
                done.countDown();
            }
        }

        @Override
        public void malformed(String raw, String reason) {
            throw new IllegalStateException("malformed: " + reason);
        }

        @Override
        public void dropped(String origin, String raw) {
            throw new IllegalStateException("dropped from " + origin);
        }
    }
}
