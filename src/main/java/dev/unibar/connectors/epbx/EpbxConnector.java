package dev.unibar.connectors.epbx;

import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices.Refusal;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Unibar's native client of the Talk Telecom EPBX middleware: OAuth login, a SignalR hub connection
 * (classic by default, Core when configured) and the hub methods of docs/vendors/epbx-protocol.md.
 * There is no vendor page: the bar shows its own login form with the device fields.
 *
 * <p>This class is the seam the bar sees; the work is done by its parts, which share one
 * {@link EpbxHubSession} (worker thread, sink, mapper, the login's token and transport): {@link EpbxLogin}
 * (OAuth, the hub connection, pairing with {@code Iniciar}), {@link EpbxCallControls} (calls, the queue's
 * waiting calls, follow-me), {@link EpbxPauses} (intervals), {@link EpbxRecordings} and
 * {@link EpbxRecovery} (hub events, and the vendor's truth again after a reconnect or restart).
 */
public final class EpbxConnector implements Connector {

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
    private final EpbxHubSession session;
    private final EpbxRecovery recovery;
    private final EpbxLogin login;
    private final EpbxCallControls calls;
    private final EpbxPauses pauses;
    private final EpbxRecordings recordings;

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
        this.session = new EpbxHubSession(config, http);
        this.recovery = new EpbxRecovery(session);
        this.login = new EpbxLogin(session, transports != null ? transports
                : transports(config, http, HubTransport.Backoff.DEFAULT), recovery);
        this.calls = new EpbxCallControls(session);
        this.pauses = new EpbxPauses(session, login::logout);
        this.recordings = new EpbxRecordings(session);
    }

    /** A fresh transport per login, of the dialect {@code epbx.signalr} names, reconnecting with {@code backoff}. */
    public static Supplier<HubTransport> transports(EpbxConfig config, HttpClient http, HubTransport.Backoff backoff) {
        return () -> config.coreSignalR()
                ? new CoreSignalRTransport(http, config.base(), config.effectiveCorePath(), backoff,
                        Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(15))
                : new ClassicSignalRTransport(http, config.base(), backoff);
    }

    /** How long after onConexaoErro Iniciar runs again (tests that replay it want no second run). */
    void recoveryDelayMs(long ms) {
        recovery.recoveryDelayMs = ms;
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
        session.sink(sink);
        // Nothing is connected until the agent logs in: the hub connection needs the OAuth token.
        sink.connection(ConnectionStatus.DISCONNECTED);
        session.emit(new Event.CredentialsRequired(vendor(), null));
    }

    @Override
    public void stop() {
        session.onWorker(() -> session.teardown(true));
        session.worker.shutdown();
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            session.worker.execute(() -> {
                try {
                    dispatch(command).whenComplete((ok, err) -> {
                        if (err == null) result.complete(null);
                        else result.completeExceptionally(session.readable(err));
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(session.readable(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new Refusal("epbx.stopped"));
        }
        return result;
    }

    private CompletableFuture<Void> dispatch(Command c) {
        if (c instanceof Command.Login l) return login.login(l);
        if (c instanceof Command.Logout) return login.logout();
        if (c instanceof Command.SetState s) return pauses.setState(s);
        if (c instanceof Command.DownloadRecording r) return recordings.download(r);
        CompletableFuture<Void> call = calls.run(c);
        if (call != null) return call;
        return CompletableFuture.failedFuture(new Refusal("epbx.noSuchCommand",
                c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
}
