package dev.unibar.connectors.epbx.it;

import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection over time, against the simulator: token refresh and refusal, a dropped socket, a
 * middleware restart, and the recording download with the token kept out of every event, inspector
 * entry and log record.
 */
@Timeout(90)
class EpbxSimulatorResilienceTest {

    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder b = new StringBuilder(String.valueOf(r.getLoggerName())).append(' ')
                    .append(r.getMessage());
            if (r.getParameters() != null) for (Object p : r.getParameters()) b.append(' ').append(p);
            if (r.getThrown() != null) b.append(' ').append(r.getThrown());
            logs.add(b.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void captureLogs() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    // ---- tokens --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void theConnectionOutlivesSeveralTokenLifetimes(String transport) {
        try (SimRig rig = new SimRig(transport, b -> b.tokenLifetime(Duration.ofSeconds(2)))) {
            rig.login();
            // Waiting out three token lifetimes is the point of this test.
            SimRig.sleep(6_000);
            rig.ok(new Command.SetState(AgentState.NOT_READY, "3"));
            rig.await("paused after 3 lifetimes", 5_000, s -> s.agentState() == AgentState.NOT_READY);
            long refreshes = rig.sim.tokenGrants().stream()
                    .filter(g -> g.grantType().equals("refresh_token") && g.granted()).count();
            assertTrue(refreshes >= 3, "refresh grants: " + rig.sim.tokenGrants());

            // A reconnect now needs the current token: the one from the login is long expired.
            rig.scenario("drop", Map.of());
            rig.await("the drop noticed", 5_000, s -> s.connection() != ConnectionStatus.CONNECTED);
            rig.await("reconnected with a fresh token", 15_000, s -> s.connection() == ConnectionStatus.CONNECTED
                    && s.phase() == SessionPhase.READY);
            if (transport.equals("core")) {
                // A Core reconnect is a new connection: the device is logged in again on it.
                rig.sim.awaitRecordedCount("Iniciar", 2, Duration.ofSeconds(10));
                rig.await("re-logged", 5_000, s -> rig.rawCount("onInfoIntervaloRamal") == 2 * SimRig.INTERVALS);
            }
            rig.scenario("interval", Map.of("id", 4));
            rig.await("pushes arrive on the new socket", 5_000, s -> "Banheiro".equals(s.stateReason()));
            assertTrue(rig.state().lastError() == null, String.valueOf(rig.state().lastError()));
            assertNoToken(rig);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aRefusedRefreshBringsTheLoginFormBack(String transport) {
        try (SimRig rig = new SimRig(transport, b -> b.tokenLifetime(Duration.ofSeconds(2)))) {
            rig.login();
            rig.scenario("refuse-refresh", Map.of());
            BarState s = rig.await("session error and login form", 5_000,
                    st -> st.lastError() != null && st.phase() == SessionPhase.CREDENTIALS);
            assertEquals("session_expired", s.lastError().code());
            assertTrue(s.lastError().message().contains("could not be renewed")
                    && s.lastError().message().contains("log in again"), s.lastError().message());
            rig.await("disconnected", 5_000, st -> st.connection() == ConnectionStatus.DISCONNECTED);
            assertTrue(rig.sim.tokenGrants().stream().anyMatch(g -> g.grantType().equals("refresh_token")
                    && !g.granted()));
            // The form works again once the server agrees.
            rig.scenario("refuse-refresh", Map.of("refuse", false));
            rig.login("1001", "ramalVirtual");
            assertEquals(2, rig.recorded("Iniciar").size());
            assertNoToken(rig);
        }
    }

    // ---- connection faults ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aDroppedSocketReconnectsWithoutDuplicatingTheCall(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = EpbxAgainstSimulatorTest.answeredInbound(rig);
            List<ConnectionStatus> seen = new CopyOnWriteArrayList<>();
            rig.session.store().subscribe(s -> {
                if (seen.isEmpty() || seen.get(seen.size() - 1) != s.connection()) seen.add(s.connection());
            });
            rig.scenario("drop", Map.of());
            rig.await("RECONNECTING", 3_000, s -> s.connection() == ConnectionStatus.RECONNECTING);
            BarState s = rig.await("CONNECTED again", 10_000, st -> st.connection() == ConnectionStatus.CONNECTED);
            assertTrue(seen.contains(ConnectionStatus.RECONNECTING), seen.toString());
            assertEquals(1, s.calls().size(), s.calls().toString());
            assertTrue(s.calls().containsKey(id));
            assertEquals(SessionPhase.READY, s.phase());

            long mark = rig.mark();
            if (transport.equals("classic")) {
                // Classic keeps the server-side connection: the hub still has the call.
                rig.ok(new Command.Hold(id));
                rig.awaitTypes(mark, 5_000, "call.held");
                rig.await("held", 5_000, st -> st.calls().get(id).status() == CallStatus.HELD);
                assertEquals(1, rig.recorded("Iniciar").size());
            } else {
                // A Core reconnect is a new connection: the connector logged the device in again.
                rig.sim.awaitRecordedCount("Iniciar", 2, Duration.ofSeconds(5));
                rig.await("re-logged", 5_000, st -> st.pauseReasons().size() == SimRig.SELECTABLE_REASONS
                        && rig.rawCount("onInfoIntervaloRamal") == 2 * SimRig.INTERVALS);
                mark = rig.mark();
                rig.scenario("interval", Map.of("id", 3));
                rig.awaitTypes(mark, 5_000, "agent.state");
            }
            assertEquals(1, rig.state().calls().size());
            assertEquals(SimRig.SELECTABLE_REASONS, rig.state().pauseReasons().size());
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aRestartRenegotiatesAndLogsTheDeviceInAgain(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = EpbxAgainstSimulatorTest.answeredInbound(rig);
            // During a call the middleware keeps the interval pending (RamalStatusDestinoId 1, the vendor's WPF sample).
            rig.ok(new Command.SetState(AgentState.NOT_READY, "7"));
            rig.await("pause pending", 5_000, s -> s.lastNotice() != null
                    && s.lastNotice().message().contains("Backoffice") && s.agentState() == AgentState.READY);

            rig.scenario("restart", Map.of());
            List<EpbxSimulator.Invocation> iniciar = rig.sim.awaitRecordedCount("Iniciar", 2, Duration.ofSeconds(15));
            assertEquals(iniciar.get(0).args(), iniciar.get(1).args());
            assertTrue(iniciar.get(1).ok(), iniciar.get(1).toString());
            BarState s = rig.await("rebuilt", 10_000, st -> st.connection() == ConnectionStatus.CONNECTED
                    && st.phase() == SessionPhase.READY && rig.rawCount("onInfoIntervaloRamal") == 10);
            assertEquals(SimRig.SELECTABLE_REASONS, s.pauseReasons().size(), s.pauseReasons().toString());
            // The restarted middleware starts the extension outside any interval.
            assertEquals(AgentState.READY, s.agentState());
            assertEquals(1, s.calls().size());
            assertTrue(s.calls().containsKey(id));

            // The new connection carries pushes and commands, and the call on the PBX survived the restart.
            long mark = rig.mark();
            rig.ok(new Command.Hangup(id));
            rig.awaitTypes(mark, 5_000, "call.ended", "call.recording");
            rig.ok(new Command.SetState(AgentState.NOT_READY, "3"));
            rig.await("paused on the new connection", 5_000, st -> "Almoço".equals(st.stateReason()));
            assertTrue(rig.problems().isEmpty(), rig.problems().toString());
        }
    }

    // ---- recording download --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void downloadWritesTheRecordingAndTheTokenLeaksNowhere(String transport, @TempDir Path dir) throws Exception {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            String id = EpbxAgainstSimulatorTest.answeredInbound(rig);
            long mark = rig.mark();
            rig.ok(new Command.Hangup(id));
            List<Event> ev = rig.awaitTypes(mark, 5_000, "call.ended", "call.recording");
            String url = ((Event.CallRecording) ev.get(1)).url();
            String globalId = url.substring(url.lastIndexOf('/') + 1);
            assertTrue(rig.sim.hasRecording(globalId), globalId);

            rig.ok(new Command.DownloadRecording(id, dir.toString()));
            Path file = dir.resolve(globalId + ".mp3");
            assertTrue(Files.exists(file), "missing " + file);
            byte[] expected = fetch(rig.sim, globalId);
            assertTrue(expected.length > 100);
            assertArrayEquals(expected, Files.readAllBytes(file));
            try (var list = Files.list(dir)) {
                assertEquals(List.of(file), list.toList(), "no partial file is left behind");
            }
            BarState s = rig.await("saved notice", 5_000, st -> st.lastNotice() != null
                    && st.lastNotice().message().startsWith("Recording saved to"));
            assertFalse(s.lastNotice().message().contains("access_token"));
            assertNoToken(rig);
        }
    }

    private static byte[] fetch(EpbxSimulator sim, String globalId) throws Exception {
        String token = sim.issueToken(SimRig.USER);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sim.serviceBase() + "api/Ligacao/Download/" + globalId + "?access_token=" + token)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** No token the simulator issued appears in an inspector entry, an event's JSON or a log record. */
    private void assertNoToken(SimRig rig) {
        List<String> tokens = new ArrayList<>();
        for (EpbxSimulator.TokenGrant g : rig.sim.tokenGrants()) if (g.accessToken() != null) tokens.add(g.accessToken());
        assertFalse(tokens.isEmpty());
        List<String> texts = new ArrayList<>(logs);
        for (InspectorEntry e : rig.session.inspector().snapshot()) {
            texts.add(String.valueOf(e.raw()));
            texts.add(String.valueOf(e.problem()));
            texts.add(e.toString());
            for (Event ev : e.events()) texts.add(EventJson.line(ev));
        }
        texts.add(rig.state().toString());
        for (String t : tokens) {
            for (String text : texts) {
                assertFalse(text.contains(t), "token leaked into: " + text);
            }
        }
        // The capture itself must work, whatever levels other code (or earlier tests) pinned on the
        // libraries' loggers: a record of our own proves it.
        Logger.getLogger("dev.unibar.test.probe").fine("capture probe");
        assertTrue(logs.stream().anyMatch(l -> l.contains("capture probe")), "the log capture works");
    }
}
