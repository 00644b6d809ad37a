package dev.unibar.connectors.ucs.sim;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 3, as a web site the agent visits would try it: ring the bar, read the state,
 * log in over a WebSocket, or come back through DNS rebinding. Everything here is refused, and the
 * simulator's recording shows that nothing reached it.
 */
class UcsSimGateTest {

    private static final String EVIL = "https://evil.example";
    private final HttpClient http = HttpClient.newHttpClient();
    private UcsSimulator sim;

    @BeforeEach
    void start() {
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForeignOriginCannotRingTheBarEvenWithASimpleRequest() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/scenario/inbound"))
                .header("Origin", EVIL).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS for a refused origin");
        HttpResponse<String> state = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/state"))
                .header("Origin", EVIL).GET());
        assertEquals(403, state.statusCode());
        assertFalse(state.body().contains("phase"));
        HttpResponse<String> sandboxed = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/operator/poll/open"))
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.ofString("{\"hello\":{}}")));
        assertEquals(403, sandboxed.statusCode(), "a sandboxed frame or data: page has the origin null");
    }

    @Test
    void controlNeedsTheRunsSecretFromEveryOrigin() throws Exception {
        String page = "http://127.0.0.1:1234";
        HttpResponse<String> without = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/reset"))
                .header("Origin", page).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, without.statusCode());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/state?secret=guess"))
                .GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> right = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/state"))
                .header("Origin", page).header("X-Sim-Secret", sim.secret()).GET());
        assertEquals(200, right.statusCode());
        assertEquals(page, right.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "echoed, never *");
        assertTrue(right.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(sim.controlUrl())).GET());
        assertEquals(200, query.statusCode(), "the address simulate prints works as it is");
    }

    @Test
    void theSecretIsPerRun() {
        try (UcsSimulator other = new UcsSimulator(0).start()) {
            assertNotEquals(sim.secret(), other.secret());
            assertTrue(sim.secret().length() >= 22);
        }
    }

    @Test
    void aRebindingHostNameIsRefused() throws Exception {
        assertEquals(421, rawStatus("GET /control/scenarios?secret=" + sim.secret(), "evil.example:" + sim.port(), null));
        assertEquals(421, rawStatus("GET /operator/operator-v4.0.0.js", "127.0.0.1.nip.io:" + sim.port(), null));
        assertEquals(421, rawStatus("GET /", "localhost:1", null), "another port");
        assertEquals(200, rawStatus("GET /operator/operator-v4.0.0.js", "localhost:" + sim.port(), null));
        assertEquals(200, rawStatus("GET /operator/operator-v4.0.0.js", "[::1]:" + sim.port(), null));
    }

    @Test
    void aForeignOriginCannotOpenTheOperatorWebSocket() throws Exception {
        CompletableFuture<Integer> refused = new CompletableFuture<>();
        WebSocketClient c = new WebSocketClient(URI.create(sim.websocketUrl()), Map.of("Origin", EVIL)) {
            @Override
            public void onOpen(ServerHandshake h) {
                refused.complete(h.getHttpStatus() == 101 ? 0 : (int) h.getHttpStatus());
                send("{\"hello\":{\"autologin\":true}}");
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                refused.complete(code);
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        c.connectBlocking(5, TimeUnit.SECONDS);
        int outcome = refused.get(5, TimeUnit.SECONDS);
        assertNotEquals(0, outcome, "the handshake is refused");
        assertEquals(0, sim.connectedPages());
        c.closeBlocking();
        // A loopback page (Unibar's host page) still connects.
        try (WsPage page = new WsPage(sim.websocketUrl())) {
            page.hello(Map.of("headless", true));
            page.await("onCredentials");
        }
    }

    @Test
    void anAllowedOriginCanBeAdded() throws Exception {
        sim.allowOrigin("https://crm.example");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/scenarios"))
                .header("Origin", "https://crm.example").header("X-Sim-Secret", sim.secret()).GET());
        assertEquals(200, r.statusCode());
    }

    /** java.net.http will not send a Host header of our choosing: speak HTTP/1.1 by hand. */
    private int rawStatus(String requestLine, String host, String origin) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            OutputStream out = s.getOutputStream();
            String req = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
