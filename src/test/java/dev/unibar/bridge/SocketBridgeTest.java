package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's Java side without a WebView: coalescing, ordering, retirement, input checks, logging. */
class SocketBridgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Filled from the relay's connection threads in the refused-URL test.
    private final List<Runnable> fxQueue = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    private final WebSocketRelay relay = new WebSocketRelay(new OriginPolicy("http://127.0.0.1:1"), fxQueue::add);

    @Test
    void aBurstOfEventsIsOneFxTaskAndOneDeliveryInOrder() throws Exception {
        SocketBridge page = relay.attach("http://127.0.0.1:1", "ua", delivered::add);
        for (int i = 0; i < 500; i++) page.post(7, "text", "m" + i);
        page.post(7, "close", SocketBridge.closePayload(1000, "", true, false));
        assertEquals(1, fxQueue.size(), "one runLater for the whole burst");

        fxQueue.remove(0).run();
        assertEquals(1, delivered.size());
        JsonNode batch = JSON.readTree(delivered.get(0));
        assertEquals(501, batch.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(7, batch.get(i).get(0).asInt());
            assertEquals("text", batch.get(i).get(1).asText());
            assertEquals("m" + i, batch.get(i).get(2).asText());
        }
        assertEquals(1000, batch.get(500).get(2).get("code").asInt());
        assertEquals(1, relay.deliveries());

        page.post(7, "text", "later");
        assertEquals(1, fxQueue.size(), "the next burst schedules again");
    }

    @Test
    void aHugeBurstIsSplitIntoSeveralCallsInOneTask() throws Exception {
        SocketBridge page = relay.attach("http://127.0.0.1:1", "ua", delivered::add);
        String big = "x".repeat(100_000);
        for (int i = 0; i < 30; i++) page.post(1, "text", i + big);
        assertEquals(1, fxQueue.size());
        fxQueue.remove(0).run();
        assertTrue(delivered.size() >= 3, "split under the size limit: " + delivered.size());
        int next = 0;
        for (String d : delivered) {
            for (JsonNode e : JSON.readTree(d)) assertTrue(e.get(2).asText().startsWith(next++ + "x"));
        }
        assertEquals(30, next);
    }

    @Test
    void attachingTheNextPageRetiresThePreviousOne() {
        SocketBridge first = relay.attach("http://127.0.0.1:1", "ua", delivered::add);
        first.post(1, "text", "for the first page");
        SocketBridge second = relay.attach("http://127.0.0.1:1", "ua", delivered::add);
        assertTrue(first.isRetired());
        assertFalse(second.isRetired());
        fxQueue.forEach(Runnable::run);
        assertEquals(List.of(), delivered, "nothing from the old page reaches the new one");
        first.open(2, "ws://127.0.0.1:1/x", "[]");
        assertEquals(0, first.size(), "a retired page opens nothing");
    }

    @Test
    void onlyWsUrlsAndTokenSubprotocolsAreAccepted() {
        assertNull(SocketBridge.socketUri("http://example.com/"));
        assertNull(SocketBridge.socketUri("javascript:alert(1)"));
        assertNull(SocketBridge.socketUri("ws://user@example.com/"));
        assertNull(SocketBridge.socketUri("not a url"));
        assertEquals("wss://example.com/a?b=c", SocketBridge.socketUri("wss://example.com/a?b=c").toString());
        assertEquals(List.of("chat", "v2.json"), SocketBridge.protocols("[\"chat\",\"v2.json\"]"));
        assertEquals(List.of(), SocketBridge.protocols(null));
        assertNull(SocketBridge.protocols("[\"has space\"]"));
        assertNull(SocketBridge.protocols("{\"no\":1}"));
    }

    @Test
    void aRefusedUrlClosesWith1006AndTheLogNeverShowsTheQuery() throws Exception {
        List<String> logged = new ArrayList<>();
        // The whole package at every level: the trusted target is logged at DEBUG.
        Logger jul = Logger.getLogger("dev.unibar.bridge");
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        try {
            SocketBridge page = relay.attach("http://127.0.0.1:1", "ua", delivered::add);
            page.open(1, "https://bar.vendor.example/ws?token=s3cret", "[]");
            // Nothing listens on port 1: the connection is refused, which is logged but not its query.
            page.open(2, "ws://127.0.0.1:1/ws?token=s3cret", "[]");
            // Waits for both close events to reach the page, not for the failure count: a socket is counted
            // as failed a moment before its close is queued for the page (a loaded machine showed the gap).
            List<JsonNode> events = new ArrayList<>();
            dev.unibar.testkit.Wait.until("both sockets' close events on the page", java.time.Duration.ofSeconds(10), () -> {
                List<Runnable> due;
                synchronized (fxQueue) {
                    due = new ArrayList<>(fxQueue);
                    fxQueue.clear();
                }
                due.forEach(Runnable::run);
                events.clear();
                synchronized (delivered) {
                    for (String d : delivered) {
                        try {
                            JSON.readTree(d).forEach(events::add);
                        } catch (java.io.IOException e) {
                            throw new AssertionError(d, e);
                        }
                    }
                }
                return events.size() >= 2;
            });
            assertEquals(2, relay.failed());
            assertEquals(2, events.size(), events.toString());
            for (JsonNode e : events) {
                assertEquals("close", e.get(1).asText());
                assertEquals(1006, e.get(2).get("code").asInt());
                assertTrue(e.get(2).get("failed").asBoolean());
                assertFalse(e.get(2).get("wasClean").asBoolean());
            }
            assertTrue(logged.stream().anyMatch(m -> m.contains("relaying a page WebSocket to ws://127.0.0.1:1/ws")), logged.toString());
            assertTrue(logged.stream().anyMatch(m -> m.contains("ws://127.0.0.1:1/ws failed: ConnectException")), logged.toString());
            assertTrue(logged.stream().noneMatch(m -> m.contains("s3cret")), logged.toString());
        } finally {
            jul.removeHandler(h);
            jul.setLevel(before);
        }
    }
}
