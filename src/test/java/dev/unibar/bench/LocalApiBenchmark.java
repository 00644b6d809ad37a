package dev.unibar.bench;

import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.localapi.ApiToken;
import dev.unibar.localapi.LocalApiServer;
import dev.unibar.localapi.Pairings;
import dev.unibar.localapi.TestVendor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: prints how long a normalized event takes to reach the local API's clients (issue 23: p99 ≤ 5 ms with
 * 10 connected), beside the UCS simulator event → store figure of {@link UcsLatencyBenchmark} measured in the same
 * run. An event is handed to the session as a connector hands it (the inspector, the API's feed, its numbering,
 * one JSON text per event, each client's queue, Jetty, loopback) and timed until each client's WebSocket has the
 * whole message. Events go one at a time, so each is timed alone.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.LocalApiBenchmark \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw [-Dbench.events=1000] [-Dbench.clients=10]
 * </pre>
 */
public final class LocalApiBenchmark {

    private static final Pattern COUNT = Pattern.compile("\"type\":\"queue.waiting\"[^}]*\"count\":(\\d+)");

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.events", 1000);
        int clients = Integer.getInteger("bench.clients", 10);
        int warmup = Math.max(100, n / 10);

        List<Double> api = apiLatencies(n, warmup, clients);
        UcsRoundTrips.Result ucs = UcsRoundTrips.measureFresh(500, 50);

        System.out.printf(Locale.ROOT, "Local API: event handed to the session -> every one of %d WebSocket clients has it,"
                + " %d events one at a time (%d warm-up); goal p99 <= 5 ms%n", clients, n, warmup);
        System.out.println(UcsRoundTrips.header());
        System.out.println(UcsRoundTrips.row("event -> API client (each of " + clients + ")", api));
        System.out.println(UcsRoundTrips.row("UCS simulator event -> store (WebView)", ucs.toStore()));
        System.exit(0);
    }

    /** Milliseconds from handing each event to the session to each client holding it (n x clients values). */
    static List<Double> apiLatencies(int n, int warmup, int clients) throws Exception {
        Path dir = Files.createTempDirectory("unibar-api-bench");
        TestVendor vendor = new TestVendor();
        Session session = new Session(vendor, Clock.systemUTC());
        ApiToken token = ApiToken.loadOrCreate(dir.resolve("token"));
        LocalApiServer server = new LocalApiServer(session, null, new Pairings(List.of(), null), token, 0, 1000,
                Clock.systemUTC()).start();
        session.start();
        vendor.ready();
        String bearer = Files.readString(dir.resolve("token")).trim();
        Map<Integer, Long> sent = new ConcurrentHashMap<>();
        List<Double> out = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch[] got = new CountDownLatch[1];
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        int[] measureFrom = {Integer.MAX_VALUE};
        for (int c = 0; c < clients; c++) {
            CountDownLatch hello = new CountDownLatch(1);
            sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws"), new WebSocket.Listener() {
                        final StringBuilder buf = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            buf.append(data);
                            if (last) {
                                long now = System.nanoTime();
                                String text = buf.toString();
                                buf.setLength(0);
                                if (text.startsWith("{\"type\":\"hello\"")) hello.countDown();
                                Matcher m = COUNT.matcher(text);
                                if (m.find()) {
                                    int k = Integer.parseInt(m.group(1));
                                    Long t0 = sent.get(k);
                                    if (t0 != null && k >= measureFrom[0]) out.add((now - t0) / 1e6);
                                    if (t0 != null) got[0].countDown();
                                }
                            }
                            w.request(1);
                            return null;
                        }
                    }).join());
            hello.await(30, TimeUnit.SECONDS);
        }
        measureFrom[0] = warmup;
        for (int k = 0; k < warmup + n; k++) {
            got[0] = new CountDownLatch(clients);
            sent.put(k, System.nanoTime());
            vendor.emit(new Event.QueueWaiting("ucs", null, k));
            if (!got[0].await(10, TimeUnit.SECONDS)) throw new IllegalStateException("event " + k + " did not reach every client");
        }
        sockets.forEach(WebSocket::abort);
        server.close();
        session.stop();
        return new ArrayList<>(out);
    }

}
