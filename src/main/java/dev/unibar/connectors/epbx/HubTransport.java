package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A connection to the EPBX hub, whichever SignalR dialect carries it (docs/decisions/0005). Events,
 * state changes and invocation results are delivered on one transport thread, in arrival order.
 */
public interface HubTransport extends AutoCloseable {

    enum State { CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED }

    /**
     * Connects to {@code hub}; {@code token} is asked for the current access token on every request
     * (negotiate, connect, reconnect), so a refreshed token is used from then on. Completes when
     * invocations can be sent.
     */
    CompletableFuture<Void> connect(String hub, Supplier<String> token);

    /** Calls a hub method; completes with its result (a JSON null when it returns nothing) or the server's error. */
    CompletableFuture<JsonNode> invoke(String method, Object... args);

    /** Hub client-method calls: name and the argument array. */
    void onEvent(BiConsumer<String, JsonNode> handler);

    void onState(Consumer<State> listener);

    /**
     * After a reconnect the server no longer knew this client (restart, or the connection expired),
     * so the new connection carries none of its hub state: the owner must run its start-up again.
     */
    void onSessionLost(Runnable listener);

    /**
     * Whether the last reconnect kept this client's server-side state. Read when CONNECTED is reported:
     * when false, a lost-session notice follows, and the owner waits for its own start-up to finish.
     */
    default boolean resumedSession() {
        return true;
    }

    /**
     * Who renews the session when the server refuses the token on a reconnect (HTTP 401 or 403 on
     * negotiate or connect): a middleware restarted without its tokens is not a network problem, and
     * backing off would leave the bar blind for minutes. {@code renew} runs on the transport's control
     * thread and answers whether a new token is there to retry with at once; when it is not, the owner
     * has been told (log in again) and the transport keeps to its ordinary backoff until closed.
     */
    default void onAuthRejected(java.util.function.BooleanSupplier renew) {
    }

    @Override
    void close();

    /** The server answered 401 or 403: the token, not the network, is the trouble. */
    final class Unauthorized extends java.io.IOException {
        public Unauthorized(String what, int status) {
            super(what + " answered HTTP " + status);
        }
    }

    /**
     * Thrown into invocation futures: the server's own message, for the agent to read as the vendor
     * wrote it, or a transport's own condition (not connected, no answer), which carries a keyed
     * refusal so the agent reads it in the bar's language.
     */
    final class HubException extends RuntimeException {
        private final transient dev.unibar.core.model.Notices.Refusal refusal;

        public HubException(String message) {
            super(message);
            this.refusal = null;
        }

        public HubException(dev.unibar.core.model.Notices.Refusal refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        /** The keyed refusal of the transport's own condition; null for the server's text. */
        public dev.unibar.core.model.Notices.Refusal refusal() {
            return refusal;
        }

        static HubException notConnected() {
            return new HubException(new dev.unibar.core.model.Notices.Refusal("epbx.notConnected"));
        }

        static HubException noAnswer(String method) {
            return new HubException(new dev.unibar.core.model.Notices.Refusal("epbx.noAnswer", method));
        }

        static HubException connectionLost() {
            return new HubException(new dev.unibar.core.model.Notices.Refusal("epbx.connectionLost"));
        }

        static HubException connectionClosed() {
            return new HubException(new dev.unibar.core.model.Notices.Refusal("epbx.connectionClosed"));
        }
    }

    /**
     * Retry timing for reconnects: the first retry comes within {@code first}, then doubling up to
     * {@code cap}. While a wait is longer than {@code probeMs} (above 0) and the server gave no answer at
     * all, a cheap probe asks every {@code probeMs} (with jitter) whether it answers again, and the
     * attempt is made as soon as it does: a server back after a long outage is not left waiting for a
     * backoff grown to its cap, while a server that answers and refuses still gets the whole backoff.
     */
    record Backoff(long firstMs, long capMs, int maxAttempts, long probeMs) {
        /** The server is probed every 0.5–1 s once the backoff is longer: back within 2 s of answering again. */
        public static final Backoff DEFAULT = new Backoff(1_000, 30_000, 0, 1_000);

        /** No probe: the backoff alone. */
        public Backoff(long firstMs, long capMs, int maxAttempts) {
            this(firstMs, capMs, maxAttempts, 0);
        }

        /** The delay before attempt {@code n} (0-based): exponential with jitter, never above the cap. */
        public long delayMs(int n, java.util.Random random) {
            return jittered(Math.min(capMs, firstMs << Math.min(n, 20)), random);
        }

        /** The wait before the next probe. */
        public long probeDelayMs(java.util.Random random) {
            return jittered(probeMs, random);
        }

        /** Whether a wait of {@code delayMs} is long enough to probe during it. */
        public boolean probesDuring(long delayMs) {
            return probeMs > 0 && delayMs > probeMs;
        }

        /** Full jitter within the upper half keeps many bars from reconnecting in lockstep after a restart. */
        private static long jittered(long ceiling, java.util.Random random) {
            return ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        }

        /** 0 means retry for as long as the bar runs. */
        public boolean exhausted(int attempts) {
            return maxAttempts > 0 && attempts >= maxAttempts;
        }
    }
}
