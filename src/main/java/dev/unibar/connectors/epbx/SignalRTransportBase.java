package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What both SignalR dialects share: the owner's listeners, the connection state, the token supplier and
 * two threads. {@code dispatch} delivers events, results and state changes in order; {@code control}
 * does the blocking connect and reconnect work off the socket threads.
 */
abstract class SignalRTransportBase implements HubTransport {

    private static final System.Logger LOG = System.getLogger(SignalRTransportBase.class.getName());

    protected final Backoff backoff;
    protected final Random random = new Random();
    protected final ExecutorService dispatch;
    protected final ScheduledExecutorService control;

    private final List<BiConsumer<String, JsonNode>> eventHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();

    protected volatile Supplier<String> token;
    protected volatile boolean closed;
    private volatile java.util.function.BooleanSupplier renew = () -> false;
    private int authRetries;
    private volatile State state = State.DISCONNECTED;
    private volatile boolean resumed = true;

    /** @param threadPrefix names the two threads (prefix-dispatch, prefix-control) in thread dumps */
    protected SignalRTransportBase(Backoff backoff, String threadPrefix) {
        this.backoff = backoff;
        this.dispatch = Executors.newSingleThreadExecutor(daemon(threadPrefix + "-dispatch"));
        this.control = Executors.newSingleThreadScheduledExecutor(daemon(threadPrefix + "-control"));
    }

    @Override
    public final void onEvent(BiConsumer<String, JsonNode> handler) {
        eventHandlers.add(handler);
    }

    @Override
    public final void onState(Consumer<State> listener) {
        stateListeners.add(listener);
    }

    @Override
    public final void onSessionLost(Runnable listener) {
        lostListeners.add(listener);
    }

    @Override
    public final void onAuthRejected(java.util.function.BooleanSupplier renew) {
        this.renew = renew;
    }

    /**
     * After a failed reconnect attempt: true when it failed because the token was refused and the
     * owner renewed it, so the next attempt should come at once rather than after the backoff. One
     * immediate retry per refusal in a row: a server that refuses a fresh token too is left to the
     * backoff (the owner will have heard from its token keeper by then).
     */
    protected final boolean renewedAfter(Throwable failure) {
        if (!isUnauthorized(failure)) {
            authRetries = 0;
            return false;
        }
        if (authRetries++ > 0) return false;
        LOG.log(System.Logger.Level.INFO, "EPBX refused the session token on reconnect: renewing it");
        try {
            return renew.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "EPBX token renewal failed", e);
            return false;
        }
    }

    /** Schedules reconnect attempt {@code n} after the backoff's delay, or gives up when the backoff is spent. */
    protected final void scheduleAttempt(int n) {
        if (closed) return;
        if (backoff.exhausted(n)) {
            LOG.log(System.Logger.Level.WARNING, "EPBX hub unreachable after " + n + " attempts: giving up");
            gaveUp();
            setState(State.DISCONNECTED);
            return;
        }
        try {
            control.schedule(() -> attempt(n), backoff.delayMs(n, random), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    /** Reconnect attempt {@code n} (0-based), on the control thread. */
    protected abstract void attempt(int n);

    /** The backoff is spent: forget the connection before DISCONNECTED is reported. */
    protected void gaveUp() {
    }

    protected final void connectedAgain() {
        authRetries = 0;
    }

    static boolean isUnauthorized(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Unauthorized) return true;
            if (c.getCause() == c) break;
        }
        return false;
    }

    protected final State state() {
        return state;
    }

    protected final void setState(State s) {
        if (state == s) return;
        state = s;
        try {
            dispatch.execute(() -> stateListeners.forEach(l -> l.accept(s)));
        } catch (RejectedExecutionException ignored) {
            // shutting down
        }
    }

    /** Hands a push to the owner on the dispatch thread; a failing handler is logged, not fatal. */
    protected final void deliver(String name, JsonNode args) {
        try {
            dispatch.execute(() -> {
                for (BiConsumer<String, JsonNode> h : eventHandlers) {
                    try {
                        h.accept(name, args);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "EPBX event handler failed for " + name, e);
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            // A frame that was in flight when the transport closed: nobody listens any more.
        }
    }

    /**
     * Connected again. When the server no longer knew this client, the new connection carries none of
     * its hub state: the owner hears CONNECTED, then the lost session, and must start up again.
     */
    protected final void reconnected(boolean sessionKept) {
        resumed = sessionKept;
        setState(State.CONNECTED);
        if (!sessionKept) dispatch.execute(() -> lostListeners.forEach(Runnable::run));
    }

    @Override
    public final boolean resumedSession() {
        return resumed;
    }

    /** The current access token, "" before connect or when the supplier has none. */
    protected final String currentToken() {
        Supplier<String> t = token;
        String v = t == null ? null : t.get();
        return v == null ? "" : v;
    }

    /** Ends both threads; the DISCONNECTED state reaches the listeners first. */
    protected final void shutdownThreads() {
        setState(State.DISCONNECTED);
        control.shutdownNow();
        dispatch.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
