package dev.unibar.ui;

import dev.unibar.testkit.Click;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.unibar.app.VendorContext;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.evolux.EvoluxMapper;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.ApiCall;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.unibar.testkit.Host;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Evolux path with nothing faked on Unibar's side: the bar, the session, the connector, the host page
 * in a real WebView embedding the simulator's Evolux Phone in an iframe, whose postMessages cross the shim
 * and the bridge; click-to-call goes to the simulator's REST API. Every test runs in both page hosts: the
 * WebView and the browser app window (issue 11).
 */
@ExtendWith(ApplicationExtension.class)
class EvoluxEndToEndTest {

    private static final String TOKEN = "evx-token-4a0bc0a9-67b1-46de";
    private final List<String> logLines = new ArrayList<>();
    private final Handler logTap = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logLines) {
                logLines.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Stage stage;
    private EvoluxSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(Host host) {
        host.assumeAvailable();
        // Everything Unibar logs, at every level, and what libraries log at the levels Unibar runs them with.
        logTap.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(logTap);
        Logger.getLogger("dev.unibar").setLevel(java.util.logging.Level.ALL);
        sim = new EvoluxSimulator(0, TOKEN).start();
        ctx = HostedBar.show(host, stage, new EvoluxModule(), env -> EvoluxModule.forSimulator(sim, env));
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(logTap);
        Logger.getLogger("dev.unibar").setLevel(null);
        if (ctx == null) {
            if (sim != null) sim.close();
            return;
        }
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private void ready() {
        // The simulated phone logs the agent in when it opens; agentLogin makes the session ready.
        Fx.until("agentLogin crossed the iframe", () -> ctx.session().store().state().phase() == SessionPhase.READY);
    }

    /**
     * The WebView has no WebRTC: the agent is told at once that there is no audio there. The browser window
     * has it (issue 11): there the notice only says what stays in the Evolux panel.
     */
    @ParameterizedTest
    @EnumSource(Host.class)
    void theAgentIsToldAtOnceWhetherThereIsAudioHere(Host host, FxRobot robot) {
        open(host);
        Label notice = node(robot, "#notice");
        Fx.until("the start notice", () -> notice.getText().contains("Evolux panel"));
        boolean webView = host == Host.WEBVIEW;
        assertEquals(webView, Fx.get(notice::getText).contains("WebRTC"), Fx.get(notice::getText));
        assertEquals(webView ? "evolux.start.noAudio" : "evolux.start.panel",
                ctx.session().store().state().lastNotice().key());
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aCampaignCallShowsTheCustomerNameAndExternalId(Host host, FxRobot robot) {
        open(host);
        ready();
        sim.scenario("campaign-call", Map.of("answer", false, "subscriberName", "Maria Souza", "externalId", "000120"));
        Label name = node(robot, "#callName");
        Label customerId = node(robot, "#callCustomerId");
        Fx.until("the call card shows the subscriber", () -> "Maria Souza".equals(name.getText())
                && customerId.isVisible() && customerId.getText().contains("000120"));
        assertTrue(Fx.get(() -> ((Label) node(robot, "#callQueue")).getText()).contains("campanha_de_cobranca_anual"));
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aPauseWithAMaximumDurationCountsDown(Host host, FxRobot robot) throws Exception {
        open(host);
        ready();
        sim.scenario("pause", Map.of("reason", "Lanche", "maxDuration", 900));
        Label remaining = node(robot, "#timeInState");
        Label state = node(robot, "#stateReadOnly");
        Fx.until("the countdown shows", () -> remaining.isVisible() && remaining.getText().startsWith("1"));
        assertTrue(Fx.get(() -> state.isVisible() && state.getText().equals("Not ready")
                && state.getStyleClass().contains("situation-not-ready")), "the pause shown read-only, in its colour");
        assertEquals("Lanche", Fx.get(() -> ((Label) node(robot, "#stateReason")).getText()), "with its reason");
        assertFalse(Fx.get(() -> node(robot, "#stateSelector").isVisible()), "Evolux offers no state change to the bar");
        int first = seconds(Fx.get(remaining::getText));
        assertTrue(first <= 900 && first > 880, "about 15 minutes left: " + first);
        Fx.until("it counts down", () -> seconds(remaining.getText()) < first);
        sim.scenario("stop-pause", Map.of());
        Fx.until("the countdown goes with the pause", () -> !state.getText().equals("Not ready")
                && remaining.getText().matches("00:0\\d"));
    }

    private static int seconds(String t) {
        String[] p = t.replace("-", "").replace("+", "").split(":");
        int s = 0;
        for (String x : p) s = s * 60 + Integer.parseInt(x);
        return s;
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void clickToCallReachesTheApiWithTheTokenInTheHeaderOnly(Host host, FxRobot robot) throws Exception {
        open(host);
        ready();
        assertTrue(Fx.get(() -> node(robot, "#dialPad").isVisible()), "a token enables the dial pad");
        Click.on(robot, "#dialPad");
        Click.on(robot, "#dialNumber").write("84999010101");
        Click.on(robot, "#dial");
        List<ApiCall> calls = sim.awaitApiCalls(1, Duration.ofSeconds(20));
        assertEquals(1, calls.size());
        ApiCall c = calls.get(0);
        assertTrue(c.tokenValid(), "the token header matched");
        assertEquals("joao", c.from(), "from = the login the phone reported");
        assertEquals("84999010101", c.to());
        assertEquals(200, c.status());
        Fx.until("the platform rings the agent for the call", () -> ctx.session().store().state().activeCall().isPresent());

        List<String> inspected = new ArrayList<>();
        for (InspectorEntry e : ctx.session().inspector().snapshot()) {
            inspected.add(String.valueOf(e.raw()) + " " + e.events().stream().map(ev -> EventJson.line(ev)).toList()
                    + " " + e.problem());
        }
        assertFalse(inspected.isEmpty());
        for (String line : inspected) assertFalse(line.contains(TOKEN), "inspector: " + line);
        synchronized (logLines) {
            assertFalse(logLines.isEmpty(), "the log tap saw the run");
            for (String line : logLines) assertFalse(line.contains(TOKEN), "log: " + line);
        }
    }

    /** Every golden capture, replayed by the phone through the real page, gives translate's events. */
    @ParameterizedTest
    @EnumSource(Host.class)
    void theLivePathGivesTheSameEventsAsTranslate(Host host, FxRobot robot) throws Exception {
        open(host);
        ready();
        Path dir = Path.of("src/test/resources/captures/evolux");
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jsonl") && !f.toString().endsWith(".expected.jsonl")
                    && !f.getFileName().toString().startsWith("malformed")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        long before = ctx.session().inspector().mappedCount();
        EvoluxMapper translate = new EvoluxMapper();
        List<String> expected = new ArrayList<>();
        for (String l : lines) {
            Map<String, Object> m = Payloads.JSON.readValue(l, new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) m.get("payload");
            sim.postRaw((String) m.get("eventName"), payload);
            for (var e : translate.mapLine(l)) expected.add(EventJson.line(e));
        }
        Fx.until("every replayed line was mapped", () -> ctx.session().inspector().mappedCount() >= before + lines.size());
        List<String> live = new ArrayList<>();
        List<InspectorEntry> entries = ctx.session().inspector().snapshot();
        for (InspectorEntry e : entries.subList(entries.size() - lines.size(), entries.size())) {
            for (var ev : e.events()) live.add(EventJson.line(ev));
        }
        assertEquals(expected, live);
    }
}
