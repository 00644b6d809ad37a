package dev.unibar.connectors.evolux.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.unibar.simkit.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvoluxSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private EvoluxSimulator sim;

    @BeforeEach
    void start() {
        sim = new EvoluxSimulator(0, "t0k3n-under-test").start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.origin() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.origin() + path)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode control(String scenario, String body) throws Exception {
        HttpResponse<String> r = post("/control/scenario/" + scenario, Map.of("X-Sim-Secret", sim.controlSecret()),
                "application/json", body);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String meta(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("meta").path("message").asText();
    }

    @Test
    void clickToCallChecksTheTokenHeaderAndRecordsWithoutTheToken() throws Exception {
        HttpResponse<String> none = post("/api/v1/call", Map.of(), "application/x-www-form-urlencoded", "from=joao&to=84999010101");
        assertEquals(400, none.statusCode());
        assertEquals("Missing token.", meta(none));
        HttpResponse<String> wrong = post("/api/v1/call", Map.of("token", "nope"), "application/x-www-form-urlencoded", "from=joao&to=84999010101");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = post("/api/v1/call", Map.of("token", "t0k3n-under-test"),
                "application/x-www-form-urlencoded", "from=joao&to=84999010101");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("OK", meta(ok));

        List<ApiCall> calls = sim.apiCalls();
        assertEquals(3, calls.size());
        assertFalse(calls.get(0).tokenPresent());
        assertTrue(calls.get(1).tokenPresent());
        assertFalse(calls.get(1).tokenValid());
        assertTrue(calls.get(2).tokenValid());
        assertEquals("joao", calls.get(2).from());
        assertEquals("84999010101", calls.get(2).to());
        HttpResponse<String> recorded = get("/control/api-calls", Map.of("X-Sim-Secret", sim.controlSecret()));
        assertFalse(recorded.body().contains("t0k3n-under-test"), recorded.body());
        assertFalse(calls.toString().contains("t0k3n-under-test"));

        // The platform rings the agent's softphone for the click-to-call (outbound, to the number).
        Posted invited = sim.posted().get(sim.posted().size() - 1);
        assertEquals("softphoneCallInvited", invited.eventName());
        assertEquals("outbound", invited.payload().get("direction"));
        assertEquals("84999010101", ((Map<?, ?>) invited.payload().get("to")).get("number"));
    }

    @Test
    void clickToCallReadsMultipartAsCurlDashFSendsIt() throws Exception {
        String boundary = "----evolux" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n2122225555\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\njoao\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"call_info\"\r\n\r\n"
                + "[{\"label\":\"CPF\",\"type\":\"text\",\"value\":\"111.111.111-11\"}]\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = post("/api/v1/call", Map.of("token", "t0k3n-under-test"),
                "multipart/form-data; boundary=" + boundary, body);
        assertEquals(200, r.statusCode(), r.body());
        ApiCall c = sim.apiCalls().get(0);
        assertEquals("2122225555", c.to());
        assertTrue(c.callInfo().contains("111.111.111-11"));
    }

    @Test
    void clickToCallRefusesMissingParamsAndBadCallInfo() throws Exception {
        Map<String, String> tok = Map.of("token", "t0k3n-under-test");
        String form = "application/x-www-form-urlencoded";
        assertEquals("Missing to param.", meta(post("/api/v1/call", tok, form, "from=joao")));
        assertEquals("Missing from param.", meta(post("/api/v1/call", tok, form, "to=123")));
        HttpResponse<String> bad = post("/api/v1/call", tok, form, "from=joao&to=123&call_info=%5Bnot+json");
        assertEquals(400, bad.statusCode());
        assertTrue(meta(bad).startsWith("Json_string param"));
        assertTrue(sim.posted().isEmpty(), "no call may start from a refused request");
    }

    @Test
    void controlNeedsTheRunSecretAndRefusesForeignOrigins() throws Exception {
        assertEquals(401, post("/control/scenario/login", Map.of(), "application/json", "{}").statusCode());
        assertEquals(401, post("/control/scenario/login", Map.of("X-Sim-Secret", "guess"), "application/json", "{}").statusCode());
        assertEquals(403, post("/control/scenario/login", Map.of("X-Sim-Secret", sim.controlSecret(),
                "Origin", "http://evil.example"), "application/json", "{}").statusCode());
        assertEquals(403, post("/api/v1/call", Map.of("token", "t0k3n-under-test", "Origin", "http://evil.example"),
                "application/x-www-form-urlencoded", "from=joao&to=1").statusCode());
        assertEquals(401, get("/control/posted", Map.of()).statusCode(), "what the phone posted is read with the secret only");
        assertTrue(sim.posted().isEmpty());
        assertTrue(sim.apiCalls().isEmpty());
    }

    /**
     * Issue 22: the Evolux simulator's own Host check ignored the port, so {@code Host: 127.0.0.1},
     * {@code 127.0.0.1:1} and {@code [::1]evil} were served. With the kit's gate none of them is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"rebind.example:PORT", "127.0.0.1", "127.0.0.1:1", "[::1]evil", "localhost", "127.0.0.1.evil:PORT"})
    void aHostThatIsNotLoopbackWithThisPortIsRefused(String trick) throws Exception {
        String host = trick.replace("PORT", String.valueOf(sim.port()));
        String answer = RawHttp.exchange(sim.port(), "POST", "/api/v1/call", host, "from=joao&to=5551",
                "token: t0k3n-under-test", "Content-Type: application/x-www-form-urlencoded");
        int status = RawHttp.status(answer);
        assertTrue(status == 421 || status == 400, host + ": " + answer);
        assertTrue(sim.apiCalls().isEmpty(), "the API never saw it");
        assertTrue(sim.posted().isEmpty(), "no call started");
        assertEquals(200, RawHttp.status(RawHttp.exchange(sim.port(), "POST", "/api/v1/call", "localhost:" + sim.port(),
                "from=joao&to=5551", "token: t0k3n-under-test", "Content-Type: application/x-www-form-urlencoded")));
    }

    @Test
    void thePhonePageHoldsNoSecretAndItsChannelNeedsTheSessionItsAddressGives() throws Exception {
        assertEquals(401, get("/phone", Map.of()).statusCode(), "another local process gets no phone");
        assertEquals(401, get("/phone/poll?after=0&wait=0", Map.of()).statusCode());
        assertEquals(401, post("/phone/action/pause", Map.of(), null, "").statusCode(), "nor its buttons");
        assertTrue(sim.posted().isEmpty());

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(sim.phoneUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains(sim.controlSecret()), "the page never carries the control secret");
        assertFalse(page.body().contains("SECRET"), "nor a secret of its own");

        control("login", "{}");
        JsonNode polled = JSON.readTree(browser.send(HttpRequest.newBuilder(URI.create(sim.origin()
                + "/phone/poll?after=0&wait=0")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("agentLogin", polled.path("messages").path(0).path("eventName").asText());
        assertEquals("700", polled.path("messages").path(0).path("payload").path("agent").path("extension").asText());
        assertTrue(polled.path("messages").path(0).path("payload").path("agent").path("extension").isTextual());

        HttpResponse<String> action = browser.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/phone/action/pause"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, action.statusCode(), action.body());
        assertEquals("agentStartPause", sim.posted().get(1).eventName());
        assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(sim.origin() + EvoluxSimulator.TEST_PAGE_PATH)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the same browser opens the test page");
        assertEquals(401, get(EvoluxSimulator.TEST_PAGE_PATH, Map.of()).statusCode(), "a bare request does not");
        assertEquals(200, get(sim.testPageUrl().substring(sim.origin().length()), Map.of()).statusCode());
    }

    @Test
    void queueCallIsInvitedThenAcceptedInTheSeedsShape() throws Exception {
        JsonNode r = control("queue-call", "{\"answerAfterMs\": 50, \"cpf\": \"09536679433\"}");
        String id = r.path("callId").asText();
        awaitPosted(2);
        Posted inv = sim.posted().get(0);
        Posted acc = sim.posted().get(1);
        assertEquals("softphoneCallInvited", inv.eventName());
        assertEquals("softphoneCallAccepted", acc.eventName());
        assertEquals(id, inv.payload().get("id"));
        assertNull(inv.payload().get("answerTime"));
        assertTrue(String.valueOf(acc.payload().get("answerTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(1, ((Map<?, ?>) inv.payload().get("agent")).get("id"));
        assertEquals(700, ((Map<?, ?>) inv.payload().get("agent")).get("extension"));
        assertTrue(String.valueOf(((Map<?, ?>) inv.payload().get("to")).get("number")).matches("[0-9a-f-]{36}"));
        assertEquals("09536679433", ((Map<?, ?>) inv.payload().get("extra")).get("cpf"));
        assertEquals(Map.of("slug", "suporte", "number", "4000"), inv.payload().get("queue"));
        control("hangup", "{}");
        Posted end = sim.posted().get(2);
        assertEquals("NORMAL CLEARING", end.payload().get("hangupCause"));
    }

    @Test
    void campaignCallCarriesTheSubscriberWithAStringExternalId() throws Exception {
        control("campaign-call", "{\"answer\": false, \"subscriberName\": \"Maria\", \"externalId\": \"000120\"}");
        Map<String, Object> p = sim.posted().get(0).payload();
        assertEquals("inbound", p.get("direction"));
        assertEquals("000120", ((Map<?, ?>) p.get("subscriber")).get("externalId"));
        assertEquals("campanha_de_cobranca_anual", ((Map<?, ?>) p.get("campaign")).get("slug"));
        assertTrue(p.get("answerTime") != null, "a dialer call is answered before the agent is invited");
    }

    @Test
    void variantsChangeTheShapeAsTheVersionsDo() throws Exception {
        control("queue-call", "{\"answer\": false, \"variant\": \"newer\"}");
        assertTrue(sim.posted().get(0).payload().containsKey("recordingUUID"));
        control("hangup", "{}");
        control("queue-call", "{\"answer\": false, \"variant\": \"strings\"}");
        assertEquals("1", ((Map<?, ?>) sim.posted().get(2).payload().get("agent")).get("id"));
        control("hangup", "{}");
        control("queue-call", "{\"answer\": false, \"variant\": \"older\"}");
        Map<?, ?> agent = (Map<?, ?>) sim.posted().get(4).payload().get("agent");
        assertFalse(agent.containsKey("login"));
        HttpResponse<String> bad = post("/control/scenario/queue-call", Map.of("X-Sim-Secret", sim.controlSecret()),
                "application/json", "{\"variant\": \"future\"}");
        assertEquals(400, bad.statusCode());
    }

    @Test
    void missedCallEndsUnanswered() throws Exception {
        control("missed-call", "{\"ringMs\": 30}");
        awaitPosted(2);
        Posted end = sim.posted().get(1);
        assertEquals("softphoneCallEnded", end.eventName());
        assertNull(end.payload().get("answerTime"));
        assertEquals("ORIGINATOR CANCEL", end.payload().get("hangupCause"));
    }

    @Test
    void pausesCarryMicroSecondsAnOffsetAndTheMaximumDuration() throws Exception {
        control("pause", "{\"reason\": \"Lanche\", \"maxDuration\": 900}");
        control("change-pause", "{\"reason\": \"Reunião\", \"productive\": true}");
        control("stop-pause", "{}");
        List<Posted> p = sim.posted();
        Map<?, ?> start = (Map<?, ?>) p.get(0).payload().get("pause");
        assertTrue(String.valueOf(start.get("timeStart")).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"), String.valueOf(start.get("timeStart")));
        assertEquals(900, start.get("maxDuration"));
        Map<?, ?> change = (Map<?, ?>) p.get(1).payload().get("pause");
        assertEquals(true, change.get("productive"));
        assertNull(change.get("maxDuration"));
        Map<?, ?> stop = (Map<?, ?>) p.get(2).payload().get("pause");
        assertEquals("agentStopPause", p.get(2).eventName());
        assertTrue(stop.get("timeEnd") != null);
        HttpResponse<String> again = post("/control/scenario/stop-pause", Map.of("X-Sim-Secret", sim.controlSecret()), "application/json", "{}");
        assertEquals(409, again.statusCode());
        assertEquals(404, post("/control/scenario/nope", Map.of("X-Sim-Secret", sim.controlSecret()), "application/json", "{}").statusCode());
    }

    private void awaitPosted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.posted().size() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(sim.posted().size() >= n, "expected " + n + " posted, got " + sim.posted());
    }
}
