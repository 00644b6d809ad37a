package dev.unibar.connectors.epbx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the EPBX access token fresh: refreshes at 80% of its lifetime (and at least a second before it
 * expires), hands the current one to the transports, and tells its owner once when the server refuses
 * a refresh so the agent is asked to log in again instead of being left with a silently dead bar.
 * A refresh that fails for network reasons is retried until the token would expire.
 */
public final class TokenKeeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TokenKeeper.class.getName());

    private final OAuthClient oauth;
    private final Consumer<EpbxFailure> onRefused;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("epbx-token"));
    private volatile String access;
    private volatile String refresh;
    private volatile long expiresAtNanos;
    private ScheduledFuture<?> next;
    private volatile boolean closed;
    private volatile int refreshCount;

    /** @param onRefused called once with a readable reason (no secret in it) when the session cannot be renewed */
    public TokenKeeper(OAuthClient oauth, Consumer<EpbxFailure> onRefused) {
        this.oauth = Objects.requireNonNull(oauth);
        this.onRefused = Objects.requireNonNull(onRefused);
    }

    /** Password grant; the password is not kept. Throws {@link OAuthClient.RefusedException} on bad credentials. */
    public void login(String username, String password) throws java.io.IOException, InterruptedException {
        accept(oauth.password(username, password));
    }

    /** The current access token, for a request about to be sent. Null before login or after close. */
    public String token() {
        return closed ? null : access;
    }

    /** How many refreshes succeeded (for tests and the inspector). */
    public int refreshCount() {
        return refreshCount;
    }

    static Duration refreshDelay(long expiresInSeconds) {
        long lifeMs = Math.max(0, expiresInSeconds) * 1000;
        long at = lifeMs > 1000 ? Math.min(lifeMs * 8 / 10, lifeMs - 1000) : lifeMs / 2;
        return Duration.ofMillis(at);
    }

    private synchronized void accept(OAuthClient.Tokens t) {
        access = t.accessToken();
        if (t.refreshToken() != null) refresh = t.refreshToken();
        expiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(t.expiresInSeconds());
        schedule(refreshDelay(t.expiresInSeconds()).toMillis());
    }

    private synchronized void schedule(long delayMs) {
        if (closed) return;
        if (next != null) next.cancel(false);
        next = timer.schedule(this::refreshNow, delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Refreshes at once, on the caller's thread (the hub refused the token on a reconnect). True when a
     * new token is held; false when it is not, and when the server refused the refresh the owner has
     * been told to ask for a login (as with a refused scheduled refresh).
     */
    public boolean renewNow() {
        if (closed) return false;
        String r = refresh;
        if (r == null) {
            fail(EpbxFailure.keyed("epbx.sessionNotAccepted"));
            return false;
        }
        try {
            OAuthClient.Tokens t = oauth.refresh(r);
            refreshCount++;
            accept(t);
            return true;
        } catch (OAuthClient.RefusedException e) {
            fail(EpbxFailure.keyed("epbx.sessionUnknown", e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "EPBX token renewal failed: " + e.getMessage());
            return false;
        }
    }

    private void refreshNow() {
        if (closed) return;
        String r = refresh;
        if (r == null) {
            fail(EpbxFailure.keyed("epbx.sessionNoRefresh"));
            return;
        }
        try {
            OAuthClient.Tokens t = oauth.refresh(r);
            refreshCount++;
            accept(t);
        } catch (OAuthClient.RefusedException e) {
            fail(EpbxFailure.keyed("epbx.sessionNotRenewed", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(expiresAtNanos - System.nanoTime());
            if (leftMs <= 0) {
                fail(EpbxFailure.keyed("epbx.sessionExpiredUnreachable"));
            } else {
                LOG.log(System.Logger.Level.WARNING, "EPBX token refresh failed, retrying: " + e.getMessage());
                schedule(Math.max(200, Math.min(5_000, leftMs / 2)));
            }
        }
    }

    private void fail(EpbxFailure reason) {
        synchronized (this) {
            if (closed) return;
            closed = true;
            access = null;
            refresh = null;
        }
        LOG.log(System.Logger.Level.WARNING, reason.getMessage());
        onRefused.accept(reason);
    }

    @Override
    public synchronized void close() {
        closed = true;
        access = null;
        refresh = null;
        if (next != null) next.cancel(false);
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "TokenKeeper[" + (access != null ? "token held" : "no token") + "]";
    }
}
