package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.unibar.connectors.Payloads;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What both SignalR dialects share: the owner's listeners, the connection state, the token supplier,
 * the live socket and the invocations in flight, connect, invoke, close, the silence watchdog, the drop
 * and the reconnect schedule, and two threads. {@code dispatch} delivers events, results and state
 * changes in order; {@code control} does the blocking connect and reconnect work off the socket
 * threads (every drop is handled there too, so a drop never runs inside a reconnect attempt). A dialect
 * supplies its handshake ({@link #open}), its invocation frame and, if it can resume, its own attempt.
 */
abstract class SignalRTransportBase<S extends HubSocket> implements HubTransport {

    private static final System.Logger LOG = System.getLogger(SignalRTransportBase.class.getName());

    /**
     * Java-WebSocket and the JDK HTTP client trace request URLs, access token included: their loggers are
     * held here (JUL keeps loggers weakly) where they print no request (issue 13, finding 7).
     */
    static {
        dev.unibar.config.LibraryLogs.atLeast("org.java_websocket", java.util.logging.Level.INFO);
        dev.unibar.config.LibraryLogs.atLeast("jdk.internal.httpclient", java.util.logging.Level.INFO);
        dev.unibar.config.LibraryLogs.atLeast("jdk.httpclient.HttpClient", java.util.logging.Level.WARNING);
    }

    protected final HttpClient http;
    protected final Random random = new Random();
    protected final ExecutorService dispatch;
    protected final ScheduledExecutorService control;
    protected final Invocations invocations;

    private final List<BiConsumer<String, JsonNode>> eventHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();

    protected volatile Supplier<String> token;
    protected volatile boolean closed;
    /** The socket in use: set by {@link #open} (or a dialect's resume), cleared by a drop or close. */
    protected volatile S current;
    private volatile java.util.function.BooleanSupplier renew = () -> false;
    private int authRetries;
    private volatile State state = State.DISCONNECTED;
    private volatile boolean resumed = true;
    private volatile long droppedAtNanos;
    private final ReconnectSchedule schedule;
    private ScheduledFuture<?> watchdog;

    /** @param threadPrefix names the two threads (prefix-dispatch, prefix-control) in thread dumps */
    protected SignalRTransportBase(HttpClient http, Backoff backoff, java.time.Duration invokeTimeout,
                                   String threadPrefix) {
        this.http = http;
        this.dispatch = Executors.newSingleThreadExecutor(DaemonThreads.named(threadPrefix + "-dispatch"));
        this.control = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadPrefix + "-control"));
        this.invocations = new Invocations(invokeTimeout, dispatch, this::clean);
        this.schedule = new ReconnectSchedule(backoff, this);
    }

    // ---- what a dialect supplies ----------------------------------------------------------------------

    /** Makes a new connection and sets {@link #current}; runs on the control thread. */
    protected abstract void open() throws Exception;

    /** The text frame that invokes {@code method} with invocation id {@code id}. */
    protected abstract String frame(String method, String id, ArrayNode args);

    /** What a reachability probe asks for: a cheap request that needs no token. */
    protected abstract URI probeUri();

    /** Before the first {@link #open}: the hub's name, as the owner gave it. */
    protected void prepare(String hub) {
    }

    /** After close() has closed the live socket {@code s}. */
    protected void closedSocket(S s) {
    }

    /** On every watchdog tick with the live socket when it has not been silent too long (the Core ping). */
    protected void tick(S s) {
    }

    /**
     * Reconnect attempt {@code n} (0-based), on the control thread: by default a new connection, which
     * carries none of the old one's server state (a lost session).
     */
    protected void attempt(int n) {
        renegotiate(n);
    }

    // ---- HubTransport -----------------------------------------------------------------------------------

    @Override
    public final CompletableFuture<Void> connect(String hub, Supplier<String> tokenSupplier) {
        this.token = tokenSupplier;
        prepare(hub);
        setState(State.CONNECTING);
        CompletableFuture<Void> done = new CompletableFuture<>();
        control.execute(() -> {
            try {
                open();
                setState(State.CONNECTED);
                done.complete(null);
            } catch (Exception e) {
                setState(State.DISCONNECTED);
                done.completeExceptionally(EpbxFailure.keyed("epbx.connectFailed", clean(e)));
            }
        });
        return done;
    }

    @Override
    public final CompletableFuture<JsonNode> invoke(String method, Object... args) {
        S s = current;
        if (closed || s == null || state != State.CONNECTED || !s.isOpen()) {
            return CompletableFuture.failedFuture(HubException.notConnected());
        }
        ArrayNode a = Payloads.JSON.createArrayNode();
        for (Object arg : args) a.add(Payloads.JSON.valueToTree(arg));
        return invocations.start(method, id -> s.send(frame(method, id, a)));
    }

    @Override
    public final void close() {
        if (closed) return;
        closed = true;
        S s = current;
        current = null;
        stopWatchdog();
        invocations.failAll(HubException::connectionClosed);
        if (s != null) {
            s.abandoned = true;
            s.close();
            closedSocket(s);
        }
        setState(State.DISCONNECTED);
        control.shutdownNow();
        dispatch.shutdown();
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

    @Override
    public final boolean resumedSession() {
        return resumed;
    }

    // ---- the connection's life ---------------------------------------------------------------------------

    /**
     * Watches the live socket every {@code periodMs}: silent for longer than {@code silenceMs} is a drop;
     * otherwise {@link #tick}. A silence limit of 0 or less watches nothing.
     */
    protected final synchronized void watch(long silenceMs, long periodMs) {
        stopWatchdog();
        if (silenceMs <= 0 || closed) return;
        watchdog = control.scheduleWithFixedDelay(() -> {
            S s = current;
            if (s == null || closed || state != State.CONNECTED) return;
            long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s.lastFrameNanos);
            if (silentMs > silenceMs) {
                LOG.log(System.Logger.Level.WARNING, "EPBX hub silent for " + silentMs + " ms: reconnecting");
                dropped(s);
            } else {
                tick(s);
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopWatchdog() {
        if (watchdog != null) watchdog.cancel(false);
        watchdog = null;
    }

    /** The socket {@code s} closed on its own: its drop is handled on the control thread. */
    protected final void socketClosed(S s) {
        if (s.abandoned || closed || s != current) return;
        onControl(() -> dropped(s));
    }

    /** The live socket is gone (closed, errored, silent, told to go): fail what waits and start reconnecting. */
    protected final void dropped(S s) {
        synchronized (this) {
            if (closed || s != current || state != State.CONNECTED) return;
            current = null;
            droppedAtNanos = System.nanoTime();
            schedule.dropped();
            s.abandoned = true;
        }
        s.close();
        stopWatchdog();
        invocations.failAll(HubException::connectionLost);
        LOG.log(System.Logger.Level.INFO, "EPBX hub connection lost: reconnecting");
        setState(State.RECONNECTING);
        scheduleAttempt(0);
    }

    /** How long ago the last drop was. */
    protected final long sinceDropMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - droppedAtNanos);
    }

    /** A new connection in place of the lost one; a failure schedules the next attempt. */
    protected final void renegotiate(int n) {
        try {
            open();
            authRetries = 0;
            reconnected(false);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "EPBX hub reconnect failed: " + clean(e));
            if (!renewedAfter(e)) scheduleAttempt(n + 1);
            else if (!closed) runAttempt(n + 1);
        }
    }

    /**
     * After a failed reconnect attempt: true when it failed because the token was refused and the
     * owner renewed it, so the next attempt should come at once rather than after the backoff. One
     * immediate retry per refusal in a row: a server that refuses a fresh token too is left to the
     * backoff (the owner will have heard from its token keeper by then).
     */
    private boolean renewedAfter(Throwable failure) {
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

    /** Schedules reconnect attempt {@code n} ({@link ReconnectSchedule}), or gives up when the backoff is spent. */
    protected final void scheduleAttempt(int n) {
        if (closed || schedule.next(n, this::runAttempt)) return;
        LOG.log(System.Logger.Level.WARNING, "EPBX hub unreachable after " + n + " attempts: giving up");
        current = null;
        setState(State.DISCONNECTED);
    }

    private void runAttempt(int n) {
        schedule.starting();
        attempt(n);
    }

    /** The server answered (any HTTP status, a WebSocket upgrade): it is there, whatever it said. */
    protected final void heard() {
        schedule.heard();
    }

    static boolean isUnauthorized(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Unauthorized) return true;
            if (c.getCause() == c) break;
        }
        return false;
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

    /** Runs {@code r} on the control thread; nothing once the transport is closing. */
    protected final void onControl(Runnable r) {
        try {
            control.execute(r);
        } catch (RejectedExecutionException ignored) {
            // closing
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** One message from the server as a JSON object; null (and logged, without its text) when it is not one. */
    protected static JsonNode message(String text) {
        try {
            JsonNode m = Payloads.JSON.readTree(text);
            return m != null && m.isObject() ? m : null;
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable SignalR message ignored (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** The current access token, "" before connect or when the supplier has none. */
    protected final String currentToken() {
        Supplier<String> t = token;
        String v = t == null ? null : t.get();
        return v == null ? "" : v;
    }

    /** A failure's text with no access token in it. */
    protected final String clean(Throwable e) {
        Throwable c = dev.unibar.core.Failures.unwrap(e);
        String m = c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
        return Redact.text(m, currentToken());
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
