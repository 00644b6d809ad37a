package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices.Refusal;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Unibar's native client of the Talk Telecom EPBX middleware: OAuth login, a SignalR hub connection
 * (classic by default, Core when configured) and the hub methods of docs/vendors/epbx-protocol.md.
 * There is no vendor page: the bar shows its own login form with the device fields.
 *
 * <p>EPBX has no answer method (the agent's SIP phone answers) and no mute; those controls are absent.
 * Reject is {@code Desligar} on a ringing call.
 */
public final class EpbxConnector implements Connector {

    private static final System.Logger LOG = System.getLogger(EpbxConnector.class.getName());

    /**
     * The JDK HTTP client's debug trace prints every request URL; the SignalR requests and the
     * recording download carry the access token in the query (as EPBX wants), so a root logger turned
     * up to ALL would write the token to the log. Held here (JUL keeps loggers weakly) at INFO, where
     * the JDK prints no request.
     */
    static {
        dev.unibar.config.LibraryLogs.atLeast("jdk.internal.httpclient", java.util.logging.Level.INFO);
        // -Djdk.httpclient.HttpClient.log=all (headers, requests) logs through this one, at INFO, with the
        // token in the URLs and the Authorization header (issue 13, finding 7): kept above INFO.
        dev.unibar.config.LibraryLogs.atLeast("jdk.httpclient.HttpClient", java.util.logging.Level.WARNING);
    }

    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .allow(CommandKind.LOGIN, SessionPhase.CREDENTIALS)
            .allow(EnumSet.of(CommandKind.LOGOUT, CommandKind.SET_STATE, CommandKind.DIAL, CommandKind.HANGUP,
                    CommandKind.REJECT, CommandKind.HOLD, CommandKind.RESUME, CommandKind.CONSULT,
                    CommandKind.COMPLETE_TRANSFER, CommandKind.CONFERENCE, CommandKind.END_CONFERENCE,
                    CommandKind.DOWNLOAD_RECORDING, CommandKind.BLIND_TRANSFER, CommandKind.CANCEL_CONSULT,
                    CommandKind.TAKE_QUEUED_CALL, CommandKind.PICKUP, CommandKind.FOLLOW_ME,
                    CommandKind.CANCEL_FOLLOW_ME, CommandKind.TO_VOICEMAIL, CommandKind.LEAVE_CONFERENCE,
                    CommandKind.CANCEL_CONFERENCE, CommandKind.REMOVE_PARTICIPANT), SessionPhase.READY)
            // "Ramal em intervalo não permite discar": the middleware refuses Discar during an interval.
            .notWhilePaused(CommandKind.DIAL)
            // ConferenciaDisca calls a number in; without one the middleware answers "no participant added".
            .requiresTarget(CommandKind.CONFERENCE)
            .build();

    private final EpbxConfig config;
    private final HttpClient http;
    private final Supplier<HubTransport> transports;
    private final EpbxMapper mapper;
    private final EpbxRecordings recordings;
    /** Commands and hub events touch the mapper; one thread keeps them in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "epbx-connector");
        t.setDaemon(true);
        return t;
    });

    private volatile Sink sink;
    private volatile HubTransport transport;
    private volatile TokenKeeper tokens;
    private volatile Object deviceArg;
    private volatile int logonType;
    private volatile boolean reconnecting;
    private volatile boolean recovering;
    /** Hub events mapped so far (guarded by the mapper's lock, which also keeps REST and hub updates apart). */
    private long hubEvents;
    /** Delay before Iniciar runs again after onConexaoErro (the vendor's sample waits 5 s). */
    volatile long recoveryDelayMs = 5_000;

    /** The live connector: transport chosen by {@code epbx.signalr}. */
    public EpbxConnector(EpbxConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), null);
    }

    /**
     * @param transports makes a fresh transport per login; null picks the one {@code config.signalr()} names
     */
    public EpbxConnector(EpbxConfig config, HttpClient http, Supplier<HubTransport> transports) {
        if (config == null || config.base() == null) throw new IllegalArgumentException("epbx.serviceBase is required");
        this.config = config;
        this.http = http;
        this.transports = transports != null ? transports : () -> config.coreSignalR()
                ? new CoreSignalRTransport(http, config.base(), config.effectiveCorePath(),
                        HubTransport.Backoff.DEFAULT, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(15))
                : new ClassicSignalRTransport(http, config.base(), HubTransport.Backoff.DEFAULT);
        this.recordings = new EpbxRecordings(config.base(), http);
        this.mapper = new EpbxMapper(config.base(), config.wrapUpInterval(), config.readyInterval(),
                config.inboundDirecao());
    }

    @Override
    public boolean hasRecordingsFolder() {
        return config.recordingsDir() != null && !config.recordingsDir().isBlank();
    }

    @Override
    public String vendor() {
        return EpbxMapper.VENDOR;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        // Nothing is connected until the agent logs in: the hub connection needs the OAuth token.
        sink.connection(ConnectionStatus.DISCONNECTED);
        emit(new Event.CredentialsRequired(vendor(), null));
    }

    /** Work that arrives after stop() (a transport closing, a late push) has nowhere to go: dropped. */
    private void onWorker(Runnable r) {
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the connector is stopped
        }
    }

    @Override
    public void stop() {
        onWorker(() -> teardown(true));
        worker.shutdown();
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    dispatch(command).whenComplete((ok, err) -> {
                        if (err == null) result.complete(null);
                        else result.completeExceptionally(readable(err));
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(readable(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new Refusal("epbx.stopped"));
        }
        return result;
    }

    private CompletableFuture<Void> dispatch(Command c) {
        if (c instanceof Command.Login l) return login(l);
        if (c instanceof Command.Logout) return logout();
        if (c instanceof Command.Dial d) return call("Discar", d.number(), tipo(d.internal()));
        if (c instanceof Command.Hangup h) return hangup(h.callId());
        if (c instanceof Command.Reject) return call("Desligar");
        if (c instanceof Command.Hold) return call("IniciarEspera");
        if (c instanceof Command.Resume) return call("TerminarEspera");
        if (c instanceof Command.Consult x) {
            // A completed consultation transfers to this number; onChamadaTransferida does not name it.
            mapper.transferringTo(x.target());
            return call("Consultar", x.target(), tipo(x.internal()));
        }
        if (c instanceof Command.CancelConsult) return call("LiberarConsulta");
        if (c instanceof Command.BlindTransfer x) {
            mapper.transferringTo(x.target());
            return call("Transferir", x.target(), tipo(x.internal()));
        }
        // The vendor's JS sample and seed complete a consultation with Transferir and no arguments.
        if (c instanceof Command.CompleteTransfer) return call("Transferir");
        if (c instanceof Command.Conference x) {
            // Without a named participant the server joins whoever it holds (the consulted party).
            if (x.participant() == null || x.participant().isBlank()) return call("ConferenciaIniciar");
            return call("ConferenciaAdicionar", x.participant(), tipo(x.internal()))
                    .thenCompose(ok -> call("ConferenciaIniciar"));
        }
        if (c instanceof Command.EndConference) return call("ConferenciaTerminar");
        if (c instanceof Command.CancelConference) return call("ConferenciaCancelar");
        if (c instanceof Command.LeaveConference) return call("ConferenciaSair");
        if (c instanceof Command.RemoveParticipant x) return call("ConferenciaRemover", x.number());
        if (c instanceof Command.TakeQueuedCall x) return call("AtendeChamadaNaFila", x.callId());
        if (c instanceof Command.Pickup x) return pickup(x.extension());
        if (c instanceof Command.FollowMe x) return followMe(x);
        if (c instanceof Command.CancelFollowMe) {
            return call("CancelaSigaMe").thenRunAsync(() -> emit(new Event.AgentFollowMe(vendor(), null, false, null)),
                    worker);
        }
        if (c instanceof Command.ToVoicemail) return call("TransfereVoiceMail");
        if (c instanceof Command.SetState s) return setState(s);
        if (c instanceof Command.DownloadRecording r) return download(r);
        return CompletableFuture.failedFuture(new Refusal("epbx.noSuchCommand",
                c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    /** Desligar ends the line in use; a line the agent is not on (the held call) has its own method. */
    private CompletableFuture<Void> hangup(String callId) {
        List<String> open = mapper.openCallIds();
        boolean other = callId != null && open.contains(callId) && !callId.equals(open.get(open.size() - 1));
        return other ? call("DesligarChamada", callId) : call("Desligar");
    }

    /** CapturaDirigida takes no argument in the C# client; the JS sample passes the extension as a number. */
    private CompletableFuture<Void> pickup(String extension) {
        if (extension == null || extension.isBlank()) return call("CapturaDirigida");
        try {
            return call("CapturaDirigida", Integer.parseInt(extension.trim()));
        } catch (NumberFormatException e) {
            return CompletableFuture.failedFuture(new Refusal("epbx.extensionNotNumber"));
        }
    }

    /** One number: SigaMe (no confirming event, so the bar is told here); several: SigaMeMultiplo. */
    private CompletableFuture<Void> followMe(Command.FollowMe x) {
        if (x.numbers().isEmpty()) return CompletableFuture.failedFuture(new Refusal("epbx.followMeNumberMissing"));
        if (x.numbers().size() == 1) {
            String n = x.numbers().get(0);
            return call("SigaMe", n, tipo(x.internal())).thenRunAsync(
                    () -> emit(new Event.AgentFollowMe(vendor(), null, true, List.of(n))), worker);
        }
        mapper.followMeNumbers(x.numbers());
        return call("SigaMeMultiplo", x.numbers());
    }

    private static int tipo(boolean internal) {
        return internal ? 2 : 1;
    }

    /** The error text on which the vendor's own adapter runs Iniciar again and retries (epbxManagerConnection.js). */
    static final String NOT_LOGGED = "Ramal não logado no Atendimento";

    private CompletableFuture<Void> call(String method, Object... args) {
        HubTransport t = transport;
        if (t == null) return CompletableFuture.failedFuture(new Refusal("epbx.notConnected"));
        return t.invoke(method, args).handleAsync((r, err) -> {
            if (err == null) return CompletableFuture.<Void>completedFuture(null);
            Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (!NOT_LOGGED.equals(c.getMessage()) || method.equals("Iniciar") || t != transport) {
                return CompletableFuture.<Void>failedFuture(c);
            }
            LOG.log(System.Logger.Level.INFO, "EPBX forgot the extension: Iniciar again, then " + method + " once more");
            return iniciar().thenCompose(ok -> t.invoke(method, args)).thenAccept(ok -> { });
        }, worker).thenCompose(f -> f);
    }

    private CompletableFuture<Void> setState(Command.SetState s) {
        if (s.state() == AgentState.READY) return call("AlterarIntervaloTipo", intervalId(config.effectiveReadyInterval()));
        if (s.state() == AgentState.NOT_READY) {
            if (s.reasonId() == null || s.reasonId().isBlank()) {
                return CompletableFuture.failedFuture(new Refusal("epbx.pauseReasonMissing"));
            }
            return call("AlterarIntervaloTipo", intervalId(s.reasonId()));
        }
        if (s.state() == AgentState.OFFLINE) return logout();
        return CompletableFuture.failedFuture(new Refusal("epbx.wrapUpAutomatic"));
    }

    /** The hub takes the interval id as a number; an id that is not one is passed as the vendor gave it. */
    private static Object intervalId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            return id;
        }
    }

    // ---- session -------------------------------------------------------------------------------------

    private CompletableFuture<Void> login(Command.Login l) {
        String device = l.device() != null && !l.device().isBlank() ? l.device().trim() : config.device();
        String type = l.deviceType() != null && !l.deviceType().isBlank() ? l.deviceType() : config.logonType();
        if (device == null || device.isBlank()) {
            return CompletableFuture.failedFuture(new Refusal("epbx.deviceMissing"));
        }
        int tipoLogon = logonType(type, device);
        Object arg = device;
        if (tipoLogon == 1) {
            try {
                arg = Integer.parseInt(device.replaceAll("\\D", ""));
            } catch (NumberFormatException e) {
                return CompletableFuture.failedFuture(new Refusal("epbx.paIdNotNumber"));
            }
        }
        teardown(false);
        deviceArg = arg;
        logonType = tipoLogon;
        sink.connection(ConnectionStatus.CONNECTING);

        TokenKeeper keeper = new TokenKeeper(new OAuthClient(http, config.base(), config.effectiveTokenPath(),
                config.effectiveClientId()), reason -> onWorker(() -> sessionExpired(reason)));
        String user = l.username();
        String password = l.password();
        mapper.loggedInAs(user);
        // The blocking token request runs off the worker so events keep flowing meanwhile.
        return CompletableFuture.runAsync(() -> {
            try {
                keeper.login(user, password);
            } catch (OAuthClient.RefusedException e) {
                throw new CompletionException(new LoginException(e, e.error()));
            } catch (EpbxFailure e) {
                throw new CompletionException(new LoginException(e, null));
            } catch (IOException e) {
                throw new CompletionException(new LoginException(EpbxFailure.keyed("epbx.loginFailed",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new LoginException(EpbxFailure.keyed("epbx.loginInterrupted"), null));
            }
        }).thenComposeAsync(ok -> {
            tokens = keeper;
            HubTransport t = transports.get();
            transport = t;
            t.onEvent((name, args) -> onWorker(() -> hubEvent(t, name, args)));
            t.onState(st -> onWorker(() -> transportState(t, st)));
            t.onSessionLost(() -> onWorker(() -> sessionLost(t)));
            t.onAuthRejected(() -> {
                // The bar says what it waits for: not the network, a new session token.
                onWorker(() -> emit(Event.Notice.keyed(vendor(), null, NoticeLevel.WARNING, "epbx.tokenRenewing")));
                return keeper.renewNow();
            });
            return t.connect(config.effectiveHub(), keeper::token);
        }, worker).thenComposeAsync(ok -> {
            mapper.sessionRestarted();
            return iniciar();
        }, worker).handleAsync((ok, err) -> {
            if (err == null) return null;
            Throwable c = readable(err);
            String code = c instanceof LoginException le ? le.code : null;
            emit(sessionError(c, code));
            teardown(true);
            keeper.close();
            throw new CompletionException(c);
        }, worker);
    }

    private CompletableFuture<Void> iniciar() {
        return call("Iniciar", deviceArg, logonType);
    }

    static int logonType(String type, String device) {
        if (type != null) {
            switch (type.trim().toLowerCase(Locale.ROOT)) {
                case "idpa": case "pa": case "1": return 1;
                case "ip": case "2": return 2;
                case "ramalvirtual": case "ramal": case "virtual": case "3": return 3;
                default: break;
            }
        }
        // The vendor's sample: short values are virtual extensions, dotted ones IPs, the rest PA ids.
        if (device.contains(".")) return 2;
        return device.length() <= 4 ? 3 : 1;
    }

    private CompletableFuture<Void> logout() {
        HubTransport t = transport;
        if (t == null) {
            teardown(true);
            emit(new Event.CredentialsRequired(vendor(), null));
            return CompletableFuture.completedFuture(null);
        }
        return t.invoke("Terminar").thenApplyAsync(r -> {
            teardown(true);
            emit(new Event.CredentialsRequired(vendor(), null));
            return null;
        }, worker);
    }

    /** Closes the hub connection and forgets the token; {@code announce} reports DISCONNECTED. */
    private void teardown(boolean announce) {
        HubTransport t = transport;
        transport = null;
        TokenKeeper k = tokens;
        tokens = null;
        if (t != null) t.close();
        if (k != null) k.close();
        if (announce && sink != null) sink.connection(ConnectionStatus.DISCONNECTED);
    }

    private void sessionExpired(EpbxFailure reason) {
        if (tokens == null) return;
        teardown(true);
        emit(reason.toSessionError(vendor(), "session_expired"));
        emit(new Event.CredentialsRequired(vendor(), null));
    }

    /** The middleware forgot us (restart): log the device in again on the new connection. */
    private void sessionLost(HubTransport t) {
        if (t != transport) return;
        LOG.log(System.Logger.Level.INFO, "EPBX session lost: logging the device in again");
        mapper.sessionRestarted();
        iniciar().whenCompleteAsync((ok, err) -> {
            if (err == null && t == transport) rebuild(t);
            if (err == null || t != transport) return;
            emit(Event.SessionError.keyed(vendor(), null, null, "epbx.deviceNotTakenBack", reason(readable(err))));
            teardown(true);
            emit(new Event.CredentialsRequired(vendor(), null));
        }, worker);
    }

    private void transportState(HubTransport t, HubTransport.State s) {
        if (t != transport || sink == null) return;
        switch (s) {
            case CONNECTING -> sink.connection(ConnectionStatus.CONNECTING);
            case CONNECTED -> {
                sink.connection(ConnectionStatus.CONNECTED);
                // Events pushed while the socket was down may be lost: ask the middleware what is true now.
                // A lost session asks only after Iniciar (sessionLost): before, the middleware knows no ramal.
                if (reconnecting && t.resumedSession()) rebuild(t);
                reconnecting = false;
            }
            case RECONNECTING -> {
                reconnecting = true;
                sink.connection(ConnectionStatus.RECONNECTING);
            }
            case DISCONNECTED -> sink.connection(ConnectionStatus.DISCONNECTED);
            default -> { }
        }
    }

    private void hubEvent(HubTransport t, String name, JsonNode args) {
        if (t != transport || sink == null) return;
        ObjectNode line = Payloads.JSON.createObjectNode();
        line.put("callback", name);
        line.set("args", args);
        String raw = line.toString();
        synchronized (mapper) {
            hubEvents++;
            try {
                sink.events(raw, mapper.map(line));
            } catch (MalformedCaptureException e) {
                sink.malformed(raw, e.getMessage());
            }
        }
        if (name.equalsIgnoreCase("onConexaoErro")) recover(t, recoveryDelayMs);
    }

    /** onConexaoErro: the PBX lost the extension; Iniciar again until it takes it back, as the vendor's sample does. */
    private void recover(HubTransport t, long delayMs) {
        if (recovering) return;
        recovering = true;
        CompletableFuture.delayedExecutor(delayMs, java.util.concurrent.TimeUnit.MILLISECONDS, worker).execute(() -> {
            if (t != transport) {
                recovering = false;
                return;
            }
            iniciar().whenCompleteAsync((ok, err) -> {
                recovering = false;
                if (t != transport) return;
                if (err == null) {
                    rebuild(t);
                } else {
                    LOG.log(System.Logger.Level.INFO, "EPBX did not take the extension back yet: " + err.getMessage());
                    recover(t, Math.min(Math.max(delayMs * 2, 1_000), 60_000));
                }
            }, worker);
        });
    }

    /**
     * After a reconnect or a middleware restart: the current interval and call from the REST API
     * (Api/IntegracaoRamal/IntervaloAtual and ChamadaAtiva), so the bar keeps no stale or doubled call.
     */
    private void rebuild(HubTransport t) {
        rebuild(t, 0);
    }

    /**
     * A hub event that arrives while the REST view is read is newer than that view, so the view is then
     * read again (three tries at most) instead of undoing the event (a stale interval or call).
     */
    private void rebuild(HubTransport t, int attempt) {
        TokenKeeper k = tokens;
        if (k == null) return;
        String token = k.token();
        long seen;
        synchronized (mapper) {
            seen = hubEvents;
        }
        restGet("api/IntegracaoRamal/IntervaloAtual", token)
                .thenCombine(restGet("api/IntegracaoRamal/ChamadaAtiva", token), (iv, call) -> new String[] {iv, call})
                .thenAcceptAsync(bodies -> {
                    if (t != transport) return;
                    synchronized (mapper) {
                        if (hubEvents == seen) {
                            applyInterval(bodies[0]);
                            sink.events(bodies[1].isEmpty() ? null : bodies[1],
                                    mapper.reconcile(EpbxRest.firstObject(bodies[1])));
                            return;
                        }
                    }
                    if (attempt < 2) rebuild(t, attempt + 1);
                }, worker).exceptionally(err -> {
            LOG.log(System.Logger.Level.WARNING, "EPBX state after reconnect not read: "
                    + Redact.text(String.valueOf(readable(err).getMessage()), token));
            return null;
        });
    }

    private void applyInterval(String body) {
        JsonNode iv = EpbxRest.firstObject(body);
        if (iv == null) return;
        ObjectNode line = Payloads.JSON.createObjectNode();
        line.put("callback", "onSetIntervaloRamal");
        line.putArray("args").add(Payloads.JSON.createObjectNode().put("Ramal", String.valueOf(deviceRamal())))
                .add(iv);
        try {
            sink.events(body, mapper.map(line));
        } catch (MalformedCaptureException e) {
            sink.malformed(body, "IntervaloAtual: " + e.getMessage());
        }
    }

    private Object deviceRamal() {
        return mapper.currentRamal() != null ? mapper.currentRamal() : deviceArg;
    }

    /** GET below the service base with the bearer token; 204/404 are an empty body (nothing active). */
    private CompletableFuture<String> restGet(String path, String token) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(config.base() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(r -> {
            if (r.statusCode() == 204 || r.statusCode() == 404) return "";
            if (r.statusCode() != 200) throw new CompletionException(new IOException(path + ": HTTP " + r.statusCode()));
            return r.body() == null ? "" : r.body();
        });
    }

    // ---- recordings ----------------------------------------------------------------------------------

    private CompletableFuture<Void> download(Command.DownloadRecording r) {
        String globalId = mapper.globalIdOf(r.callId());
        if (globalId == null) return CompletableFuture.failedFuture(new Refusal("epbx.noRecording"));
        String folder = r.folder() != null && !r.folder().isBlank() ? r.folder() : config.recordingsDir();
        if (folder == null || folder.isBlank()) return CompletableFuture.failedFuture(new Refusal("epbx.recordingFolderMissing"));
        TokenKeeper k = tokens;
        String token = k == null ? null : k.token();
        if (token == null) return CompletableFuture.failedFuture(new Refusal("epbx.recordingNeedsLogin"));
        return recordings.download(globalId, folder, token).handleAsync((path, err) -> {
            // A failure reaches the agent as the command's keyed refusal (the session shows it).
            if (err != null) throw new CompletionException(readable(err));
            emit(Event.Notice.keyed(vendor(), null, NoticeLevel.INFO, "epbx.recordingSaved", path));
            return null;
        }, worker);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void emit(Event e) {
        Sink s = sink;
        if (s != null) s.events(null, List.of(e));
    }

    /**
     * The cause the agent should read, with no token or password in its message; a transport's own
     * condition as its keyed refusal, the middleware's text as it wrote it.
     */
    private Throwable readable(Throwable err) {
        Throwable c = dev.unibar.core.Failures.unwrap(err);
        if (c instanceof HubTransport.HubException h && h.refusal() != null) return h.refusal();
        if (c instanceof Refusal) return c;
        TokenKeeper k = tokens;
        String msg = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        String clean = Redact.text(msg, k == null ? null : k.token());
        if (clean.equals(c.getMessage())) return c;
        return new IOException(clean);
    }

    /**
     * A session error for a failed login or reconnect: our own sentence keyed (so the agent reads it in the
     * bar's language), the middleware's or OAuth server's text as it wrote it.
     */
    private Event.SessionError sessionError(Throwable c, String code) {
        Throwable k = c instanceof LoginException le ? le.failure : c;
        if (k instanceof EpbxFailure f) return f.toSessionError(vendor(), code);
        if (k instanceof Refusal r) return new Event.SessionError(vendor(), null, r.getMessage(), code, r.key(), r.args());
        return new Event.SessionError(vendor(), null, c.getMessage(), code);
    }

    /** The reason inside one of our sentences, in English: the agent's language needs the whole sentence keyed. */
    private static String reason(Throwable c) {
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** A login that failed before the hub: OAuth refused or unreachable. */
    static final class LoginException extends IOException {
        final String code;
        final EpbxFailure failure;

        LoginException(EpbxFailure failure, String code) {
            super(failure.getMessage());
            this.failure = failure;
            this.code = code;
        }
    }
}
