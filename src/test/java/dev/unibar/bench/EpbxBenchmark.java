package dev.unibar.bench;

import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.epbx.ClassicSignalRTransport;
import dev.unibar.connectors.epbx.CoreSignalRTransport;
import dev.unibar.connectors.epbx.EpbxConnector;
import dev.unibar.connectors.epbx.HubTransport;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Latency of the EPBX path on loopback, per SignalR dialect: (a) a hub invocation's round trip through
 * the transport (send → reply), (b) a hub push until the bar's store reflects it (simulator send →
 * BarStore listener). Not a test: run with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.EpbxBenchmark}.
 */
public final class EpbxBenchmark {

    private static final int WARMUP = 200;
    private static final int N = 2_000;
    private static final String[][] INTERVALS = {{"3", "Almoço"}, {"4", "Banheiro"}};

    /** Jetty's start/stop INFO lines would interleave with the table; held so JUL keeps the level. */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    private EpbxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : N;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : WARMUP;
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<String, long[]> invoke = new LinkedHashMap<>();
        Map<String, long[]> push = new LinkedHashMap<>();
        EpbxSimulator sim = EpbxSimulator.builder().port(0).user("maria", "segredo", "Maria Souza").build().start();
        try {
            for (String transport : List.of("classic", "core")) {
                invoke.put(transport, invocations(sim, transport, warmup, n));
                push.put(transport, pushes(sim, transport, warmup, n));
            }
        } finally {
            sim.stop();
        }
        System.out.printf(Locale.ROOT, "EPBX on loopback, %d samples after %d warm-up (times in µs)%n", n, warmup);
        System.out.printf(Locale.ROOT, "%-9s %-28s %9s %9s %9s %7s%n", "transport", "measure", "median", "p99", "max",
                "count");
        for (String t : invoke.keySet()) {
            row(t, "invoke round-trip", invoke.get(t));
            row(t, "hub push -> store change", push.get(t));
        }
        // The transports leave non-daemon client threads (OkHttp) behind for a while.
        System.exit(0);
    }

    /** AlterarIntervaloTipo alternating 3 and 0 through the transport alone: each call gets a reply. */
    private static long[] invocations(EpbxSimulator sim, String transport, int warmup, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HubTransport t = transport.equals("core")
                ? new CoreSignalRTransport(sim.serviceBase(), "atendimentoHub", HubTransport.Backoff.DEFAULT)
                : new ClassicSignalRTransport(http, sim.serviceBase(), HubTransport.Backoff.DEFAULT);
        String token = sim.issueToken("maria");
        try {
            t.connect("AtendimentoHub", () -> token).get(15, TimeUnit.SECONDS);
            t.invoke("Iniciar", "1001", 3).get(10, TimeUnit.SECONDS);
            long[] out = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                int id = i % 2 == 0 ? 3 : 0;
                long t0 = System.nanoTime();
                t.invoke("AlterarIntervaloTipo", id).get(10, TimeUnit.SECONDS);
                long dt = System.nanoTime() - t0;
                if (i >= warmup) out[i - warmup] = dt;
            }
            t.invoke("Terminar").get(10, TimeUnit.SECONDS);
            return out;
        } finally {
            t.close();
        }
    }

    /**
     * onInicioIntervalo pushed by the simulator with alternating reasons; the clock stops when the
     * store's listener sees the new reason (the reducer has run and the UI would now be told).
     */
    private static long[] pushes(EpbxSimulator sim, String transport, int warmup, int n) throws Exception {
        EpbxConfig cfg = new EpbxConfig(sim.serviceBase(), null, "unibar", transport, null, null, null, null, null,
                null, null, null, null);
        EpbxConnector connector = new EpbxConnector(cfg);
        Session session = new Session(connector, Clock.systemUTC());
        session.start();
        Probe probe = new Probe();
        session.store().subscribe(probe);
        try {
            session.send(new Command.Login("maria", "segredo", false, "1002", "ramalVirtual"))
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
            awaitReady(session);
            long[] out = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                String[] iv = INTERVALS[i % 2];
                probe.expect(iv[1]);
                long t0 = sim.pushRaw("1002", "onInicioIntervalo", "1002",
                        Map.of("RamalStatusDetalheId", Integer.parseInt(iv[0]), "Descricao", iv[1], "Produtivo", false));
                if (t0 < 0) throw new IllegalStateException("ramal 1002 is not logged in");
                long seen = probe.await(10_000);
                if (i >= warmup) out[i - warmup] = seen - t0;
            }
            return out;
        } finally {
            session.store().unsubscribe(probe);
            session.send(new Command.Logout()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            session.stop();
        }
    }

    private static void awaitReady(Session session) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (session.store().state().phase() != SessionPhase.READY
                || session.store().state().pauseReasons().isEmpty()) {
            if (System.nanoTime() > end) throw new IllegalStateException("the bar never became ready");
            Thread.sleep(5);
        }
        // Let the rest of the log-in burst pass so it is not measured.
        Thread.sleep(300);
    }

    /** Store listener that stamps the moment the expected reason shows up. */
    private static final class Probe implements Consumer<BarState> {
        private String expected;
        private long seenAt;

        synchronized void expect(String reason) {
            expected = reason;
            seenAt = 0;
        }

        @Override
        public synchronized void accept(BarState s) {
            if (seenAt == 0 && expected != null && expected.equals(s.stateReason())) {
                seenAt = System.nanoTime();
                notifyAll();
            }
        }

        synchronized long await(long timeoutMs) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (seenAt == 0) {
                long left = end - System.nanoTime();
                if (left <= 0) throw new IllegalStateException("the store never showed " + expected);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return seenAt;
        }
    }

    private static void row(String transport, String measure, long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-9s %-28s %9.1f %9.1f %9.1f %7d%n", transport, measure,
                s[s.length / 2] / 1e3, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e3, s[s.length - 1] / 1e3, s.length);
    }

}
