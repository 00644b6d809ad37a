package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.unibar.connectors.Payloads;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A HubTransport in memory: records invocations, answers from a table, and lets tests push events. */
final class FakeHubTransport implements HubTransport {

    final List<String> invocations = new CopyOnWriteArrayList<>();
    /** method → server error message; absent methods succeed. */
    final Map<String, String> errors = new ConcurrentHashMap<>();
    volatile String hub;
    volatile Supplier<String> token;
    volatile boolean closed;
    private final List<BiConsumer<String, JsonNode>> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> states = new CopyOnWriteArrayList<>();
    private final List<Runnable> lost = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> connect(String hub, Supplier<String> token) {
        this.hub = hub;
        this.token = token;
        states.forEach(s -> s.accept(State.CONNECTED));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(String method, Object... args) {
        invocations.add(method + " " + Payloads.JSON.valueToTree(args));
        String e = errors.get(method);
        if (e != null) return CompletableFuture.failedFuture(new HubException(e));
        return CompletableFuture.completedFuture(NullNode.getInstance());
    }

    void push(String name, String argsJson) throws Exception {
        JsonNode a = Payloads.JSON.readTree(argsJson);
        events.forEach(h -> h.accept(name, a));
    }

    void state(State s) {
        states.forEach(l -> l.accept(s));
    }

    void loseSession() {
        lost.forEach(Runnable::run);
    }

    @Override
    public void onEvent(BiConsumer<String, JsonNode> handler) {
        events.add(handler);
    }

    @Override
    public void onState(Consumer<State> listener) {
        states.add(listener);
    }

    @Override
    public void onSessionLost(Runnable listener) {
        lost.add(listener);
    }

    @Override
    public void close() {
        closed = true;
    }
}
