package dev.unibar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.app.VendorContext;
import dev.unibar.bridge.BridgeProbe;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import javafx.application.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: where a UCS simulator event spends its time on the way to the store, stage by stage, in the
 * browser window (DevTools pipe) and in the WebView, in one run (issue 25). The page's stages are read with
 * {@code performance.timeOrigin + performance.now()}, Java's with {@link BridgeProbe}; the two stages that
 * cross from one clock to the other (the simulator to the page, and the page to Java) are also given as
 * their sum, which needs no common clock.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.BridgeStagesBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=200] [-Dbench.hosts=BROWSER,WEBVIEW] \
 *     [-Dbench.gapMs=0]
 * </pre>
 */
public final class BridgeStagesBenchmark {

    /**
     * Wraps the host glue's capture call and listens for the batches the shim hands the isolated world: on the
     * window in the capture phase (before the isolated world's listener on the document calls the binding) and
     * on the document after it (registered later, so called later).
     */
    private static final String PAGE_PROBE = "(function () {\n"
            + "  var P = window.__unibarProbe = {cap: [], start: [], flush: []};\n"
            + "  var base = performance.timeOrigin || (Date.now() - performance.now());\n"
            + "  function now() { return base + performance.now(); }\n"
            + "  var u = window.unibar, c = u.capture;\n"
            + "  u.capture = function () { P.cap.push(now()); return c.apply(this, arguments); };\n"
            + "  window.addEventListener('unibar-cdp-batch', function () { P.start.push(now()); }, true);\n"
            + "  document.addEventListener('unibar-cdp-batch', function () { P.flush.push(now()); }, true);\n"
            + "  return 'ok';\n"
            + "})()";

    private record Marks(long[] delivered, long[] read, long[] taken, long[] handled, int[] count) {
        static Marks make(int cap) {
            return new Marks(new long[cap], new long[cap], new long[cap], new long[cap], new int[3]);
        }
    }

    public static void main(String[] args) {
        Bench.main(BridgeStagesBenchmark::measure);
    }

    private static void measure() throws Exception {
        int n = Integer.getInteger("bench.events", 200);
        int warmup = Math.max(20, n / 10);
        List<String> hosts = List.of(System.getProperty("bench.hosts", "BROWSER,WEBVIEW").split(","));
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            Host host = Host.valueOf(h.trim());
            if (host.browser() && Browsers.installed().isEmpty()) {
                out.add(host + ": skipped, " + Browsers.SKIP);
                continue;
            }
            out.addAll(run(host, n, warmup));
        }
        System.out.printf(Locale.ROOT, "UCS simulator event -> store, by stage; %d events one at a time after %d warm-up, %d ms apart%n",
                n, warmup, Long.getLong("bench.gapMs", 0));
        out.forEach(System.out::println);
    }

    private static List<String> run(Host host, int n, int warmup) throws Exception {
        UcsRoundTrips.Opened opened = UcsRoundTrips.open(host);
        UcsSimulator sim = opened.sim();
        VendorContext ctx = opened.ctx();
        int total = warmup + n;
        long[] storeAt = new long[1];
        int[] expect = new int[1];
        ctx.session().store().subscribe(s -> {
            Integer w = s.waitingCallers();
            if (w != null && w == expect[0] && storeAt[0] == 0) storeAt[0] = System.nanoTime();
        });
        UcsRoundTrips.signIn(ctx);
        call(ctx, PAGE_PROBE);

        // Every batch is recorded (console lines travel too); each event's batch is the last one delivered
        // before its store change.
        int cap = total * 8 + 64;
        Marks m = Marks.make(cap);
        long[] lastRead = new long[1];
        BridgeProbe.listen((stage, t) -> {
            switch (stage) {
                case READ -> lastRead[0] = t;
                case DELIVERED -> {
                    int k = m.count()[0]++;
                    if (k < cap) {
                        m.delivered()[k] = t;
                        m.read()[k] = lastRead[0];
                    }
                }
                case TAKEN -> {
                    int k = m.count()[1]++;
                    if (k < cap) m.taken()[k] = t;
                }
                case HANDLED -> {
                    int k = m.count()[2]++;
                    if (k < cap) m.handled()[k] = t;
                }
            }
        });
        long[] sent = new long[total];
        long[] stored = new long[total];
        long gapMs = Long.getLong("bench.gapMs", 0);
        for (int i = 1; i <= total; i++) {
            // A pause lets the page finish what the previous event made it do (the UCS operator page redraws).
            if (gapMs > 0) Thread.sleep(gapMs);
            storeAt[0] = 0;
            expect[0] = i;
            long t0 = System.nanoTime();
            sim.scenario("waiting-callers", Map.of("count", i));
            UcsRoundTrips.await("event " + i, () -> storeAt[0] != 0);
            sent[i - 1] = t0;
            stored[i - 1] = storeAt[0];
            // Lets the worker mark the batch as handled before the next event is sent.
            UcsRoundTrips.await("handled " + i, () -> m.count()[2] >= m.count()[0]);
        }
        BridgeProbe.listen(null);
        long epochMinusNano = epochMinusNano();
        JsonNode page = new ObjectMapper().readTree(call(ctx, "JSON.stringify(window.__unibarProbe)"));
        double[] cap0 = doubles(page.path("cap"));
        double[] start0 = doubles(page.path("start"));
        double[] flush0 = doubles(page.path("flush"));

        Map<String, List<Double>> st = new java.util.LinkedHashMap<>();
        String[] names = host.browser()
                ? new String[]{"total: simulator -> store", "sim -> page capture (WebSocket, vendor script, glue) *",
                "page capture -> shim flush (batching)",
                "shim flush -> binding called (page event, isolated world, binding)",
                "binding called -> pipe read (DevTools, browser process, pipe) *",
                "sum of the two * stages (one clock each)", "pipe read -> pipeline (decode, CDP parse)",
                "pipeline -> worker (thread hand-off)", "worker -> store (split, parse, map, reduce)"}
                : new String[]{"total: simulator -> store", "sim -> page capture (WebSocket relay, vendor script, glue) *",
                "page capture -> pipeline (shim, JS-to-Java call) *", "sum of the two * stages (one clock each)",
                "pipeline -> worker (thread hand-off)", "worker -> store (split, parse, map, reduce)"};
        for (String s : names) st.put(s, new ArrayList<>());
        int k = 0;
        int unmatched = 0;
        int delivered = Math.min(m.count()[0], cap);
        for (int i = warmup; i < total; i++) {
            while (k + 1 < delivered && m.delivered()[k + 1] < stored[i]) k++;
            if (m.delivered()[k] >= stored[i] || m.taken()[k] == 0) {
                unmatched++;
                continue;
            }
            double t0 = ms(sent[i] + epochMinusNano);
            double capAt = firstAfter(cap0, t0);
            double deliveredMs = (m.delivered()[k] - sent[i]) / 1e6;
            st.get(names[0]).add((stored[i] - sent[i]) / 1e6);
            st.get(names[1]).add(capAt - t0);
            if (host.browser()) {
                double startAt = firstAfter(start0, capAt);
                double flushAt = firstAfter(flush0, startAt);
                double readMs = (m.read()[k] - sent[i]) / 1e6;
                st.get(names[2]).add(startAt - capAt);
                st.get(names[3]).add(flushAt - startAt);
                st.get(names[4]).add(readMs - (flushAt - t0));
                st.get(names[5]).add(readMs - (flushAt - capAt));
                st.get(names[6]).add((m.delivered()[k] - m.read()[k]) / 1e6);
                st.get(names[7]).add((m.taken()[k] - m.delivered()[k]) / 1e6);
                st.get(names[8]).add((stored[i] - m.taken()[k]) / 1e6);
            } else {
                st.get(names[2]).add(deliveredMs - (capAt - t0));
                st.get(names[3]).add(deliveredMs);
                st.get(names[4]).add((m.taken()[k] - m.delivered()[k]) / 1e6);
                st.get(names[5]).add((stored[i] - m.taken()[k]) / 1e6);
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(host.name().toLowerCase(Locale.ROOT) + " (" + (n - unmatched) + " events matched; * crosses the page's clock and Java's)");
        rows.add(String.format(Locale.ROOT, "  %-66s %9s %9s %9s", "", "median ms", "p99 ms", "max ms"));
        st.forEach((name, v) -> {
            if (!v.isEmpty()) rows.add("  " + UcsRoundTrips.row(String.format(Locale.ROOT, "%-66s", name), v).trim());
        });
        CountDownLatch gone = new CountDownLatch(1);
        Platform.runLater(() -> {
            ctx.page().load("about:blank");
            ctx.close();
            gone.countDown();
        });
        gone.await();
        sim.stop();
        return rows;
    }

    private static String call(VendorContext ctx, String script) throws Exception {
        CompletableFuture<String> r = new CompletableFuture<>();
        Platform.runLater(() -> ctx.page().call(script).whenComplete((v, e) -> {
            if (e != null) r.completeExceptionally(e);
            else r.complete(v);
        }));
        return r.get(30, TimeUnit.SECONDS);
    }

    /** Epoch nanoseconds minus {@link System#nanoTime()}, from the tightest of a few readings. */
    private static long epochMinusNano() {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 50; i++) {
            long a = System.nanoTime();
            Instant now = Instant.now();
            long b = System.nanoTime();
            if (b - a < best) {
                best = b - a;
                offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (a + (b - a) / 2);
            }
        }
        return offset;
    }

    private static double ms(long epochNanos) {
        return epochNanos / 1e6;
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }

    /** The first page time at or after {@code t} (page times are in order), or NaN. */
    private static double firstAfter(double[] times, double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo < times.length ? times[lo] : Double.NaN;
    }
}
