package dev.unibar.crm;

import com.sun.net.httpserver.HttpServer;
import dev.unibar.config.CrmConfig;
import dev.unibar.config.Secret;
import dev.unibar.core.model.Event;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.Outbox;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook deliveries against a receiver the test runs: signed, keyed, in order, retried, dead-lettered, re-sent. */
class WebhookSenderTest {

    static final Secret SECRET = Secret.of("whsec_test_0123456789");
    static final Duration WAIT = Duration.ofSeconds(20);

    /** What a receiver got: the body and the headers that matter. */
    record Got(String body, String key, String signature, String attempt) {
    }

    @TempDir
    Path dir;
    private HttpServer receiver;
    private final List<Got> got = new CopyOnWriteArrayList<>();
    /** How many requests to fail with 503 before taking them. */
    private final AtomicInteger failFirst = new AtomicInteger();
    private CallJournal journal;
    private WebhookSender sender;
    private final List<Outbox.Status> statuses = new CopyOnWriteArrayList<>();

    private void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int code = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (code == 200) {
                got.add(new Got(body, ex.getRequestHeaders().getFirst("Idempotency-Key"),
                        ex.getRequestHeaders().getFirst("Unibar-Signature"), ex.getRequestHeaders().getFirst("Unibar-Delivery-Attempt")));
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        receiver.start();
    }

    private void start(Duration deadAfter) throws Exception {
        journal = CallJournal.open(dir.resolve("journal.db"), null, Clock.systemUTC());
        journal.logging().logTo(List.of("crm"), Duration.ofSeconds(120));
        CrmConfig.Webhook hook = new CrmConfig.Webhook("crm", URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook"), SECRET, 5);
        sender = new WebhookSender(hook, journal.outbox(), Clock.systemUTC(),
                new WebhookSender.Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), deadAfter, statuses::add).start();
        journal.logging().onOutboxChange(sender::poke);
    }

    private void finish(String id) {
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        journal.record(List.of(new Event.CallRinging("epbx", t0, id, null)));
        journal.record(List.of(new Event.CallEnded("epbx", t0.plusSeconds(5), id, "caller_hangup")));
        journal.record(List.of(new Event.CallFinished("epbx", t0.plusSeconds(9), id)));
    }

    @AfterEach
    void stop() {
        if (sender != null) sender.close();
        if (journal != null) journal.close();
        if (receiver != null) receiver.stop(0);
    }

    @Test
    void eachRecordArrivesSignedWithItsKeyInTheOrderCallsWereFinished() throws Exception {
        receiver();
        start(WebhookSender.DEAD_AFTER);
        for (int i = 0; i < 5; i++) finish("w" + i);
        Wait.until("five deliveries", WAIT, () -> got.size() == 5);
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 5; i++) {
            Got g = got.get(i);
            assertTrue(g.body().contains("\"callId\":\"w" + i + "\""), "in order: " + g.body());
            assertTrue(g.body().contains("\"id\":\"" + g.key() + "\""), "the body names its key");
            assertTrue(g.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), g.signature());
            assertTrue(WebhookSignature.verify(SECRET, g.signature(), g.body(), now, 300));
            assertFalse(WebhookSignature.verify(Secret.of("another-secret"), g.signature(), g.body(), now, 300));
            assertFalse(WebhookSignature.verify(SECRET, g.signature(), g.body() + " ", now, 300), "the body is signed");
            assertFalse(WebhookSignature.verify(SECRET, g.signature(), g.body(), now + 3600, 300), "a replay an hour later");
        }
        Wait.until("all delivered", WAIT, () -> journal.outbox().all().stream().allMatch(x -> x.state().equals(Outbox.DELIVERED)));
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameKeyAndTheBarHearsOfTheFirstFailure() throws Exception {
        receiver();
        failFirst.set(3);
        start(WebhookSender.DEAD_AFTER);
        finish("r1");
        finish("r2");
        Wait.until("a failure reported", WAIT, () -> statuses.stream().anyMatch(Outbox.Status::failing));
        Outbox.Status first = statuses.stream().filter(Outbox.Status::failing).findFirst().orElseThrow();
        assertEquals("HTTP 503", first.lastError());
        assertEquals(2, first.pending());
        Wait.until("both delivered", WAIT, () -> got.size() == 2);
        assertTrue(got.get(0).body().contains("\"callId\":\"r1\""), "r2 waited for r1");
        assertEquals("4", got.get(0).attempt(), "three failures, then the fourth try");
        assertFalse(statuses.get(statuses.size() - 1).failing(), "and the bar hears it is over");
    }

    @Test
    void aRecordFailingForADayIsDeadLetteredLetsTheNextThroughAndCanBeSentAgain() throws Exception {
        receiver();
        failFirst.set(1_000_000);
        start(Duration.ofMillis(300));
        finish("d1");
        Wait.until("dead-lettered", WAIT, () -> journal.outbox().dead().size() == 1);
        assertTrue(journal.outbox().dead().get(0).attempts() > 1);
        failFirst.set(0);
        finish("d2");
        Wait.until("the next one passes", WAIT, () -> got.size() == 1);
        assertTrue(got.get(0).body().contains("\"callId\":\"d2\""));
        String deadKey = journal.outbox().dead().get(0).key();
        assertEquals(1, journal.outbox().resendDead(Instant.now()));
        sender.poke();
        Wait.until("re-sent", WAIT, () -> got.size() == 2);
        assertEquals(deadKey, got.get(1).key(), "the same record, the same key");
        assertTrue(journal.outbox().dead().isEmpty());
    }
}
