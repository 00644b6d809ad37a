package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.CapturePipeline;
import dev.unibar.bridge.HostFallback;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.PageEvent;
import dev.unibar.bridge.ShimConfig;
import dev.unibar.bridge.WebPageChannel;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A vendor page in a Chromium-family app window, driven over the DevTools protocol: the same shim as in the
 * WebView is registered to run before the page's own scripts (top frame only, as the WebView attaches it),
 * its batches come back through a binding and go through the same {@link CapturePipeline}, commands are
 * evaluations in the top frame.
 *
 * <p>Trust: a binding call counts only when the execution context that made it, as the browser reports it,
 * has a trusted origin (the host page's or a vendor's); each entry is then checked again by the pipeline.
 *
 * <p>Life cycle: the browser starts at the first {@link #load}; the microphone is granted to every trusted
 * origin before the page loads. A window the agent closes is reported ({@link WindowState#CLOSED}) and
 * {@link #reopen} brings it back; a browser that dies on its own is restarted with the last page (the
 * vendor restores its session from the profile), at most {@link BrowserOptions#maxRestarts} times a minute.
 * Everything that touches the browser runs on one thread, in order. Each new top-level document of a trusted
 * origin and each window closed, crashed or given up is also told to the capture handler, in order with the
 * captures ({@link PageEvent}).
 */
public final class BrowserPageChannel implements PageChannel, AutoCloseable {

    /** What the agent should be told about the window. */
    public enum WindowState { STARTING, OPEN, CLOSED, RESTARTING, FAILED, SHUT }

    private static final System.Logger LOG = System.getLogger(BrowserPageChannel.class.getName());

    private final BrowserOptions options;
    private final CapturePipeline pipeline;
    private final ShimConfig shimConfig;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unibar-browser");
        t.setDaemon(true);
        return t;
    });
    private final CopyOnWriteArrayList<Consumer<WindowState>> listeners = new CopyOnWriteArrayList<>();
    private final RestartBudget restarts;
    private final AtomicLong refused = new AtomicLong();
    private final Thread shutdownHook = new Thread(this::kill, "unibar-browser-exit");
    private volatile CaptureHandler handler;
    private volatile BrowserSession session;
    private volatile String url;
    private volatile WindowState state = WindowState.STARTING;
    private volatile boolean closed;
    private volatile HostFallback failure;

    public BrowserPageChannel(OriginPolicy policy, BrowserOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pipeline = new CapturePipeline(Objects.requireNonNull(policy, "policy"));
        this.shimConfig = new ShimConfig(policy);
        this.restarts = new RestartBudget(options.maxRestarts(), TimeUnit.MINUTES.toMillis(1));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Counters of what crossed the bridge (the same pipeline as the WebView's). */
    public CapturePipeline pipeline() {
        return pipeline;
    }

    public OriginPolicy policy() {
        return pipeline.policy();
    }

    /** Binding calls refused because the calling context's origin is not trusted. */
    public long refusedCalls() {
        return refused.get();
    }

    public WindowState state() {
        return state;
    }

    /** Why the window is {@link WindowState#FAILED}: the browser could not start, or kept stopping; else empty. */
    public java.util.Optional<HostFallback> failure() {
        return state == WindowState.FAILED ? java.util.Optional.ofNullable(failure) : java.util.Optional.empty();
    }

    /** Called on the browser thread at each change; never the FX thread. */
    public void onWindowState(Consumer<WindowState> listener) {
        listeners.add(listener);
    }

    /** The running browser process, for diagnostics and memory measurements. */
    public java.util.Optional<ProcessHandle> browserProcess() {
        BrowserSession s = session;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.process().toHandle());
    }

    @Override
    public void load(String url) {
        Objects.requireNonNull(url, "url");
        this.url = url;
        post(() -> {
            if (closed) return;
            if (session == null || !session.alive()) {
                start(WindowState.STARTING);
            } else {
                session.navigate(url);
            }
        });
    }

    /** Opens the window again after the agent closed it (or after too many restarts). */
    public CompletableFuture<Void> reopen() {
        return CompletableFuture.runAsync(() -> {
            if (closed) return;
            restarts.reset();
            if (session != null) session.kill();
            start(WindowState.STARTING);
        }, worker);
    }

    @Override
    public CompletableFuture<String> call(String script) {
        Objects.requireNonNull(script, "script");
        CompletableFuture<String> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new WebPageChannel.JsException("the vendor window is closed", null));
            return f;
        }
        post(() -> {
            BrowserSession s = session;
            if (s == null || !s.alive()) {
                f.completeExceptionally(new WebPageChannel.JsException("the vendor window is not open", null));
                return;
            }
            s.evaluate(script).whenComplete((v, e) -> {
                if (e != null) f.completeExceptionally(e);
                else f.complete(v);
            });
        });
        return f;
    }

    @Override
    public void setCaptureHandler(CaptureHandler handler) {
        this.handler = handler;
        pipeline.setHandler(handler);
    }

    /** Told to each new top document of a trusted origin, in its own context (never through the prelude). */
    @Override
    public void shareWithFrames(String frameOrigin, String secret) {
        shimConfig.shareWithFrames(frameOrigin, secret);
        post(() -> {
            BrowserSession s = session;
            if (s != null && s.alive()) s.evaluate(trustedTopScript());
        });
    }

    /** Runs only in a top document of a trusted origin: the session calls it with the context's origin. */
    private String trustedTopScript() {
        return "window.unibar && window.unibar.attached(" + shimConfig.json() + ")";
    }

    /** Closes the window and the browser; waits a bounded time for it to go. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Future<?> done = worker.submit(() -> {
            BrowserSession s = session;
            if (s != null) s.shutDown();
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            kill();
        }
        worker.shutdownNow();
        pipeline.close();
        setState(WindowState.SHUT);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run
        }
    }

    /** Closes the window as the agent would with its close button (tests drive the life cycle with it). */
    public CompletableFuture<Void> closeWindow() {
        BrowserSession s = session;
        return s == null ? CompletableFuture.completedFuture(null) : s.closeWindow();
    }

    private void kill() {
        BrowserSession s = session;
        if (s != null) s.kill();
    }

    /** On the worker. */
    private void start(WindowState announce) {
        setState(announce);
        try {
            session = BrowserSession.launch(options, pipeline.policy().origins(), shimConfig.trustedOnlyJson(), new BrowserSession.Listener() {
                @Override
                public void bindingCalled(String origin, String payload) {
                    deliver(origin, payload);
                }

                @Override
                public void oversized(long bytes) {
                    tooBig(bytes);
                }

                @Override
                public String configureTrustedTop(String origin) {
                    return pipeline.policy().isTrusted(origin) ? trustedTopScript() : null;
                }

                @Override
                public void windowClosed(BrowserSession s) {
                    post(() -> onWindowClosed(s));
                }

                @Override
                public void rendererCrashed(BrowserSession s) {
                    post(() -> onRendererCrashed(s));
                }

                @Override
                public void disconnected(BrowserSession s) {
                    post(() -> onDisconnected(s));
                }

                @Override
                public void documentCommitted(String origin) {
                    // On the reader thread, as the binding calls are: in order with the captures around it.
                    if (pipeline.policy().isTrusted(origin)) pipeline.page(PageEvent.loaded(OriginPolicy.normalize(origin).orElse(origin)));
                }
            });
            if (url != null) session.navigate(url);
            setState(WindowState.OPEN);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not start the browser " + options.executable() + ": " + e.getMessage());
            if (session != null) session.kill();
            session = null;
            failure = new HostFallback(HostFallback.Why.NOT_STARTED, options.executable().toString(), String.valueOf(e.getMessage()));
            setState(WindowState.FAILED);
        }
    }

    /** Browser events after {@link #close} have nowhere to go and need none. */
    private void post(Runnable r) {
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException afterClose) {
            // closed: the browser is being shut down on purpose
        }
    }

    private void deliver(String origin, String payload) {
        if (origin != null && pipeline.policy().isTrusted(origin)) {
            pipeline.deliver(payload);
            return;
        }
        if (refused.incrementAndGet() == 1) {
            LOG.log(System.Logger.Level.WARNING, "a page context of untrusted origin " + origin + " called the bridge; refused");
        }
        CaptureHandler h = handler;
        // Counted, never kept: what a context Unibar does not trust says is nobody's to hold.
        if (h != null) h.dropped(String.valueOf(origin), "not kept: a call of " + payload.length() + " characters");
    }

    /** A binding call too big for the DevTools transport: counted and said, never held (issue 22). */
    private void tooBig(long bytes) {
        refused.incrementAndGet();
        CaptureHandler h = handler;
        if (h != null) h.malformed("", "a message of " + bytes + " bytes from the vendor window is over the DevTools limit of "
                + CdpConnection.Transport.MAX_MESSAGE_BYTES + " bytes; skipped");
    }

    private void onWindowClosed(BrowserSession s) {
        if (closed || s != session) return;
        s.kill();
        setState(WindowState.CLOSED);
    }

    private void onRendererCrashed(BrowserSession s) {
        if (closed || s != session) return;
        if (!restarts.take()) {
            s.kill();
            gaveUp();
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "the vendor page crashed; reloading it");
        setState(WindowState.RESTARTING);
        if (url != null) s.navigate(url);
        setState(WindowState.OPEN);
    }

    private void onDisconnected(BrowserSession s) {
        if (closed || s != session || state == WindowState.CLOSED) return;
        if (!restarts.take()) {
            LOG.log(System.Logger.Level.WARNING, "the browser keeps exiting; not restarting it again");
            gaveUp();
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "the browser exited unexpectedly; restarting it");
        // What is left of it (helpers, a browser that only lost its DevTools connection) holds the profile:
        // a new browser on the same profile would hand over to it and exit.
        s.kill();
        try {
            s.process().onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillThere) {
            LOG.log(System.Logger.Level.WARNING, "the old browser has not exited yet; starting anyway");
        }
        start(WindowState.RESTARTING);
    }

    /** The restart budget is spent: the page stopped once more than it may be restarted in the budget's window. */
    private void gaveUp() {
        failure = new HostFallback(HostFallback.Why.CRASHING, options.executable().toString(), String.valueOf(restarts.max + 1));
        setState(WindowState.FAILED);
    }

    private void setState(WindowState s) {
        if (state == s) return;
        state = s;
        PageEvent.Kind gone = switch (s) {
            case CLOSED -> PageEvent.Kind.CLOSED;
            case RESTARTING -> PageEvent.Kind.CRASHED;
            case FAILED -> PageEvent.Kind.FAILED;
            default -> null;
        };
        if (gone != null) pipeline.page(PageEvent.gone(gone));
        for (Consumer<WindowState> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "window state listener failed", e);
            }
        }
    }

    /** At most {@code max} restarts in a sliding window. */
    private static final class RestartBudget {
        private final int max;
        private final long windowMillis;
        private final java.util.ArrayDeque<Long> times = new java.util.ArrayDeque<>();

        RestartBudget(int max, long windowMillis) {
            this.max = max;
            this.windowMillis = windowMillis;
        }

        synchronized boolean take() {
            long now = System.currentTimeMillis();
            while (!times.isEmpty() && now - times.peekFirst() > windowMillis) times.removeFirst();
            if (times.size() >= max) return false;
            times.addLast(now);
            return true;
        }

        synchronized void reset() {
            times.clear();
        }
    }
}
