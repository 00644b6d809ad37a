package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The hub invocations one transport has in flight, in either SignalR dialect: numbered, completed by the
 * server's reply (on the dispatch thread, so results keep their order with the pushes), failed after a
 * timeout or when the connection goes.
 */
final class Invocations {

    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Duration timeout;
    private final Executor dispatch;
    private final Function<Throwable, String> clean;

    /** @param clean a failure's text for the agent, with no token in it */
    Invocations(Duration timeout, Executor dispatch, Function<Throwable, String> clean) {
        this.timeout = timeout;
        this.dispatch = dispatch;
        this.clean = clean;
    }

    /**
     * Numbers an invocation of {@code method} and hands the id to {@code send}, which writes the frame
     * (a RuntimeException from it means the socket is gone); completes with the reply.
     */
    CompletableFuture<JsonNode> start(String method, Consumer<String> send) {
        String id = Integer.toString(nextId.getAndIncrement());
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            send.accept(id);
        } catch (RuntimeException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(HubTransport.HubException.notConnected());
        }
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((r, err) -> {
            pending.remove(id);
            if (err == null) return r;
            Throwable c = dev.unibar.core.Failures.unwrap(err);
            if (c instanceof TimeoutException) throw HubTransport.HubException.noAnswer(method);
            if (c instanceof HubTransport.HubException h) throw h;
            throw new HubTransport.HubException(clean.apply(c));
        });
    }

    /** The server's reply to invocation {@code id}: its error text (null when none) or its result (null = none). */
    void replied(String id, String error, JsonNode result) {
        dispatch.execute(() -> {
            CompletableFuture<JsonNode> p = pending.remove(id);
            if (p == null) return;
            if (error != null) p.completeExceptionally(new HubTransport.HubException(error));
            else p.complete(result != null ? result : NullNode.getInstance());
        });
    }

    void failAll(Supplier<HubTransport.HubException> why) {
        List<CompletableFuture<JsonNode>> waiting = new ArrayList<>(pending.values());
        pending.clear();
        for (CompletableFuture<JsonNode> p : waiting) p.completeExceptionally(why.get());
    }
}
