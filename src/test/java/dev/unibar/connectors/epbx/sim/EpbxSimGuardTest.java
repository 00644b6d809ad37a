package dev.unibar.connectors.epbx.sim;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 3 for the EPBX simulator, as a foreign web page would try it: take OAuth tokens,
 * read {@code sim/recorded}, drive scenarios, or come back through DNS rebinding.
 */
class EpbxSimGuardTest {

    private static final String EVIL = "https://evil.example";
    private final HttpClient http = HttpClient.newHttpClient();
    private EpbxSimulator sim;

    @BeforeEach
    void start() {
        sim = EpbxSimulator.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRawPushNeedsTheSecretAndSomeoneLoggedIn() throws Exception {
        String body = "{\"event\":\"onChamada\",\"args\":[{\"Ramal\":1000},{\"CanalId\":\"SIP/x\"}]}";
        HttpResponse<String> without = send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/push"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(401, without.statusCode());
        HttpResponse<String> nobody = send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/push"))
                .header("X-Sim-Secret", sim.secret()).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(409, nobody.statusCode(), nobody.body());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/push"))
                .header("X-Sim-Secret", sim.secret()).POST(HttpRequest.BodyPublishers.ofString("{\"args\":[]}")));
        assertEquals(400, bad.statusCode(), bad.body());
    }

    @Test
    void aForeignPageGetsNoTokenAndNoCredentialedCors() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "oauth2/Token"))
                .header("Origin", EVIL).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=agent&password=agent")));
        assertEquals(403, token.statusCode());
        assertFalse(token.body().contains("access_token"));
        assertTrue(token.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(token.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> pre = send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "atendimentoHub/negotiate"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", EVIL)
                .header("Access-Control-Request-Method", "POST"));
        assertEquals(403, pre.statusCode());
        assertEquals(0, sim.tokenGrants().size(), "no token was issued");
    }

    @Test
    void theControlApiNeedsTheRunsSecret() throws Exception {
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/recorded"))).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/scenario/restart"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "Sim/Recorded?secret=guess"))).statusCode(),
                "IIS-style case-insensitive paths are guarded too");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(sim.controlUrl("recorded")))).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/scenarios"))
                .header("X-Sim-Secret", sim.secret())).statusCode());
        try (EpbxSimulator other = EpbxSimulator.builder().port(0).build().start()) {
            assertFalse(other.secret().equals(sim.secret()), "per run");
        }
    }

    @Test
    void theSecretSurvivesARestartOfTheSameRun() throws Exception {
        String before = sim.controlUrl("scenarios");
        sim.restart(true);
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(before))).statusCode());
    }

    @Test
    void aRebindingHostNameIsRefused() throws Exception {
        assertEquals(421, rawStatus("GET /Service/signalr/hubs", "evil.example:" + sim.port()));
        assertEquals(421, rawStatus("GET /Service/signalr/hubs", "127.0.0.1:" + (sim.port() + 1)));
        assertEquals(200, rawStatus("GET /Service/signalr/hubs", "localhost:" + sim.port()));
    }

    private int rawStatus(String requestLine, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return Integer.parseInt(new String(in.readNBytes(12), StandardCharsets.US_ASCII).substring(9, 12));
        }
    }
}
