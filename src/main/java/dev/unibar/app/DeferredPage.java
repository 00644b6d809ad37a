package dev.unibar.app;

import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.WebPageChannel;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The vendor page when the bar's context is built off the FX thread (so that the bar's window can show
 * before WebKit, Jetty and simulators are up): the connector talks to this channel at once, and what it
 * asks (load, scripts, the capture handler) is replayed in order on the real {@link WebPageChannel} once
 * {@link #realize()} has made it on the FX thread, after the bar's first frame.
 */
final class DeferredPage implements PageChannel, AutoCloseable {

    private final OriginPolicy policy;
    private final List<Consumer<WebPageChannel>> pending = new ArrayList<>();
    private StackPane holder;
    private WebPageChannel real;
    private boolean closed;
    /** {@link #realize} has made the WebView; {@link #real} is set once what was asked meanwhile is replayed. */
    private boolean realized;

    DeferredPage(OriginPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void load(String url) {
        run(p -> p.load(url));
    }

    @Override
    public CompletionStage<String> call(String script) {
        CompletableFuture<String> result = new CompletableFuture<>();
        run(p -> p.call(script).whenComplete((r, t) -> {
            if (t != null) result.completeExceptionally(t);
            else result.complete(r);
        }));
        return result;
    }

    @Override
    public void setCaptureHandler(CaptureHandler handler) {
        run(p -> p.setCaptureHandler(handler));
    }

    @Override
    public void shareWithFrames(String frameOrigin, String secret) {
        run(p -> p.shareWithFrames(frameOrigin, secret));
    }

    private void run(Consumer<WebPageChannel> op) {
        WebPageChannel p;
        synchronized (this) {
            if (closed) return;
            if (real == null) {
                pending.add(op);
                return;
            }
            p = real;
        }
        op.accept(p);
    }

    /** The node the vendor panel shows: empty until the WebView is made. FX thread. */
    synchronized StackPane view() {
        if (holder == null) {
            holder = new StackPane();
            if (real != null) holder.getChildren().setAll(real.view());
        }
        return holder;
    }

    /**
     * Makes the WebView, and on the next turn of the event queue replays what the connector asked so far.
     * Two turns, because each blocks the FX thread for tens of milliseconds right after the bar's first
     * frame: an agent's click or key press that arrives in between is handled first. FX thread; once.
     */
    void realize() {
        realize(true);
    }

    /** {@link #realize()}, replaying at once when {@code inTwoTurns} is false (a page made on the FX thread). */
    void realize(boolean inTwoTurns) {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("realize on the FX thread");
        StackPane shown;
        synchronized (this) {
            if (closed || realized) return;
            realized = true;
            shown = holder;
        }
        WebPageChannel made = new WebPageChannel(policy);
        if (shown != null) shown.getChildren().setAll(made.view());
        if (inTwoTurns) Platform.runLater(() -> replayOn(made));
        else replayOn(made);
    }

    private void replayOn(WebPageChannel made) {
        List<Consumer<WebPageChannel>> replay;
        synchronized (this) {
            if (closed) {
                replay = null;
            } else {
                real = made;
                replay = new ArrayList<>(pending);
                pending.clear();
            }
        }
        // Closed between the two turns: close() found no channel to close, so this one is closed here.
        if (replay == null) made.close();
        else replay.forEach(op -> op.accept(made));
    }

    /** The WebView channel once made, else null. */
    synchronized WebPageChannel real() {
        return real;
    }

    @Override
    public void close() {
        WebPageChannel p;
        synchronized (this) {
            closed = true;
            pending.clear();
            p = real;
        }
        if (p != null) p.close();
    }
}
