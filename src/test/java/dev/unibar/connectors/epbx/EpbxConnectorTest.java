package dev.unibar.connectors.epbx;

import dev.unibar.testkit.Wait;
import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;
import dev.unibar.core.model.Notices.Refusal;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpbxConnectorTest {

    private static final String CALL = "{\"CanalId\":\"SIP/1000-0001\",\"Telefone\":\"11987654321\",\"TipoDiscagem\":1}";

    private FakeEpbxHttp http;
    private final List<FakeHubTransport> transports = new CopyOnWriteArrayList<>();
    /** Server errors every new fake transport answers with. */
    private final java.util.Map<String, String> presetErrors = new java.util.concurrent.ConcurrentHashMap<>();
    private EpbxConnector connector;
    private final RecordingSink sink = new RecordingSink();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override public void publish(LogRecord r) {
            // The JDK's own wire-debug logger prints request URLs when someone switches it on; it is off by default.
            // The fake server's logs are test scaffolding.
            if (r.getLoggerName() != null && (r.getLoggerName().startsWith("jdk.internal.")
                    || r.getLoggerName().startsWith("com.sun.net.httpserver"))) return;
            logs.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() != null ? " " + r.getThrown() : ""));
        }
        @Override public void flush() { }
        @Override public void close() { }
    };
    private Level rootLevel;

    /** Everything the connector hands the bar, as CONTRACT lines. */
    static final class RecordingSink implements Connector.Sink {
        final List<String> raw = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Event> objects = new CopyOnWriteArrayList<>();
        final List<ConnectionStatus> connection = new CopyOnWriteArrayList<>();
        final List<String> malformed = new CopyOnWriteArrayList<>();

        @Override public void events(String r, List<Event> es) {
            if (r != null) raw.add(r);
            for (Event e : es) {
                events.add(EventJson.line(e));
                objects.add(e);
            }
        }
        @Override public void connection(ConnectionStatus s) {
            connection.add(s);
        }
        @Override public void malformed(String r, String reason) {
            malformed.add(reason + " | " + r);
        }
        boolean has(String fragment) {
            return events.stream().anyMatch(e -> e.contains(fragment));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(logHandler);
        http = new FakeEpbxHttp();
        connector = newConnector(null);
        connector.start(sink);
    }

    private EpbxConnector newConnector(String recordingsDir) {
        EpbxConfig cfg = new EpbxConfig(http.base(), null, "unibar", null, null, null, null, null, null, null,
                recordingsDir, null, null);
        return new EpbxConnector(cfg, HttpClient.newHttpClient(), () -> {
            FakeHubTransport t = new FakeHubTransport();
            t.errors.putAll(presetErrors);
            transports.add(t);
            return t;
        });
    }

    @AfterEach
    void tearDown() {
        connector.stop();
        http.close();
        Logger root = Logger.getLogger("");
        root.removeHandler(logHandler);
        root.setLevel(rootLevel);
    }

    private static void await(CompletionStage<Void> s) throws Exception {
        s.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private FakeHubTransport login() throws Exception {
        await(connector.send(new Command.Login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD, false, "12", "idPa")));
        return transports.get(transports.size() - 1);
    }

    @Test
    void capabilitiesFollowTheHubMethodsAndOfferNoAnswerOrMute() {
        var caps = connector.capabilities();
        for (CommandKind k : List.of(CommandKind.LOGIN, CommandKind.LOGOUT, CommandKind.SET_STATE, CommandKind.DIAL,
                CommandKind.HANGUP, CommandKind.REJECT, CommandKind.HOLD, CommandKind.RESUME, CommandKind.CONSULT,
                CommandKind.COMPLETE_TRANSFER, CommandKind.CONFERENCE, CommandKind.END_CONFERENCE,
                CommandKind.DOWNLOAD_RECORDING, CommandKind.BLIND_TRANSFER, CommandKind.CANCEL_CONSULT,
                CommandKind.TAKE_QUEUED_CALL, CommandKind.FOLLOW_ME, CommandKind.CANCEL_FOLLOW_ME)) {
            assertTrue(caps.supports(k), k.name());
        }
        // The hub has no method to answer (the SIP phone does) or to mute (IAtendimentoClient.cs).
        for (CommandKind k : List.of(CommandKind.ANSWER, CommandKind.MUTE, CommandKind.UNMUTE,
                CommandKind.SSO, CommandKind.SELECT_DEVICE)) {
            assertFalse(caps.supports(k), k.name());
        }
    }

    /** IAtendimentoClient's methods for these controls; each needs the extension logged in (Iniciar), nothing before. */
    @Test
    void theVendorsCallControlsAreOfferedOnceLoggedIn() {
        var caps = connector.capabilities();
        for (CommandKind k : List.of(CommandKind.PICKUP, CommandKind.TO_VOICEMAIL, CommandKind.LEAVE_CONFERENCE,
                CommandKind.CANCEL_CONFERENCE, CommandKind.REMOVE_PARTICIPANT, CommandKind.TAKE_QUEUED_CALL,
                CommandKind.CANCEL_CONSULT, CommandKind.FOLLOW_ME, CommandKind.CANCEL_FOLLOW_ME)) {
            assertTrue(caps.allowedIn(k, dev.unibar.core.state.SessionPhase.READY), k.name());
            for (var p : List.of(dev.unibar.core.state.SessionPhase.CONNECTING, dev.unibar.core.state.SessionPhase.CREDENTIALS,
                    dev.unibar.core.state.SessionPhase.DEVICE_SELECTION, dev.unibar.core.state.SessionPhase.DEVICE_PAIRED)) {
                assertFalse(caps.allowedIn(k, p), k + " in " + p);
            }
        }
        // The hub has no DTMF, swap, call-data, recording, masking or contact-card method (IAtendimentoClient.cs).
        for (CommandKind k : List.of(CommandKind.SEND_DTMF, CommandKind.SWAP, CommandKind.SET_CALL_DATA,
                CommandKind.START_RECORDING, CommandKind.STOP_RECORDING, CommandKind.MASK, CommandKind.UNMASK,
                CommandKind.CONTACT_CARD)) {
            assertFalse(caps.supports(k), k.name());
        }
    }

    @Test
    void startAsksForCredentials() {
        assertEquals(List.of("{\"type\":\"session.credentialsRequired\",\"vendor\":\"epbx\"}"), sink.events);
        assertEquals(List.of(ConnectionStatus.DISCONNECTED), sink.connection);
    }

    @Test
    void loginGetsATokenConnectsAndStartsTheDevice() throws Exception {
        FakeHubTransport t = login();
        assertEquals("AtendimentoHub", t.hub);
        assertEquals("AT-secret-1", t.token.get());
        assertEquals(List.of("Iniciar [12,1]"), t.invocations);
        assertEquals("password", http.tokenForms.get(0).get("grant_type"));
        Wait.until("CONNECTED", java.time.Duration.ofMillis(2000), () -> sink.connection.contains(ConnectionStatus.CONNECTED));
        assertEquals(ConnectionStatus.CONNECTING, sink.connection.get(1));
    }

    @Test
    void loginTypesMapToTipoLogon() throws Exception {
        await(connector.send(new Command.Login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD, false, "10.0.0.5", "ip")));
        assertEquals(List.of("Iniciar [\"10.0.0.5\",2]"), transports.get(0).invocations);
        await(connector.send(new Command.Login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD, false, "1000", "ramalVirtual")));
        assertEquals(List.of("Iniciar [\"1000\",3]"), transports.get(1).invocations);
        assertTrue(transports.get(0).closed, "a second login replaces the first connection");
        assertEquals(1, EpbxLogin.logonType(null, "12345"));
        assertEquals(3, EpbxLogin.logonType(null, "1000"));
        assertEquals(2, EpbxLogin.logonType(null, "10.1.1.1"));
    }

    @Test
    void wrongPasswordFailsWithTheServersDescriptionAndNeverConnects() {
        ExecutionException e = assertThrows(ExecutionException.class, () ->
                await(connector.send(new Command.Login("maria", "bad-password-1", false, "12", "idPa"))));
        assertEquals("Usuário ou senha inválidos", e.getCause().getMessage());
        assertTrue(transports.isEmpty());
        Wait.until("session.error", java.time.Duration.ofMillis(2000), () -> sink.has("session.error"));
        assertTrue(sink.events.contains("{\"type\":\"session.error\",\"vendor\":\"epbx\","
                + "\"message\":\"Usuário ou senha inválidos\",\"code\":\"invalid_grant\"}"), sink.events.toString());
        // invalid_grant is a wrong password: the agent reads our sentence in the bar's language, the server's own
        // words (the CONTRACT's message above) stay as its detail.
        Event.SessionError err = sessionError();
        assertEquals("vendor.wrongPassword", err.key());
        assertEquals("Nesprávné uživatelské jméno nebo heslo.", Notices.text(err, Locale.forLanguageTag("cs")));
        assertEquals("Usuário ou senha inválidos", Notices.detail(err));
    }

    @Test
    void theHubsKnownRefusalsAreKeyedWithTheServersWordsAsDetail() throws Exception {
        FakeHubTransport t = login();
        t.errors.put("Discar", "Ramal já possui uma chamada em curso");
        Refusal busy = refusal(new Command.Dial("11987654321"));
        assertEquals("vendor.extensionBusy", busy.key());
        assertEquals("Ramal já possui uma chamada em curso", busy.getMessage(), "the vendor's words travel as the detail");
        // ASP.NET Core wraps the hub's text in its own sentence: the vendor's words after "HubException: " are known too.
        t.errors.put("Discar", "An unexpected error occurred invoking 'Discar' on the server. HubException: "
                + "Ramal já possui uma chamada em curso");
        assertEquals("vendor.extensionBusy", refusal(new Command.Dial("11987654321")).key());
    }

    private Event.SessionError sessionError() {
        return sink.objects.stream().filter(e -> e instanceof Event.SessionError).map(e -> (Event.SessionError) e)
                .findFirst().orElseThrow();
    }

    @Test
    void anUnreachableLoginServiceIsASessionErrorInTheAgentsLanguage() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        EpbxConfig cfg = new EpbxConfig("http://127.0.0.1:" + closedPort + "/", null, "unibar", null, null, null,
                null, null, null, null, null, null, null);
        EpbxConnector c = new EpbxConnector(cfg, HttpClient.newHttpClient(), FakeHubTransport::new);
        RecordingSink s2 = new RecordingSink();
        c.start(s2);
        try {
            assertThrows(ExecutionException.class, () ->
                    await(c.send(new Command.Login("maria", "pw-123456", false, "12", "idPa"))));
            Wait.until("session.error", java.time.Duration.ofMillis(5000), () -> s2.has("session.error"));
            Event.SessionError err = s2.objects.stream().filter(e -> e instanceof Event.SessionError)
                    .map(e -> (Event.SessionError) e).findFirst().orElseThrow();
            assertEquals("epbx.loginUnreachable", err.key());
            assertTrue(err.message().startsWith("EPBX login service unreachable (ConnectException"), err.message());
            String cs = Notices.text(err, Locale.forLanguageTag("cs"));
            assertTrue(cs.startsWith("Přihlašovací služba EPBX je nedostupná (ConnectException"), cs);
            assertFalse(cs.contains("pw-123456"));
        } finally {
            c.stop();
        }
    }

    @Test
    void aRefusedDeviceFailsTheLoginAndClosesTheConnection() throws Exception {
        presetErrors.put("Iniciar", "Ramal não encontrado");
        ExecutionException e = assertThrows(ExecutionException.class, () ->
                await(connector.send(new Command.Login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD, false, "99", "idPa"))));
        assertEquals("Ramal não encontrado", e.getCause().getMessage());
        assertTrue(transports.get(0).closed);
        Wait.until("session.error", java.time.Duration.ofMillis(2000), () -> sink.has("\"message\":\"Ramal não encontrado\""));
        assertEquals(ConnectionStatus.DISCONNECTED, sink.connection.get(sink.connection.size() - 1));
    }

    @Test
    void everyCommandInvokesTheDocumentedMethod() throws Exception {
        FakeHubTransport t = login();
        t.invocations.clear();
        await(connector.send(new Command.Dial("11987654321")));
        await(connector.send(new Command.Dial("2001", null, true)));
        await(connector.send(new Command.Hangup("c")));
        await(connector.send(new Command.Reject("c")));
        await(connector.send(new Command.Hold("c")));
        await(connector.send(new Command.Resume("c")));
        await(connector.send(new Command.Consult("c", "2002", true)));
        await(connector.send(new Command.CompleteTransfer("c")));
        await(connector.send(new Command.Conference("c", "3001", false)));
        await(connector.send(new Command.EndConference("c")));
        await(connector.send(new Command.SetState(AgentState.READY, null)));
        await(connector.send(new Command.SetState(AgentState.NOT_READY, "3")));
        assertEquals(List.of("Discar [\"11987654321\",1]", "Discar [\"2001\",2]", "Desligar []", "Desligar []",
                "IniciarEspera []", "TerminarEspera []", "Consultar [\"2002\",2]", "Transferir []",
                "ConferenciaAdicionar [\"3001\",1]", "ConferenciaIniciar []", "ConferenciaTerminar []",
                "AlterarIntervaloTipo [0]", "AlterarIntervaloTipo [3]"), t.invocations);
        await(connector.send(new Command.Logout()));
        assertEquals("Terminar []", t.invocations.get(t.invocations.size() - 1));
        assertTrue(t.closed);
        Wait.until("credentials again", java.time.Duration.ofMillis(2000), () -> sink.events.stream()
                .filter(l -> l.contains("session.credentialsRequired")).count() == 2);
        assertEquals(ConnectionStatus.DISCONNECTED, sink.connection.get(sink.connection.size() - 1));
    }

    @Test
    void commandsEpbxLacksFailWithoutReachingTheHub() throws Exception {
        FakeHubTransport t = login();
        t.invocations.clear();
        assertThrows(ExecutionException.class, () -> await(connector.send(new Command.Answer("c"))));
        assertThrows(ExecutionException.class, () -> await(connector.send(new Command.Mute("c"))));
        assertThrows(ExecutionException.class, () -> await(connector.send(new Command.SetState(AgentState.NOT_READY, null))));
        assertEquals(List.of(), t.invocations);
    }

    private Refusal refusal(Command c) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(connector.send(c)));
        assertTrue(e.getCause() instanceof Refusal, c + ": " + e.getCause());
        return (Refusal) e.getCause();
    }

    @Test
    void ourRefusalsAreKeyedForTheAgentsLanguage() throws Exception {
        assertEquals("epbx.notConnected", refusal(new Command.Dial("11987654321")).key());
        login();
        assertEquals("epbx.pauseReasonMissing", refusal(new Command.SetState(AgentState.NOT_READY, null)).key());
        assertEquals("epbx.wrapUpAutomatic", refusal(new Command.SetState(AgentState.WRAP_UP, null)).key());
        assertEquals("epbx.followMeNumberMissing", refusal(new Command.FollowMe(List.of(), false)).key());
        assertEquals("epbx.extensionNotNumber", refusal(new Command.Pickup("ramal")).key());
        Refusal answer = refusal(new Command.Answer("c"));
        assertEquals("epbx.noSuchCommand", answer.key());
        assertEquals(List.of("answer"), answer.args());
        assertEquals("epbx.noRecording", refusal(new Command.DownloadRecording("unknown", "/tmp")).key());
        assertEquals("epbx.deviceMissing", refusal(new Command.Login("u", "p", false, " ", "idPa")).key());
    }

    @Test
    void aTransportsOwnConditionIsKeyedButTheServersTextIsNot() {
        HubTransport.HubException own = HubTransport.HubException.noAnswer("Discar");
        assertEquals("epbx.noAnswer", own.refusal().key());
        assertEquals("EPBX did not answer Discar", own.getMessage());
        assertEquals(null, new HubTransport.HubException("Ramal em intervalo não permite discar").refusal());
    }

    @Test
    void aFailedInvocationFailsTheStageWithTheServersMessage() throws Exception {
        FakeHubTransport t = login();
        t.errors.put("Discar", "Ramal em intervalo não permite discar");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(connector.send(new Command.Dial("11987654321"))));
        assertEquals("Ramal em intervalo não permite discar", e.getCause().getMessage());
        // The failed dial is forgotten: the same number calling in rings instead of looking like our dial.
        t.push("onChamada", "[\"1000\"," + CALL + "]");
        Wait.until("ringing", java.time.Duration.ofMillis(2000), () -> sink.has("call.ringing"));
    }

    @Test
    void hubEventsReachTheSinkWithTheirCaptureLine() throws Exception {
        FakeHubTransport t = login();
        t.push("onLogado", "[{\"Ramal\":1000}]");
        await(connector.send(new Command.Dial("11987654321")));
        t.push("onDisca", "[{\"Ramal\":1000}," + CALL + "]");
        Wait.until("dialing", java.time.Duration.ofMillis(2000), () -> sink.has("call.dialing"));
        assertTrue(sink.has("session.ready"));
        assertEquals("{\"callback\":\"onLogado\",\"args\":[{\"Ramal\":1000}]}", sink.raw.get(0));
        assertEquals("{\"callback\":\"onDisca\",\"args\":[{\"Ramal\":1000}," + CALL + "]}", sink.raw.get(1));
        t.push("onChamada", "[{\"Ramal\":1000},\"not a call\"]");
        Wait.until("malformed", java.time.Duration.ofMillis(2000), () -> !sink.malformed.isEmpty());
        assertTrue(sink.malformed.get(0).startsWith("onChamada: ChamadaInfo is not an object | {\"callback\""),
                sink.malformed.get(0));
    }

    @Test
    void aLostLinkReachesTheBarAtOnceAndConnectedOnlyOnceTheStateIsReadAgain() throws Exception {
        FakeHubTransport t = login();
        assertEquals(ConnectionStatus.CONNECTED, sink.connection.get(sink.connection.size() - 1));
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        http.restGate = gate;
        t.state(HubTransport.State.RECONNECTING);
        Wait.until("RECONNECTING", java.time.Duration.ofMillis(2000), () -> sink.connection.get(sink.connection.size() - 1)
                == ConnectionStatus.RECONNECTING);
        t.state(HubTransport.State.CONNECTED);
        Wait.until("REST view asked", java.time.Duration.ofMillis(10_000), () -> !http.restPaths.isEmpty());
        // The socket is back but the state is not read yet: the bar still hears that it does not know.
        assertEquals(ConnectionStatus.RECONNECTING, sink.connection.get(sink.connection.size() - 1), sink.connection.toString());
        gate.countDown();
        Wait.until("CONNECTED", java.time.Duration.ofMillis(5000), () -> sink.connection.get(sink.connection.size() - 1)
                == ConnectionStatus.CONNECTED);
    }

    @Test
    void aReReadThatFailsStillEndsTheReconnectForTheHubsNextEventsToTell() throws Exception {
        FakeHubTransport t = login();
        http.close();
        t.state(HubTransport.State.RECONNECTING);
        t.state(HubTransport.State.CONNECTED);
        Wait.until("CONNECTED", java.time.Duration.ofMillis(15_000), () -> sink.connection.get(sink.connection.size() - 1)
                == ConnectionStatus.CONNECTED && sink.connection.contains(ConnectionStatus.RECONNECTING));
        assertTrue(logs.stream().anyMatch(l -> l.contains("EPBX state after reconnect not read")), logs.toString());
    }

    @Test
    void aReconnectReadsTheRestViewAgainWhenAHubEventOvertakesIt() throws Exception {
        FakeHubTransport t = login();
        http.intervaloAtual = "{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\",\"RamalStatusDestinoId\":0,"
                + "\"Produtivo\":false}";
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        http.restGate = gate;
        t.state(HubTransport.State.RECONNECTING);
        t.state(HubTransport.State.CONNECTED);
        Wait.until("REST view asked", java.time.Duration.ofMillis(10_000), () -> !http.restPaths.isEmpty());
        // While the view is on its way, the hub reports a newer interval.
        t.push("onSetIntervaloRamal", "[{\"Ramal\":1000},{\"RamalStatusDetalheId\":4,\"Descricao\":\"Banheiro\","
                + "\"RamalStatusDestinoId\":0,\"Produtivo\":false}]");
        Wait.until("Banheiro", java.time.Duration.ofMillis(2000), () -> sink.has("Banheiro"));
        http.intervaloAtual = "{\"RamalStatusDetalheId\":4,\"Descricao\":\"Banheiro\",\"RamalStatusDestinoId\":0,"
                + "\"Produtivo\":false}";
        gate.countDown();
        Wait.until("the view read again", java.time.Duration.ofMillis(10_000), () -> http.restPaths.stream()
                .filter("IntervaloAtual"::equals).count() == 2 && http.restPaths.size() == 4);
        // The second read starts only after the first view was judged stale and dropped.
        assertFalse(sink.has("Almoço"), "the older REST view never undid the hub's event: " + sink.events);
    }

    @Test
    void aLostSessionStartsTheDeviceAgain() throws Exception {
        FakeHubTransport t = login();
        t.push("onChamada", "[{\"Ramal\":1000}," + CALL + "]");
        t.loseSession();
        Wait.until("second Iniciar", java.time.Duration.ofMillis(2000), () -> t.invocations.size() == 2);
        assertEquals(List.of("Iniciar [12,1]", "Iniciar [12,1]"), t.invocations);
        // The middleware re-announces the agent: the bar becomes ready again, reasons are not duplicated.
        t.push("onLogado", "[{\"Ramal\":1000}]");
        t.push("onInfoIntervaloRamal", "[{\"Ramal\":1000},{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}]");
        t.push("onInfoIntervaloRamal", "[{\"Ramal\":1000},{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}]");
        Wait.until("reasons", java.time.Duration.ofMillis(2000), () -> sink.events.stream().filter(e -> e.contains("agent.pauseReasons")).count() == 2);
        List<String> reasons = sink.events.stream().filter(e -> e.contains("agent.pauseReasons")).toList();
        assertTrue(reasons.get(1).endsWith("\"reasons\":[{\"id\":\"3\",\"label\":\"Almoço\"}]}"), reasons.get(1));
    }

    @Test
    void aRefusedRefreshAsksForTheLoginAgain() throws Exception {
        http.expiresIn = 2;
        http.refreshAllowed = false;
        FakeHubTransport t = login();
        Wait.until("session.error", java.time.Duration.ofMillis(5000), () -> sink.has("\"code\":\"session_expired\""));
        Wait.until("credentials again", java.time.Duration.ofMillis(2000), () -> sink.events.stream()
                .filter(l -> l.contains("session.credentialsRequired")).count() == 2);
        String err = sink.events.stream().filter(l -> l.contains("session.error")).findFirst().orElseThrow();
        assertTrue(err.contains("refresh token revogado") && err.contains("log in again"), err);
        // Our sentence in the agent's language, the OAuth server's reason inside it as it wrote it.
        assertEquals("Relaci EPBX nelze obnovit (refresh token revogado); přihlaste se znovu.",
                Notices.text(sessionError(), Locale.forLanguageTag("cs")));
        assertTrue(t.closed);
        assertEquals(ConnectionStatus.DISCONNECTED, sink.connection.get(sink.connection.size() - 1));
    }

    @Test
    void aRefreshedTokenIsWhatTheTransportUsesNext() throws Exception {
        http.expiresIn = 2;
        FakeHubTransport t = login();
        assertEquals("AT-secret-1", t.token.get());
        Wait.until("refreshed token", java.time.Duration.ofMillis(5000), () -> "AT-secret-2".equals(t.token.get()));
    }

    @Test
    void downloadsTheRecordingWithTheTokenAndSavesItByGlobalId(@TempDir Path dir) throws Exception {
        FakeHubTransport t = login();
        t.push("onChamadaGlobalId", "[\"1000\"," + CALL + ",\"G-1\"]");
        Wait.until("recording", java.time.Duration.ofMillis(2000), () -> sink.has("call.recording"));
        await(connector.send(new Command.DownloadRecording("SIP/1000-0001", dir.toString())));
        Path saved = dir.resolve("G-1.mp3");
        assertArrayEquals(FakeEpbxHttp.MP3, Files.readAllBytes(saved));
        assertEquals("/Service/api/Ligacao/Download/G-1?token_type=bearer&access_token=AT-secret-1", http.downloads.get(0));
        Wait.until("notice", java.time.Duration.ofMillis(2000), () -> sink.has("\"level\":\"info\""));
        assertTrue(sink.events.contains("{\"type\":\"notice\",\"vendor\":\"epbx\",\"level\":\"info\","
                + "\"message\":\"Recording saved to " + saved + "\"}"), sink.events.toString());
    }

    @Test
    void aFailedDownloadIsAnErrorNoticeWithoutTheToken(@TempDir Path dir) throws Exception {
        FakeHubTransport t = login();
        t.push("onChamadaGlobalId", "[\"1000\"," + CALL + ",\"G-404\"]");
        Wait.until("recording", java.time.Duration.ofMillis(2000), () -> sink.has("call.recording"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(connector.send(new Command.DownloadRecording("SIP/1000-0001", dir.toString()))));
        assertTrue(e.getCause().getMessage().contains("HTTP 404"), e.getCause().getMessage());
        // The session shows the refusal as an error notice in the agent's language.
        assertEquals("epbx.recordingFailed", ((Refusal) e.getCause()).key());
        assertFalse(Files.exists(dir.resolve("G-404.mp3")));
        assertFalse(Files.exists(dir.resolve("G-404.mp3.part")));
        assertThrows(ExecutionException.class,
                () -> await(connector.send(new Command.DownloadRecording("unknown-call", dir.toString()))));
    }

    @Test
    void noTokenOrPasswordInAnyEventCaptureLineOrLog(@TempDir Path dir) throws Exception {
        http.expiresIn = 2;
        FakeHubTransport t = login();
        t.push("onLogado", "[\"1000\",{\"Ramal\":\"1000\"}]");
        t.push("onChamada", "[\"1000\"," + CALL + "]");
        t.push("onChamadaGlobalId", "[\"1000\"," + CALL + ",\"G-1\"]");
        t.push("onChamadaGlobalId", "[\"1000\",{\"CanalId\":\"x\"},\"G-404\"]");
        Wait.until("events", java.time.Duration.ofMillis(2000), () -> sink.events.stream().filter(e -> e.contains("call.recording")).count() == 2);
        await(connector.send(new Command.DownloadRecording("SIP/1000-0001", dir.toString())));
        assertThrows(ExecutionException.class, () -> await(connector.send(new Command.DownloadRecording("x", dir.toString()))));
        Wait.until("a refresh", java.time.Duration.ofMillis(5000), () -> http.issued.get() >= 2);
        assertThrows(ExecutionException.class, () ->
                await(connector.send(new Command.Login("maria", "another-Secret-77", false, "12", "idPa"))));
        List<String> everything = new ArrayList<>();
        everything.addAll(sink.events);
        everything.addAll(sink.raw);
        everything.addAll(sink.malformed);
        everything.addAll(logs);
        assertTrue(everything.size() > 10);
        for (String s : everything) {
            assertFalse(s.contains("AT-secret"), s);
            assertFalse(s.contains("RT-"), s);
            assertFalse(s.contains(FakeEpbxHttp.PASSWORD), s);
            assertFalse(s.contains("another-Secret-77"), s);
        }
    }
}
