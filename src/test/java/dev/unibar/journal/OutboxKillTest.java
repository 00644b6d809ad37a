package dev.unibar.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing finished is lost (decision 0042): the bar is killed (SIGKILL) at random moments while calls are finished
 * and its webhook receiver goes down and comes back; a last run with the receiver up delivers the rest. Every call
 * the bar had reported finished reaches the receiver, in the order the calls were finished; a call delivered twice
 * (a kill between the receiver's answer and the journal's note of it) carries the same idempotency key both times.
 */
class OutboxKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One delivery the receiver accepted. */
    record Delivery(String key, String callId) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile HttpServer receiver;
    private int port;

    private synchronized void up() throws IOException {
        if (receiver != null) return;
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (java.net.BindException e) {
            return; // the port is still closing: it stays down a little longer
        }
        s.createContext("/calls", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("Idempotency-Key"), body.path("callId").asText()));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        s.start();
        receiver = s;
    }

    private synchronized void down() {
        if (receiver == null) return;
        receiver.stop(0);
        receiver = null;
    }

    @Test
    @Timeout(300)
    void everyFinishedCallIsDeliveredInOrderDuplicatesOnlyWithTheirKey() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path db = dir.resolve("journal.db");
        long seed = Long.getLong("outbox.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Set<String> finished = new LinkedHashSet<>();
        int next = 0;
        int rounds = 6;
        for (int round = 0; round <= rounds; round++) {
            boolean last = round == rounds;
            if (last || random.nextBoolean()) up(); else down();
            Process p = child(db, next, random.nextLong(), last);
            int want = last ? 0 : 5 + random.nextInt(30);
            int seen = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (!last && seen < want && (line = r.readLine()) != null) {
                    if (line.startsWith("finished ")) {
                        String id = line.substring(9);
                        finished.add(id);
                        next = Math.max(next, Integer.parseInt(id.substring(1)) + 1);
                        seen++;
                        // The receiver goes down and comes back while calls are finished.
                        if (random.nextInt(8) == 0) {
                            if (receiver == null) up(); else down();
                        }
                    } else if (!line.equals("replayed") && !line.startsWith("WARNING") && !line.contains("WebhookSender")
                            && !line.startsWith("INFO") && !line.contains(" dev.unibar.")) {
                        throw new AssertionError("child said: " + line + " (seed " + seed + ")");
                    }
                }
                if (last) {
                    // The receiver is up for good: the bar, started once more (no new calls), delivers everything left.
                    Wait.until("every finished call delivered (seed " + seed + ")", Duration.ofSeconds(120),
                            () -> delivered().containsAll(finished));
                } else {
                    Thread.sleep(random.nextInt(20));
                }
                p.toHandle().destroyForcibly();
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("finished ")) {
                        String id = line.substring(9);
                        finished.add(id);
                        next = Math.max(next, Integer.parseInt(id.substring(1)) + 1);
                    }
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed");
            if (!last) assertTrue(seen > 0, "round " + round + " finished calls");
            // A kill between the journal's commit and the child's "finished" line leaves a finished call unsaid:
            // the journal is the record of what finished, and the next child must not reuse its id.
            try (CallJournal j = CallJournal.open(db, null, java.time.Clock.systemUTC())) {
                for (Outbox.Item it : j.outbox().all()) {
                    finished.add(it.callId());
                    next = Math.max(next, Integer.parseInt(it.callId().substring(1)) + 1);
                }
            }
        }
        down();
        for (String id : finished) assertTrue(delivered().contains(id), id + " was lost (seed " + seed + ")");
        assertTrue(finished.containsAll(delivered()), "nothing delivered that was not finished");
        Map<String, String> keyOf = new HashMap<>();
        List<String> firstOrder = new ArrayList<>();
        for (Delivery d : deliveries) {
            String before = keyOf.putIfAbsent(d.callId(), d.key());
            if (before == null) firstOrder.add(d.callId());
            else assertEquals(before, d.key(), d.callId() + " was sent again with another key (seed " + seed + ")");
        }
        for (int i = 1; i < firstOrder.size(); i++) {
            int a = Integer.parseInt(firstOrder.get(i - 1).substring(1));
            int b = Integer.parseInt(firstOrder.get(i).substring(1));
            assertTrue(a < b, "delivered out of order: " + firstOrder + " (seed " + seed + ")");
        }
        try (CallJournal j = CallJournal.open(db, null, java.time.Clock.systemUTC())) {
            assertEquals(finished.size(), j.outbox().all().size(), "one record per finished call, replays notwithstanding");
            for (Outbox.Item it : j.outbox().all()) {
                assertEquals(keyOf.get(it.callId()), it.key(), "the key delivered is the outbox's");
            }
        }
        System.out.println("OutboxKillTest: " + finished.size() + " calls finished, " + deliveries.size()
                + " deliveries (" + (deliveries.size() - finished.size()) + " repeated with their key), seed " + seed);
        assertTrue(finished.size() >= rounds * 5, "calls finished: " + finished.size());
    }

    private Set<String> delivered() {
        Set<String> out = new java.util.HashSet<>();
        for (Delivery d : deliveries) out.add(d.callId());
        return out;
    }

    private Process child(Path db, int next, long seed, boolean deliverOnly) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutboxSoak.class.getName(),
                db.toString(), "http://127.0.0.1:" + port + "/calls", String.valueOf(next), String.valueOf(seed),
                deliverOnly ? "deliver" : "calls")
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
