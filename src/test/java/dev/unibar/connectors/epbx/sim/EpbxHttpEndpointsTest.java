package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.CONNECTION_DATA;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.HTTP;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.JSON;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.enc;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.form;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.get;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.login;
import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAuth, the recording download, CORS, the proxy script and the sim control API over real HTTP. */
class EpbxHttpEndpointsTest {

    private EpbxSimulator sim;

    @BeforeEach
    void start() {
        sim = EpbxSimulator.builder().port(0).tokenLifetime(Duration.ofSeconds(2)).build().start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void serviceBaseIsOnLoopbackWithTheChosenPort() {
        assertTrue(sim.port() > 0);
        assertEquals("http://127.0.0.1:" + sim.port() + "/Service/", sim.serviceBase());
    }

    @Test
    void passwordGrantIssuesBearerAndRefreshTokens() throws Exception {
        JsonNode t = login(sim, "agent", "agent");
        assertEquals("bearer", t.get("token_type").asText());
        assertEquals(2, t.get("expires_in").asInt());
        assertFalse(t.get("access_token").asText().isBlank());
        assertFalse(t.get("refresh_token").asText().isBlank());
        String negotiate = sim.serviceBase() + "signalr/negotiate?clientProtocol=1.5&connectionData="
                + enc(CONNECTION_DATA) + "&access_token=" + enc(t.get("access_token").asText());
        assertEquals(200, get(negotiate).statusCode());
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownGrantAreRefused() throws Exception {
        HttpResponse<String> bad = form(sim, "grant_type=password&username=agent&password=nope&client_id=x");
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_grant", JSON.readTree(bad.body()).get("error").asText());
        assertEquals(400, form(sim, "grant_type=password&username=ghost&password=agent").statusCode());
        HttpResponse<String> grant = form(sim, "grant_type=client_credentials&client_id=x");
        assertEquals("unsupported_grant_type", JSON.readTree(grant.body()).get("error").asText());
        assertFalse(bad.body().contains("nope"), "the error must not echo the password");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndCanBeRefused() throws Exception {
        JsonNode first = login(sim, "agent", "agent");
        String rt = first.get("refresh_token").asText();
        HttpResponse<String> ok = form(sim, "grant_type=refresh_token&refresh_token=" + enc(rt) + "&client_id=unibar");
        assertEquals(200, ok.statusCode());
        JsonNode second = JSON.readTree(ok.body());
        assertNotEquals(first.get("access_token").asText(), second.get("access_token").asText());
        assertEquals(400, form(sim, "grant_type=refresh_token&refresh_token=" + enc(rt)).statusCode(),
                "a used refresh token is spent");

        EpbxTestHttp.scenario(sim, "refuse-refresh", "{}");
        HttpResponse<String> refused = form(sim, "grant_type=refresh_token&refresh_token="
                + enc(second.get("refresh_token").asText()));
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_grant", JSON.readTree(refused.body()).get("error").asText());
        EpbxTestHttp.scenario(sim, "refuse-refresh", "{\"refuse\":false}");
        JsonNode third = login(sim, "agent", "agent");
        assertEquals(200, form(sim, "grant_type=refresh_token&refresh_token="
                + enc(third.get("refresh_token").asText())).statusCode());
    }

    @Test
    void anExpiredTokenIsRefusedWith401() throws Exception {
        sim.tokenLifetime(Duration.ofMillis(300));
        String token = EpbxTestHttp.token(sim);
        String url = sim.serviceBase() + "signalr/ping?access_token=" + enc(token);
        assertEquals(200, get(url).statusCode());
        EpbxTestHttp.await("token expiry", Duration.ofSeconds(5), () -> {
            try {
                return get(url).statusCode() == 401;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void signalrEndpointsNeedAToken() throws Exception {
        String base = sim.serviceBase();
        assertEquals(401, get(base + "signalr/negotiate?clientProtocol=1.5&connectionData=" + enc(CONNECTION_DATA)).statusCode());
        assertEquals(401, get(base + "signalr/ping").statusCode());
        assertEquals(401, get(base + "signalr/start?transport=webSockets&connectionToken=x").statusCode());
        assertEquals(401, get(base + "signalr/negotiate?access_token=forged").statusCode());
        assertEquals(401, post(base + "atendimentoHub/negotiate?negotiateVersion=1", "text/plain", "").statusCode());
        String token = EpbxTestHttp.token(sim);
        HttpResponse<String> ping = get(base + "signalr/ping?access_token=" + enc(token));
        assertEquals("{\"Response\":\"pong\"}", ping.body());
    }

    @Test
    void hubsScriptIsTheGeneratedProxyAndNeedsNoToken() throws Exception {
        HttpResponse<String> r = get(sim.serviceBase() + "signalr/hubs");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        String js = r.body();
        assertTrue(js.contains("$.hubConnection.prototype.createHubProxies"));
        assertTrue(js.contains("this.createHubProxy('atendimentoHub')"));
        assertTrue(js.contains("discar: function (numero, tipoDiscagem)"));
        assertTrue(js.contains("$.merge([\"Discar\"]"));
        assertTrue(js.contains("iniciar: function (idPaOrIpOrRamal, tipoLogon)"));
        assertTrue(js.contains("desligar: function ()"));
        assertTrue(js.contains("$.hubConnection(\"/Service/signalr\", { useDefaultPath: false })"));
    }

    @Test
    void pathsAreCaseInsensitiveLikeIis() throws Exception {
        assertEquals(200, get("http://127.0.0.1:" + sim.port() + "/service/SignalR/Hubs").statusCode());
    }

    @Test
    void negotiateAnswersTheClassicShapeAndRefusesOtherHubs() throws Exception {
        String token = EpbxTestHttp.token(sim);
        JsonNode n = JSON.readTree(get(sim.serviceBase() + "signalr/negotiate?clientProtocol=1.5&connectionData="
                + enc("[{\"name\":\"AtendimentoHub\"}]") + "&access_token=" + enc(token)).body());
        assertEquals("/Service/signalr", n.get("Url").asText());
        assertEquals("1.5", n.get("ProtocolVersion").asText());
        assertTrue(n.get("TryWebSockets").asBoolean());
        assertEquals(6.0, n.get("KeepAliveTimeout").asDouble());
        assertEquals(30.0, n.get("DisconnectTimeout").asDouble());
        assertFalse(n.get("ConnectionToken").asText().isBlank());
        assertFalse(n.get("ConnectionId").asText().isBlank());
        HttpResponse<String> other = get(sim.serviceBase() + "signalr/negotiate?clientProtocol=1.5&connectionData="
                + enc("[{\"name\":\"chathub\"}]") + "&access_token=" + enc(token));
        assertEquals(500, other.statusCode());
    }

    @Test
    void downloadServesAnMp3ForAKnownGlobalIdOnly() throws Exception {
        String token = EpbxTestHttp.token(sim);
        sim.recordings.add("1763719200.7");
        String url = sim.serviceBase() + "api/Ligacao/Download/1763719200.7?token_type=bearer&access_token=" + enc(token);
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("audio/mpeg", r.headers().firstValue("Content-Type").orElse(""));
        byte[] b = r.body();
        assertArrayEquals(new byte[] {'I', 'D', '3'}, java.util.Arrays.copyOf(b, 3));
        int tag = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
        assertEquals((byte) 0xFF, b[tag]);
        assertEquals((byte) 0xFB, b[tag + 1], "an MPEG-1 Layer III frame follows the tag");
        assertEquals(404, get(sim.serviceBase() + "api/Ligacao/Download/nope?token_type=bearer&access_token="
                + enc(token)).statusCode());
        assertEquals(401, get(sim.serviceBase() + "api/Ligacao/Download/1763719200.7").statusCode());
    }

    @Test
    void corsEchoesAnAllowedOriginAndAnswersPreflights() throws Exception {
        sim.allowOrigin("http://crm.example:8080");
        HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(URI.create(sim.serviceBase()
                        + "atendimentoHub/negotiate?negotiateVersion=1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://crm.example:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,x-signalr-user-agent").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode());
        assertEquals("http://crm.example:8080", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", pre.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertEquals("authorization,x-signalr-user-agent",
                pre.headers().firstValue("Access-Control-Allow-Headers").orElse(""));

        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "oauth2/Token"))
                .header("Origin", "http://crm.example:8080")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=agent&password=agent")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode());
        assertEquals("http://crm.example:8080", token.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> unauthorized = HTTP.send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "signalr/ping"))
                .header("Origin", "http://crm.example:8080").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode());
        assertTrue(unauthorized.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                "errors carry CORS headers too, or the page cannot read the status");
    }

    @Test
    void controlApiListsScenariosAndRefusesUnknownOnesAndBadState() throws Exception {
        JsonNode list = JSON.readTree(get(sim.controlUrl("scenarios")).body());
        assertTrue(list.isArray());
        java.util.Set<String> names = new java.util.HashSet<>();
        list.forEach(n -> names.add(n.get("name").asText()));
        assertTrue(names.containsAll(java.util.List.of("inbound", "dialer", "outbound", "consult", "conference",
                "interval", "recording", "drop", "restart", "refuse-refresh", "reject-method", "logado-erro")));
        assertEquals(404, post(sim.controlUrl("scenario/nope"), "application/json", "{}").statusCode());
        assertEquals(409, post(sim.controlUrl("scenario/inbound"), "application/json", "{}").statusCode(),
                "no ramal is logged in");
        assertEquals(400, post(sim.controlUrl("scenario/outbound"), "application/json",
                "{\"outcome\":\"maybe\"}").statusCode());
        assertEquals(400, post(sim.controlUrl("scenario/reject-method"), "application/json",
                "{\"method\":\"Voar\"}").statusCode());
        JsonNode out = EpbxTestHttp.scenario(sim, "outbound", "{\"outcome\":\"busy\"}");
        assertEquals("busy", out.get("outcome").asText());
        assertEquals(SimBehaviour.Outcome.BUSY, sim.behaviour().outboundOutcome);
        assertEquals(200, post(sim.controlUrl("reset"), "application/json", "").statusCode());
        assertEquals(SimBehaviour.Outcome.ANSWER, sim.behaviour().outboundOutcome);
        assertEquals("[]", get(sim.controlUrl("recorded")).body());
    }

    @Test
    void javaScenarioApiRejectsUnknownNames() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sim.scenario("nope", Map.of()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> sim.scenario("dialer", Map.of("telefone", "11987654321")));
    }
}
