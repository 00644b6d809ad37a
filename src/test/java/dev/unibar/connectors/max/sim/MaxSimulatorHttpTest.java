package dev.unibar.connectors.max.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Raw sockets: java.net.http will not let a test send a forged Host header. */
class MaxSimulatorHttpTest {

    private static MaxSimulator sim;

    @BeforeAll
    static void start() {
        sim = new MaxSimulator().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String request(String method, String path, String host, String... headers) throws Exception {
        return send(method, path, host, "", headers);
    }

    private static String send(String method, String path, String host, String body, String... headers) throws Exception {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            for (String h : headers) r.append(h).append("\r\n");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            r.append("Content-Length: ").append(b.length).append("\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(r.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String host() {
        return "127.0.0.1:" + sim.port();
    }

    @Test
    void servesThePageWithItsTokenOnlyToLoopbackHosts() throws Exception {
        String ok = request("GET", "/max/", host());
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        assertTrue(ok.contains(sim.pageToken()));
        assertFalse(ok.contains("Access-Control-Allow-Origin"));
        assertTrue(request("GET", "/max/", "evil.example:" + sim.port()).startsWith("HTTP/1.1 421"));
        assertTrue(request("GET", "/max/", "localhost:" + sim.port()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void controlNeedsTheSecretAndOurOrigin() throws Exception {
        assertTrue(request("POST", "/control/scenario/available", host()).startsWith("HTTP/1.1 401"));
        assertTrue(request("POST", "/control/scenario/available", host(), "X-Sim-Secret: wrong").startsWith("HTTP/1.1 401"));
        assertTrue(request("POST", "/control/scenario/available", host(), "X-Sim-Secret: " + sim.controlSecret(),
                "Origin: https://evil.example").startsWith("HTTP/1.1 403"));
        String ok = send("POST", "/control/scenario/unavailable", host(), "{\"reason\":\"Break\"}",
                "X-Sim-Secret: " + sim.controlSecret(), "Content-Type: application/json");
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        assertEquals("Unavailable", sim.state().agentState());
        assertTrue(request("POST", "/control/scenario/nope", host(), "X-Sim-Secret: " + sim.controlSecret()).startsWith("HTTP/1.1 404"));
    }

    @Test
    void pageChannelNeedsThePageTokenAndRoundTrips() throws Exception {
        assertTrue(request("GET", "/max/api/next?wait=0", host()).startsWith("HTTP/1.1 401"));
        String body = "{\"window\":\"wT\",\"origin\":\"" + sim.origin() + "\",\"data\":{\"messageType\":\"RegisterForClientEvents\","
                + "\"issuer\":\"T\",\"subscriptionTypes\":[\"agent\"]}}";
        String posted = send("POST", "/max/api/client", host(), body, "X-Max-Page-Token: " + sim.pageToken(),
                "Content-Type: application/json", "Origin: " + sim.origin());
        assertTrue(posted.startsWith("HTTP/1.1 200"), posted);
        String next = request("GET", "/max/api/next?after=0&wait=0", host(), "X-Max-Page-Token: " + sim.pageToken());
        assertTrue(next.contains("\"window\":\"wT\""), next);
        assertTrue(next.contains("ClientEventSubscriptionAcknowledge"), next);
        String received = request("GET", "/control/received", host(), "X-Sim-Secret: " + sim.controlSecret());
        assertTrue(received.contains("RegisterForClientEvents"), received);
    }
}
