package dev.unibar.connectors.epbx;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * When a dropped transport tries again (issue 21, decision 0033): after the backoff's delay, unless the
 * server has been silent (no HTTP answer at all since the drop or in the last attempt) and the delay is
 * longer than the backoff's probe; then a cheap request without a token asks every 0.5–1 probe periods
 * whether it answers, and the attempt is made as soon as it does. Runs on the transport's control thread.
 */
final class ReconnectSchedule {

    private static final System.Logger LOG = System.getLogger(ReconnectSchedule.class.getName());
    /** A probe that gets no answer within this is a server still away. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final HubTransport.Backoff backoff;
    private final SignalRTransportBase<?> transport;
    private final Random random = new Random();
    /** Whether the server answered since the drop, or in the attempt under way. */
    private volatile boolean heard = true;

    /** @param transport whose control thread runs the attempts, whose client probes, and which may close meanwhile */
    ReconnectSchedule(HubTransport.Backoff backoff, SignalRTransportBase<?> transport) {
        this.backoff = backoff;
        this.transport = transport;
    }

    /** The connection dropped: nothing is known of the server until it answers. */
    void dropped() {
        heard = false;
    }

    /** The server answered (any HTTP status, a WebSocket upgrade): it is there, whatever it said. */
    void heard() {
        heard = true;
    }

    /** Attempt {@code n} begins now: what it hears decides how the next one is awaited. */
    void starting() {
        heard = false;
    }

    /** Runs {@code attempt} with {@code n} when it is due; false, and nothing scheduled, when the backoff is spent. */
    boolean next(int n, IntConsumer attempt) {
        if (backoff.exhausted(n)) return false;
        long delay = backoff.delayMs(n, random);
        if (!heard && backoff.probesDuring(delay)) {
            probeUntil(n, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), attempt);
        } else {
            later(() -> attempt.accept(n), delay);
        }
        return true;
    }

    private void probeUntil(int n, long dueNanos, IntConsumer attempt) {
        long left = TimeUnit.NANOSECONDS.toMillis(dueNanos - System.nanoTime());
        long next = backoff.probeDelayMs(random);
        if (left <= next) {
            later(() -> attempt.accept(n), Math.max(0, left));
            return;
        }
        later(() -> {
            if (answers()) {
                LOG.log(System.Logger.Level.INFO, "EPBX hub answers again: reconnecting now");
                attempt.accept(n);
            } else {
                probeUntil(n, dueNanos, attempt);
            }
        }, next);
    }

    /** Runs {@code r} on the control thread after {@code delayMs}, unless the transport is closed by then. */
    private void later(Runnable r, long delayMs) {
        try {
            transport.control.schedule(() -> {
                if (!transport.closed) r.run();
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    /** Whether the server answers HTTP at all now (a 404 or 401 is an answer). */
    private boolean answers() {
        HttpRequest req = HttpRequest.newBuilder(transport.probeUri()).timeout(PROBE_TIMEOUT).GET().build();
        CompletableFuture<HttpResponse<Void>> f = transport.http.sendAsync(req, HttpResponse.BodyHandlers.discarding());
        try {
            f.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            f.cancel(true);
            return false;
        }
    }
}
