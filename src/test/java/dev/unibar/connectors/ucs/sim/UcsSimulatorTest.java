package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimState.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UcsSimulatorTest {

    private static final Duration T = Duration.ofSeconds(5);
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.origin() + path)).header("X-Sim-Secret", sim.secret())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.origin() + path))
                .header("Content-Type", "application/json").header("X-Sim-Secret", sim.secret())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private WsPage readyPage() throws Exception {
        WsPage page = new WsPage(sim.websocketUrl());
        page.hello(Map.of("listDevices", true, "confirmDevice", false, "headless", true));
        page.await("onCredentials");
        page.call("login", "agent", "agent", false);
        page.await("onIdentify");
        page.call("selectIdentifier", "201");
        page.await("onReady");
        page.call("changeStatus", "READY");
        page.await("onStateChange");
        return page;
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertTrue(sim.port() > 0);
        assertEquals("http://127.0.0.1:" + sim.port(), sim.origin());
        assertEquals(sim.origin() + "/operator/operator-v4.0.0.js", sim.scriptUrl());
    }

    @Test
    void servesTheScriptAsJavaScript() throws Exception {
        HttpResponse<String> r = get("/operator/operator-v4.0.0.js");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertEquals(null, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "no CORS without an Origin");
        for (String m : UcsSimState.methods()) assertTrue(r.body().contains("'" + m + "'"), m);
        assertTrue(r.body().contains("window.ucsOperator") || r.body().contains("W.ucsOperator"));
        assertEquals(200, get("/").statusCode(), "the demo host page");
        assertEquals(404, get("/nothing").statusCode());
    }

    @Test
    void controlEndpointsAnswerPreflightForLoopbackOriginsOnly() throws Exception {
        String page = "http://127.0.0.1:" + (sim.port() + 1);
        HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/scenario/inbound"))
                .header("Origin", page)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode());
        assertEquals(page, pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Sim-Secret"));
        HttpResponse<String> scenarios = get("/control/scenarios");
        List<?> list = WsPage.JSON.readValue(scenarios.body(), List.class);
        List<String> names = list.stream().map(o -> (String) ((Map<?, ?>) o).get("name")).toList();
        assertTrue(names.containsAll(List.of("inbound", "outbound", "busy", "remote-hangup", "waiting-callers",
                "login-error", "acw", "aux-reasons", "devices", "consult-answer", "error", "warning", "queue-suspend")), names.toString());
        assertNotNull(((Map<?, ?>) list.get(0)).get("description"));
    }

    @Test
    void pageLogsInPairsAndGetsReady() throws Exception {
        try (WsPage page = new WsPage(sim.websocketUrl())) {
            page.hello(Map.of("listDevices", true, "confirmDevice", false, "autologin", true));
            assertEquals(List.of(UcsSimSettings.VERSION), page.await("onConnect"));
            page.await("onCredentials");
            assertEquals(true, sim.hello().get("listDevices"));
            page.call("login", "agent", "agent", true);
            assertEquals("agent", page.await0("onUser").get("username"));
            assertEquals(3, ((List<?>) page.await("onIdentify").get(0)).size());
            page.call("selectIdentifier", "201");
            assertEquals(List.of("201"), page.await("onIdentifier"));
            assertEquals("201", page.await0("onDevice").get("identifier"));
            Map<String, Object> ready = page.await0("onReady");
            assertEquals("OFFLINE", ready.get("status"));
            assertEquals("READY", page.lastSnapshot().get("phase"));
            assertNotNull(((Map<?, ?>) page.lastSnapshot().get("state")).get("ringingSound"), "state() has ringingSound");
            assertEquals(Phase.READY, sim.state().phase());
            assertEquals(List.of("agent", "******", true), sim.awaitRecorded("login", T).args());
        }
    }

    @Test
    void refusedMethodYieldsOnWarningAndIsRecordedAsRefused() throws Exception {
        try (WsPage page = new WsPage(sim.websocketUrl())) {
            page.hello(Map.of());
            page.await("onCredentials");
            page.call("dial", "777123456");
            assertEquals(List.of("dial is not allowed in state CREDENTIALS"), page.await("onWarning"));
            Recorded r = sim.awaitRecorded("dial", T);
            assertFalse(r.accepted());
            assertEquals("CREDENTIALS", r.state());
            page.call("login", "agent", "secret-pw", false);
            page.await("onLoginError");
            HttpResponse<String> rec = get("/control/recorded");
            assertEquals(200, rec.statusCode());
            assertFalse(rec.body().contains("secret-pw"));
            List<?> list = WsPage.JSON.readValue(rec.body(), List.class);
            Map<?, ?> first = (Map<?, ?>) list.get(0);
            assertEquals("dial", first.get("method"));
            assertEquals(false, first.get("accepted"));
            assertEquals("CREDENTIALS", first.get("state"));
            assertNotNull(first.get("at"));
            assertEquals(List.of("agent", "******", false), ((Map<?, ?>) list.get(1)).get("args"));
        }
    }

    @Test
    void malformedMessagesAreWarnedAbout() throws Exception {
        try (WsPage page = new WsPage(sim.websocketUrl())) {
            page.sendText("{nope");
            assertEquals(List.of("UCS simulator: malformed message"), page.await("onWarning"));
            page.sendRaw(Map.of("x", 1));
            assertEquals(List.of("UCS simulator: message has neither hello nor m"), page.await("onWarning"));
        }
    }

    @Test
    void inboundScenarioOverHttpRingsAndTheAgentAnswers() throws Exception {
        try (WsPage page = readyPage()) {
            HttpResponse<String> r = post("/control/scenario/inbound",
                    "{\"number\":\"603987654\",\"name\":\"Tomáš Dvořák\",\"queue\":1,\"data\":{\"customer_id\":\"42\"}}");
            assertEquals(200, r.statusCode(), r.body());
            String uniqueid = (String) WsPage.JSON.readValue(r.body(), Map.class).get("uniqueid");
            Map<String, Object> ringing = page.await0("onCallRinging");
            assertEquals(uniqueid, ringing.get("uniqueid"));
            assertEquals("INCOMING", ringing.get("direction"));
            assertEquals("Tomáš Dvořák", ringing.get("name"));
            assertEquals(Map.of("customer_id", "42"), ringing.get("data"));
            page.call("answer");
            assertEquals(3, page.await0("onCallConnect").get("state"));
            post("/control/scenario/remote-hangup", "");
            Map<String, Object> hangup = page.await0("onCallHangup");
            assertEquals(3, hangup.get("cause"));
            assertEquals(uniqueid, hangup.get("uniqueid"));
        }
    }

    @Test
    void scenarioErrorsMapToHttpStatus() throws Exception {
        assertEquals(404, post("/control/scenario/earthquake", "{}").statusCode());
        assertEquals(409, post("/control/scenario/inbound", "{}").statusCode(), "no page is READY");
        assertEquals(400, post("/control/scenario/outbound", "{\"behavior\":\"maybe\"}").statusCode());
        assertEquals(400, post("/control/scenario/waiting-callers", "[1]").statusCode());
        assertEquals(400, post("/control/scenario/waiting-callers", "{oops").statusCode());
        assertEquals(404, get("/control/nothing").statusCode());
    }

    @Test
    void outboundBusyAndConsultScenarios() throws Exception {
        try (WsPage page = readyPage()) {
            assertEquals(200, post("/control/scenario/busy", "{}").statusCode());
            page.call("dial", "777123456");
            page.await("onCallNew");
            assertEquals("777123456", page.await0("onCallRinging").get("number"));
            assertEquals(1, page.await0("onCallHangup").get("cause"));
            page.call("dial", "0800123456", "directCall");
            assertEquals("0800123456", page.await0("onCallRinging").get("number"));
            assertEquals(3, page.await0("onCallConnect").get("state"));
            sim.scenario("consult-answer", Map.of("behavior", "answer"));
            page.call("transfer", "2001");
            page.await("onCallHold");
            String consult = (String) page.await0("onCallConnect").get("uniqueid");
            page.call("finishTransfer");
            Map<String, Object> h1 = page.await0("onCallHangup");
            Map<String, Object> h2 = page.await0("onCallHangup");
            assertEquals(consult, h1.get("uniqueid"));
            assertEquals(8, h1.get("cause"));
            assertEquals(8, h2.get("cause"));
            assertNotEquals(h1.get("uniqueid"), h2.get("uniqueid"));
        }
    }

    @Test
    void acwScenarioAndStatusPushes() throws Exception {
        try (WsPage page = readyPage()) {
            sim.scenario("acw", Map.of("ms", 100));
            sim.scenario("inbound", Map.of("number", "777123456"));
            page.await("onCallRinging");
            page.call("answer");
            page.await("onCallConnect");
            page.call("hangup");
            assertEquals(4, page.await0("onCallHangup").get("cause"));
            assertEquals("ACW", page.await0("onStateChange").get("status"));
            assertEquals("READY", page.await0("onStateChange").get("status"));
        }
    }

    @Test
    void pushScenarios() throws Exception {
        try (WsPage page = readyPage()) {
            sim.scenario("waiting-callers", Map.of("count", 3));
            assertEquals(List.of(3), page.await("onWaitingCallersChange"));
            sim.scenario("error", Map.of("message", "UCS down"));
            assertEquals(List.of("UCS down"), page.await("onError"));
            sim.scenario("warning", Map.of("message", "slow"));
            assertEquals(List.of("slow"), page.await("onWarning"));
            sim.scenario("queue-suspend", Map.of("queue", 2));
            assertEquals(List.of(2), page.await("onAgentSuspend"));
            sim.scenario("queue-suspend", Map.of("queue", 2, "resume", true));
            assertEquals(List.of(2), page.await("onAgentResume"));
            sim.scenario("aux-reasons", Map.of("reasons", List.of("Káva")));
            page.call("changeStatus", "AUX", "Káva");
            assertEquals(Map.of("status", "AUX", "reason", "Káva"), page.await0("onStateChange"));
        }
    }

    @Test
    void loginErrorAndDevicesScenariosThenReset() throws Exception {
        sim.scenario("login-error", Map.of("code", 500, "message", "LDAP unavailable"));
        sim.scenario("devices", Map.of("devices", List.of(Map.of("identifier", "cisco-7", "name", "Cisco 7"))));
        try (WsPage page = new WsPage(sim.websocketUrl())) {
            page.hello(Map.of("listDevices", true));
            page.await("onCredentials");
            page.call("login", "agent", "agent", false);
            assertEquals(List.of(500, "LDAP unavailable"), page.await("onLoginError"));
            page.call("login", "agent", "agent", false);
            List<?> devices = (List<?>) page.await("onIdentify").get(0);
            assertEquals("cisco-7", ((Map<?, ?>) devices.get(0)).get("identifier"));
            assertEquals(200, post("/control/reset", "").statusCode());
            assertEquals("[]", get("/control/recorded").body());
            assertEquals(3, sim.settings().devices().size(), "reset restored the devices");
        }
    }

    @Test
    void anyApiPathUpgradesAndTheLatestPageIsTheState() throws Exception {
        try (WsPage a = new WsPage(sim.websocketUrl()); WsPage b = new WsPage("ws://127.0.0.1:" + sim.port() + "/ucs/proxy")) {
            a.hello(Map.of());
            a.await("onCredentials");
            b.hello(Map.of("withoutDevice", true));
            b.await("onCredentials");
            b.call("login", "agent", "agent", false);
            b.await("onReady");
            assertEquals(Phase.READY, sim.state().phase());
            assertEquals(2, sim.connectedPages());
        }
    }

    @Test
    void stateAndRingingSoundMethodsRefreshTheSnapshot() throws Exception {
        try (WsPage page = readyPage()) {
            page.call("selectRingingSound", "rush");
            sim.awaitRecorded("selectRingingSound", T);
            long deadline = System.nanoTime() + T.toNanos();
            while (System.nanoTime() < deadline) {
                Map<?, ?> st = (Map<?, ?>) page.lastSnapshot().get("state");
                if (st != null && "rush".equals(st.get("ringingSound"))) return;
                Thread.sleep(10);
            }
            throw new AssertionError("the snapshot never showed the new ringing sound");
        }
    }

    @Test
    void awaitRecordedMovesOnAndTimesOut() throws Exception {
        try (WsPage page = readyPage()) {
            page.call("state");
            page.call("state");
            Recorded first = sim.awaitRecorded("state", T);
            Recorded second = sim.awaitRecorded("state", T);
            assertFalse(first == second);
            assertThrows(AssertionError.class, () -> sim.awaitRecorded("state", Duration.ofMillis(100)));
        }
    }

    @Test
    void demoLoopOffersCallsToAnIdleReadyAgent() throws Exception {
        try (WsPage page = readyPage()) {
            sim.startDemoLoop();
            Map<String, Object> call = page.await0("onCallRinging");
            assertEquals("INCOMING", call.get("direction"));
            sim.stopDemoLoop();
        }
    }

    @Test
    void burstOfPushesArrivesInOrder() throws Exception {
        try (WsPage page = readyPage()) {
            for (int i = 1; i <= 200; i++) sim.scenario("waiting-callers", Map.of("count", i));
            for (int i = 1; i <= 200; i++) assertEquals(List.of(i), page.await("onWaitingCallersChange"));
        }
    }

    @Test
    void longPollTransportCarriesTheSameMessages() throws Exception {
        HttpResponse<String> open = post("/operator/poll/open", "{\"hello\":{\"withoutDevice\":true}}");
        assertEquals(200, open.statusCode());
        assertTrue(open.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "never *");
        String sid = (String) WsPage.JSON.readValue(open.body(), Map.class).get("sid");
        Map<?, ?> first = WsPage.JSON.readValue(get("/operator/poll/" + sid + "?after=0").body(), Map.class);
        List<?> messages = (List<?>) first.get("messages");
        assertEquals("onConnect", ((Map<?, ?>) messages.get(0)).get("cb"));
        assertEquals("onCredentials", ((Map<?, ?>) messages.get(1)).get("cb"));
        long next = ((Number) first.get("next")).longValue();
        assertEquals(200, post("/operator/poll/" + sid + "/send", "{\"m\":\"login\",\"a\":[\"agent\",\"agent\",false]}").statusCode());
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + T.toNanos();
        while (!seen.contains("onReady") && System.nanoTime() < deadline) {
            Map<?, ?> r = WsPage.JSON.readValue(get("/operator/poll/" + sid + "?after=" + next + "&wait=1000").body(), Map.class);
            for (Object m : (List<?>) r.get("messages")) {
                if (((Map<?, ?>) m).get("cb") != null) seen.add((String) ((Map<?, ?>) m).get("cb"));
            }
            next = ((Number) r.get("next")).longValue();
        }
        assertEquals(List.of("onUser", "onReady"), seen);
        assertEquals(Phase.READY, sim.state().phase());
        assertEquals(200, post("/operator/poll/" + sid + "/close", "").statusCode());
        assertEquals(404, get("/operator/poll/" + sid + "?after=0").statusCode());
        assertEquals(0, sim.connectedPages());
    }
}
