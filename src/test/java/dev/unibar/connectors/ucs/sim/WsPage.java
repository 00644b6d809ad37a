package dev.unibar.connectors.ucs.sim;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Speaks the fake operator script's websocket JSON from Java, as the page would. */
final class WsPage implements WebSocket.Listener, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, Integer> cursor = new LinkedHashMap<>();
    private final WebSocket ws;

    WsPage(String url) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).get(5, TimeUnit.SECONDS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                Map<String, Object> m = JSON.readValue(partial.toString(), Map.class);
                synchronized (messages) {
                    messages.add(m);
                    messages.notifyAll();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    void hello(Map<String, Object> flags) throws Exception {
        sendRaw(Map.of("hello", flags));
    }

    void call(String method, Object... args) throws Exception {
        sendRaw(Map.of("m", method, "a", List.of(args)));
    }

    void sendRaw(Object message) throws Exception {
        sendText(JSON.writeValueAsString(message));
    }

    void sendText(String text) throws Exception {
        ws.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** The arguments of the next {@code callback} push after the previous await for it. */
    @SuppressWarnings("unchecked")
    List<Object> await(String callback) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (messages) {
            while (true) {
                for (int i = cursor.getOrDefault(callback, 0); i < messages.size(); i++) {
                    if (callback.equals(messages.get(i).get("cb"))) {
                        cursor.put(callback, i + 1);
                        return (List<Object>) messages.get(i).get("a");
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + callback + " in " + callbacks());
                messages.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> await0(String callback) throws InterruptedException {
        return (Map<String, Object>) await(callback).get(0);
    }

    List<String> callbacks() {
        synchronized (messages) {
            List<String> out = new ArrayList<>();
            for (Map<String, Object> m : messages) if (m.get("cb") != null) out.add((String) m.get("cb"));
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> lastSnapshot() {
        synchronized (messages) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i).get("s") != null) return (Map<String, Object>) messages.get(i).get("s");
            }
            return null;
        }
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
