package dev.unibar.crm;

import dev.unibar.config.CrmConfig;
import dev.unibar.journal.Outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Delivers one receiver's records from the journal's outbox (decision 0042), oldest first, one at a time: a
 * record waits for the one before it, so the receiver gets the agent's calls in order. A failure (anything but
 * a 2xx, or no answer) is retried with exponential backoff and full jitter; a record still failing a day after
 * its first try goes to the dead letters, where support can send it again. Every try of a record carries its
 * idempotency key, so a record sent twice (a kill between the answer and the journal's note of it) is the same
 * key twice. Runs on a daemon thread of its own.
 */
public final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    public static final Duration DEAD_AFTER = Duration.ofDays(1);

    /** How retries are spaced: {@code first} after the first failure, doubling up to {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public static Backoff standard() {
            return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));
        }

        /** The wait before try {@code failures + 1}: a random time up to the doubled delay (full jitter). */
        Duration after(int failures) {
            long cap = max.toMillis();
            long exp = first.toMillis() << Math.min(30, Math.max(0, failures - 1));
            long ceiling = Math.min(cap, exp <= 0 ? cap : exp);
            // Never quite zero: a receiver that is down must not be hammered by a run of tiny delays.
            return Duration.ofMillis(Math.max(first.toMillis() / 4, ThreadLocalRandom.current().nextLong(ceiling + 1)));
        }
    }

    private final CrmConfig.Webhook hook;
    private final Outbox outbox;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration deadAfter;
    private final Consumer<Outbox.Status> status;
    private final HttpClient http;
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean poked;
    private boolean failing;

    /** @param status told after every try (on the sender's thread) how the receiver's line stands */
    public WebhookSender(CrmConfig.Webhook hook, Outbox outbox, Clock clock, Backoff backoff, Duration deadAfter,
                         Consumer<Outbox.Status> status) {
        this.hook = hook;
        this.outbox = outbox;
        this.clock = clock;
        this.backoff = backoff;
        this.deadAfter = deadAfter;
        this.status = status;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(hook.timeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.thread = new Thread(this::run, "unibar-webhook-" + hook.name());
        thread.setDaemon(true);
    }

    public WebhookSender start() {
        thread.start();
        return this;
    }

    /** Something was added to the outbox (or put back): look now rather than at the next timeout. */
    public void poke() {
        synchronized (wake) {
            poked = true;
            wake.notifyAll();
        }
    }

    public String name() {
        return hook.name();
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (RuntimeException e) {
                // A bug must not end deliveries for the rest of the day.
                LOG.log(System.Logger.Level.WARNING, "Webhook " + hook.name() + ": " + e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void step() {
        Optional<Outbox.Item> next = outbox.head(hook.name());
        if (next.isEmpty()) {
            sleep(Duration.ofSeconds(30));
            return;
        }
        Outbox.Item item = next.get();
        Instant now = clock.instant();
        if (item.nextAt().isAfter(now)) {
            sleep(Duration.between(now, item.nextAt()));
            return;
        }
        String error = post(item);
        Instant after = clock.instant();
        if (error == null) {
            outbox.delivered(item.id(), after);
            if (failing) LOG.log(System.Logger.Level.INFO, "Webhook " + hook.name() + ": delivering again");
            failing = false;
        } else {
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "Webhook " + hook.name() + ": delivery failed (" + error
                        + "); retrying with backoff, further failures are counted in the bar only");
            }
            failing = true;
            if (!after.isBefore(item.retrySince().plus(deadAfter))) {
                outbox.dead(item.id(), error);
                LOG.log(System.Logger.Level.WARNING, "Webhook " + hook.name() + ": call " + item.callId()
                        + " moved to the dead letters after " + (item.attempts() + 1) + " tries");
            } else {
                outbox.failed(item.id(), error, after.plus(backoff.after(item.attempts() + 1)));
            }
        }
        status.accept(outbox.status(hook.name()));
    }

    /** Null when the receiver took it (2xx); otherwise what went wrong, in words safe for a log (no URL, no secret). */
    private String post(Outbox.Item item) {
        long t = clock.instant().getEpochSecond();
        HttpRequest req = HttpRequest.newBuilder(URI.create(hook.url().toString()))
                .timeout(Duration.ofSeconds(hook.timeoutSeconds()))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Unibar/" + version())
                .header("Idempotency-Key", item.key())
                .header("Unibar-Event", "call.logged")
                .header("Unibar-Delivery-Attempt", String.valueOf(item.attempts() + 1))
                .header(WebhookSignature.HEADER, WebhookSignature.header(hook.secret(), t, item.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(item.payload()))
                .build();
        try {
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String version() {
        String v = WebhookSender.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private void sleep(Duration d) {
        long ms = Math.max(1, Math.min(d.toMillis(), 30_000));
        synchronized (wake) {
            if (!poked && running) {
                try {
                    wake.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            poked = false;
        }
    }

    @Override
    public void close() {
        running = false;
        poke();
        thread.interrupt();
    }
}
