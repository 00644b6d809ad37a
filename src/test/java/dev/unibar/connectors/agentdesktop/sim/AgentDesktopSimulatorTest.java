package dev.unibar.connectors.agentdesktop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentDesktopSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields both the seed's print-outs and the simulator carry; ani is left out (the seed anonymises it mid-sequence). */
    private static final List<String> COMPARED = List.of("type", "media_type", "content_type",
            "job_type", "job_state", "dnis", "queue", "reason", "CallData");
    /** The ids the simulator gives are its own, in the seed's form ({@code 13b-5d9daab7@B2BUAGW1.enghouse.com}). */
    private static final String ID_FORM = "[0-9a-f]+-[0-9a-f]{8}@B2BUA(GW1|EP)\\.enghouse\\.com";
    /** Fields that name a contact: the simulator's values stand one for one for the capture's. */
    private static final List<String> NAMES = List.of("id", "uuid", "chat_id");

    private AgentDesktopSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** The simulator plays each seed sequence as the golden capture (written from the seed) has it. */
    @ParameterizedTest
    @ValueSource(strings = {"blind-transfer", "consult-transfer", "consult-conference", "consult-cancel", "manual-call",
            "after-call-work", "agent-login", "agent-pause", "agent-logout", "chat-contact"})
    void scenariosPlayTheCapturedSequences(String name) throws IOException {
        List<JsonNode> capture = capture(name);
        sim.play(name);
        List<String> sent = sim.sentEvents();
        assertTrue(sent.size() >= capture.size(), () -> "too few events: " + sent);
        List<String> tail = sent.subList(sent.size() - capture.size(), sent.size());
        Map<String, String> renamed = new HashMap<>();
        for (int i = 0; i < capture.size(); i++) {
            JsonNode want = capture.get(i);
            JsonNode got = JSON.readTree(tail.get(i));
            assertEquals(want.get("event").asText().toUpperCase(Locale.ROOT), got.get("event").asText(), "event " + i + " of " + name);
            for (String k : COMPARED) {
                if (want.has(k)) assertEquals(want.get(k), got.get(k), k + " of event " + i + " of " + name);
            }
            for (String k : NAMES) {
                if (!want.has(k) || want.get(k).asText().isEmpty()) {
                    if (want.has(k)) assertEquals("", got.get(k).asText(), k + " of event " + i + " of " + name);
                    continue;
                }
                String mine = got.get(k).asText();
                assertNotEquals(want.get(k).asText(), mine, k + ": a contact of its own, not the seed's");
                String before = renamed.putIfAbsent(k + want.get(k).asText(), mine);
                assertEquals(before == null ? mine : before, mine, k + " of event " + i + " of " + name + " stands for one seed value");
                if (k.equals("id")) assertTrue(mine.matches(ID_FORM), mine);
            }
        }
        assertEquals(renamed.size(), new java.util.HashSet<>(renamed.values()).size(), "one id for one: " + renamed);
    }

    /** Issue 20: the same scenario played twice is two contacts (two journal rows), as AgentDesktop gives each its id. */
    @Test
    void eachCallHasAnIdOfItsOwn() throws Exception {
        sim.play("inbound-call");
        sim.play("inbound-call");
        sim.play("after-call-work");
        sim.play("after-call-work");
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (String e : sim.sentEvents()) ids.add(JSON.readTree(e).get("id").asText());
        assertEquals(4, ids.size(), ids.toString());
        try (AgentDesktopSimulator other = new AgentDesktopSimulator().start()) {
            String first = ids.iterator().next();
            String again = other.inbound("3393669393", "225727273", "QUEUE25");
            // The counter starts again in another run; the B2BUA's start time (the second part) tells them apart.
            assertEquals(first.substring(0, first.indexOf('-')), again.substring(0, again.indexOf('-')));
            assertNotEquals(first, again, "another run's first call is another call");
        }
    }

    /** Issue 20: a caller who gives up while it rings: CONNECTIONCLEARED (no reason), JOBFINISHED; nothing left. */
    @Test
    void aCallerGivesUpWhileItRings() throws Exception {
        sim.play("missed-call", Map.of("number", "731000111", "autoHangupAfterMs", 50));
        Wait.until("the caller gave up", Duration.ofSeconds(10), () -> sim.sentEvents().size() == 4);
        assertEquals(List.of("POPUP", "RINGING", "CONNECTIONCLEARED", "JOBFINISHED"), eventNames());
        JsonNode cleared = JSON.readTree(sim.sentEvents().get(2));
        assertEquals("731000111", cleared.get("ani").asText());
        assertEquals("", cleared.get("reason").asText());
        assertEquals(List.of(), sim.state().get("contacts"));
    }

    /** An answered call is not given up: the caller's timer, which runs before a later caller's, finds it talking. */
    @Test
    void anAnsweredCallIsNotAbandoned() throws Exception {
        String id = sim.inbound("731000111", "225727273", "QUEUE25", 100);
        invoke("CONTACT", "Answer", id);
        String later = sim.inbound("731000222", "225727273", "QUEUE25", 400);
        Wait.until("the later caller gave up", Duration.ofSeconds(10), () -> sim.sentEvents().stream().anyMatch(
                e -> e.contains("CONNECTIONCLEARED") && e.contains(later)));
        assertEquals(List.of("POPUP", "RINGING", "ESTABLISHED", "POPUP", "RINGING", "CONNECTIONCLEARED", "JOBFINISHED"),
                eventNames());
        assertTrue(sim.sentEvents().stream().noneMatch(e -> e.contains("CONNECTIONCLEARED") && e.contains(id)));
    }

    /** Issue 20: AgentDesktop refuses the next manual call: the contact starts and is cleared with the reason. */
    @Test
    void aRefusedDialIsClearedWithItsReason() throws Exception {
        sim.play("dial-refused", Map.of("reason", "busy"));
        invoke("CONTACT", "MakeCall", "603555000");
        assertEquals(List.of("CONNECTIONSTARTED", "CONNECTIONCLEARED", "JOBFINISHED"), eventNames());
        JsonNode cleared = JSON.readTree(sim.sentEvents().get(1));
        assertEquals("busy", cleared.get("reason").asText());
        assertEquals("manual", cleared.get("job_type").asText());
        assertEquals("603555000", cleared.get("dnis").asText());
        invoke("CONTACT", "MakeCall", "603555001");
        assertEquals("DIALING", JSON.readTree(sim.sentEvents().get(4)).get("event").asText(), "once only");
    }

    @Test
    void consultationCompletedAsTransferFromWidgetCalls() throws Exception {
        String main = sim.inbound("3393669393", "225727273", "QUEUE25");
        invoke("CONTACT", "Answer", main);
        invoke("CONTACT", "Transfer_Consultation", main, "2001", "", "");
        String leg = legOf(main);
        invoke("CONTACT", "Transfer_Complete", main);
        List<String> events = new ArrayList<>();
        for (String s : sim.sentEvents()) {
            JsonNode n = JSON.readTree(s);
            events.add(n.get("event").asText() + " " + (n.get("id").asText().equals(main) ? "main" : n.get("id").asText().equals(leg) ? "leg" : "?"));
        }
        assertEquals(List.of("POPUP main", "RINGING main", "ESTABLISHED main", "HELD main", "CONNECTIONSTARTED leg",
                "DIALING leg", "ESTABLISHED leg", "TRANSFERRED main", "CONNECTIONCLEARED main", "CONNECTIONCLEARED leg",
                "JOBCHANGED main"), events);
        List<String> methods = sim.recorded().stream().map(r -> r.qualified() + r.args() + r.accepted()).toList();
        assertEquals(List.of("CONTACT.Answer[" + main + "]true", "CONTACT.Transfer_Consultation[" + main + ", 2001, , ]true",
                "CONTACT.Transfer_Complete[" + main + "]true"), methods);
    }

    @Test
    void holdIsAToggleAndCancelledConsultationLeavesTheCallHeld() throws Exception {
        String main = sim.inbound("3393669393", "225727273", "QUEUE25");
        invoke("CONTACT", "Answer", main);
        invoke("CONTACT", "Hold", main);
        invoke("CONTACT", "Hold", main);
        invoke("CONTACT", "Transfer_Consultation", main, "2001");
        String leg = legOf(main);
        invoke("CONTACT", "Hangup", leg);
        Map<String, Object> state = sim.state();
        List<?> contacts = (List<?>) state.get("contacts");
        assertEquals(1, contacts.size(), "the leg is gone");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) contacts.get(0)).get("held"));
        List<String> names = sim.sentEvents().stream().map(s -> s.replaceAll(".*\"event\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of("POPUP", "RINGING", "ESTABLISHED", "HELD", "ESTABLISHED", "HELD", "CONNECTIONSTARTED",
                "DIALING", "ESTABLISHED", "CONNECTIONCLEARED"), names);
    }

    @Test
    void refusedCallsAreRecordedAndShownAsAnAlert() throws Exception {
        invoke("CONTACT", "Transfer_Complete", "nope@nowhere");
        invoke("CONTACT", "NoSuchThing");
        List<Recorded> r = sim.recorded();
        assertEquals(2, r.size());
        assertFalse(r.get(0).accepted());
        assertTrue(r.get(0).note().contains("unknown contact"), r.get(0).note());
        assertFalse(r.get(1).accepted());
        JsonNode feed = JSON.readTree(get("/AD/api/events?after=0&wait=0", true).body());
        assertEquals("alert", feed.get("events").get(0).get("kind").asText());
    }

    @Test
    void recordingActsOnACallAndIsRefusedOnAChat() throws Exception {
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        String chat = sim.chat("mario.rossi@example.it");
        invoke("CONTACT", "StartRecording", call);
        invoke("CONTACT", "StopRecording", call);
        invoke("CONTACT", "StartRecording", chat);
        invoke("CONTACT", "Hold", chat);
        List<String> methods = sim.recorded().stream().map(r -> r.qualified() + r.args() + r.accepted()).toList();
        assertEquals(List.of("CONTACT.StartRecording[" + call + "]true", "CONTACT.StopRecording[" + call + "]true",
                "CONTACT.StartRecording[" + chat + "]false", "CONTACT.Hold[" + chat + "]false"), methods);
        assertTrue(sim.sentEvents().get(sim.sentEvents().size() - 1).contains("\"media_type\":\"chat\""));
    }

    @Test
    void lowerCaseEventsAsSeenInTheField() {
        sim.lowerCaseEvents(true);
        sim.inbound("1", "2", "Q");
        assertTrue(sim.sentEvents().get(0).contains("\"event\":\"popup\""), sim.sentEvents().get(0));
    }

    @Test
    void pageCarriesTheWidgetUriAndSdkHasTheConfiguredConsultationName() throws Exception {
        sim.widgetUri("http://127.0.0.1:1/widget?x=</script>");
        sim.consultMethod("Transfer_Consult");
        String page = get(keyed(), false).body();
        assertTrue(page.contains("http://127.0.0.1:1/widget?x=<\\/script>"), "widget URI, escaped inside the script");
        assertFalse(page.contains("__AD_SIM_CONFIG__"));
        String sdk = get(AgentDesktopSimulator.SDK_PATH, false).body();
        assertTrue(sdk.contains("\"Transfer_Consult\""), "consultation name in the SDK");
        assertTrue(sdk.contains("\"Transfer_Complete_Conference\""));
    }

    /**
     * Issue 22: the agent page carried the control secret and any local process could fetch it. Now a
     * bare request gets no page, the page holds no secret, and its one-time address works once.
     */
    @Test
    void thePageGivesNoSecretToAnotherLocalProcess() throws Exception {
        HttpResponse<String> bare = get(AgentDesktopSimulator.PAGE_PATH, false);
        assertEquals(401, bare.statusCode());
        assertFalse(bare.body().contains(sim.secret()));
        String keyed = keyed();
        HttpResponse<String> page = get(keyed, false);
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains(sim.secret()), "the page holds no secret");
        assertTrue(page.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"), "its session is a cookie scripts cannot read");
        HttpResponse<String> again = get(keyed, false);
        assertEquals(401, again.statusCode(), "its address works once");
        assertFalse(again.body().contains(sim.secret()));
        assertEquals(200, get(AgentDesktopSimulator.SDK_PATH, false).statusCode(), "the SDK is public, as AgentDesktop's is");
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/page-url"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String another = JSON.readTree(post("/control/page-url", "").body()).get("url").asText();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(another)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "with the secret a supervisor's browser gets an address of its own");
    }

    /** Issue 22: /control/state and /control/recorded answered anyone; what they show (calls, numbers) is the agent's. */
    @Test
    void stateAndRecordAreReadWithTheSecretOrThePagesSessionOnly() throws Exception {
        sim.inbound("3393669393", "225727273", "QUEUE25");
        invoke("CONTACT", "Hold", "nope");
        for (String path : List.of("/control/state", "/control/recorded", "/control/scenarios")) {
            HttpResponse<String> r = get(path, false);
            assertEquals(401, r.statusCode(), path);
            assertFalse(r.body().contains("3393669393"), path + " leaks nothing");
            assertEquals(200, get(path, true).statusCode(), path);
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(sim.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> state = browser.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, state.statusCode(), "the page that holds the session reads it");
        assertTrue(state.body().contains("3393669393"));
    }

    /**
     * Issue 20: Simulator → Inbound call (the scenario) arrived already talking. It rings, and only the
     * agent's Answer (a widget call) makes it ESTABLISHED, as the page's own Inbound call button does.
     */
    @Test
    void theInboundCallScenarioRingsUntilTheAgentAnswers() throws Exception {
        sim.answerDelayMs(1);
        sim.play("inbound-call");
        List<String> events = eventNames();
        assertEquals(List.of("POPUP", "RINGING"), events);
        Map<?, ?> contact = (Map<?, ?>) ((List<?>) sim.state().get("contacts")).get(0);
        String id = (String) contact.get("id");
        assertEquals("online", contact.get("job_state"));
        invoke("CONTACT", "Answer", id);
        assertEquals(List.of("POPUP", "RINGING", "ESTABLISHED"), eventNames());
        assertEquals(List.of("CONTACT.Answer[" + id + "]true"),
                sim.recorded().stream().map(r -> r.qualified() + r.args() + r.accepted()).toList());
    }

    private List<String> eventNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (String e : sim.sentEvents()) out.add(JSON.readTree(e).get("event").asText());
        return out;
    }

    private String keyed() {
        return sim.pageUrl().substring(sim.origin().length());
    }

    @Test
    void stateChangesNeedTheSecret() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/inbound"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertTrue(((List<?>) sim.state().get("contacts")).isEmpty());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/inbound"))
                .header(AgentDesktopSimulator.SECRET_HEADER, "x" + sim.secret())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertEquals(401, get("/AD/api/events?after=0", false).statusCode(), "the event feed needs the secret too");
        assertEquals(200, post("/control/inbound", "{}").statusCode());
        assertEquals(1, ((List<?>) sim.state().get("contacts")).size());
    }

    @Test
    void foreignOriginsAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.origin() + "/control/inbound"))
                .header("Origin", "http://evil.example").header(AgentDesktopSimulator.SECRET_HEADER, sim.secret())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertTrue(((List<?>) sim.state().get("contacts")).isEmpty());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void nonLoopbackHostIsRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /AD/ HTTP/1.1\r\nHost: attacker.example:" + sim.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 421 "), status);
        }
    }

    @Test
    void eventFeedLongPollsAndRestartsAfterReset() throws Exception {
        long t0 = System.nanoTime();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            sim.inbound("1", "2", "Q");
        });
        later.start();
        JsonNode feed = JSON.readTree(get("/AD/api/events?after=0&wait=5000", true).body());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150, "waited for the event");
        assertEquals("contact", feed.get("events").get(0).get("kind").asText());
        long next = feed.get("next").asLong();
        long epoch = feed.get("epoch").asLong();
        sim.reset();
        sim.inbound("3", "4", "Q");
        JsonNode again = JSON.readTree(get("/AD/api/events?after=" + next + "&epoch=" + epoch + "&wait=1000", true).body());
        assertEquals(2, again.get("events").size(), "read from the start after a reset");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String legOf(String main) {
        for (Object o : (List<?>) sim.state().get("contacts")) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (main.equals(c.get("consultFor"))) return (String) c.get("id");
        }
        throw new AssertionError("no consultation leg: " + sim.state());
    }

    private void invoke(String ns, String method, String... args) throws Exception {
        String body = JSON.writeValueAsString(Map.of("ns", ns, "method", method, "args", List.of((Object[]) args)));
        assertEquals(200, post("/AD/api/invoke", body).statusCode());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.origin() + path)).header(AgentDesktopSimulator.SECRET_HEADER, sim.secret())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, boolean secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.origin() + path));
        if (secret) b.header(AgentDesktopSimulator.SECRET_HEADER, sim.secret());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> capture(String name) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = AgentDesktopSimulatorTest.class.getResourceAsStream("/captures/agentdesktop/" + name + ".jsonl")) {
            if (in == null) throw new IOException("no capture " + name);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
