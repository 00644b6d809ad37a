package dev.unibar.connectors.epbx;

import dev.unibar.core.Connector;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices.Refusal;
import dev.unibar.core.state.ConnectionStatus;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One EPBX login as the connector's parts share it: the worker thread that keeps commands and hub events
 * in order, the bar's sink, the mapper, the token keeper and hub transport of the current login, and the
 * device paired with {@code Iniciar}. Hub methods go through {@link #call}: when the middleware has
 * forgotten the extension, {@code Iniciar} runs again and the method once more, as the vendor's own
 * adapter does (epbxManagerConnection.js).
 */
final class EpbxHubSession {

    private static final System.Logger LOG = System.getLogger(EpbxHubSession.class.getName());

    /** The error text on which the vendor's own adapter runs Iniciar again and retries. */
    static final String NOT_LOGGED = "Ramal não logado no Atendimento";

    final EpbxConfig config;
    final HttpClient http;
    final EpbxMapper mapper;
    /** Commands and hub events touch the mapper; one thread keeps them in order. */
    final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("epbx-connector"));

    private volatile Connector.Sink sink;
    private volatile HubTransport transport;
    private volatile TokenKeeper tokens;
    private volatile Object deviceArg;
    private volatile int logonType;

    EpbxHubSession(EpbxConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
        this.mapper = new EpbxMapper(config.base(), config.wrapUpInterval(), config.readyInterval(), config.inboundDirecao());
    }

    void sink(Connector.Sink sink) {
        this.sink = sink;
    }

    /** Null before start. */
    Connector.Sink sink() {
        return sink;
    }

    void connection(ConnectionStatus status) {
        Connector.Sink s = sink;
        if (s != null) s.connection(status);
    }

    void emit(Event e) {
        Connector.Sink s = sink;
        if (s != null) s.events(null, List.of(e));
    }

    String vendor() {
        return EpbxMapper.VENDOR;
    }

    /** Work that arrives after stop() (a transport closing, a late push) has nowhere to go: dropped. */
    void onWorker(Runnable r) {
        try {
            worker.execute(r);
        } catch (RejectedExecutionException stopped) {
            // the connector is stopped
        }
    }

    // ---- the login's hub connection ---------------------------------------------------------------------

    /** The device {@code Iniciar} pairs, and how ({@code TipoLogon}). */
    void device(Object arg, int tipoLogon) {
        deviceArg = arg;
        logonType = tipoLogon;
    }

    /** The extension the hub events name, else the device the agent typed. */
    Object ramal() {
        return mapper.currentRamal() != null ? mapper.currentRamal() : deviceArg;
    }

    void tokens(TokenKeeper keeper) {
        tokens = keeper;
    }

    void transport(HubTransport t) {
        transport = t;
    }

    /** This login's transport; null when logged out. */
    HubTransport transport() {
        return transport;
    }

    /** Whether {@code t} is still this login's transport (a late callback of an old one is ignored). */
    boolean current(HubTransport t) {
        return t != null && t == transport;
    }

    boolean loggedIn() {
        return tokens != null;
    }

    /** The current access token; null with no login. */
    String token() {
        TokenKeeper k = tokens;
        return k == null ? null : k.token();
    }

    /** Closes the hub connection and forgets the token; {@code announce} reports DISCONNECTED. */
    void teardown(boolean announce) {
        HubTransport t = transport;
        transport = null;
        TokenKeeper k = tokens;
        tokens = null;
        if (t != null) t.close();
        if (k != null) k.close();
        if (announce) connection(ConnectionStatus.DISCONNECTED);
    }

    // ---- hub methods ------------------------------------------------------------------------------------

    CompletableFuture<Void> iniciar() {
        return call("Iniciar", deviceArg, logonType);
    }

    CompletableFuture<Void> call(String method, Object... args) {
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

    /**
     * The cause the agent should read, with no token or password in its message; a transport's own
     * condition as its keyed refusal, the middleware's text as it wrote it.
     */
    Throwable readable(Throwable err) {
        Throwable c = dev.unibar.core.Failures.unwrap(err);
        if (c instanceof HubTransport.HubException h && h.refusal() != null) return h.refusal();
        if (c instanceof Refusal) return c;
        if (c instanceof HubTransport.HubException) {
            Refusal known = EpbxKnownErrors.refusal(c.getMessage());
            if (known != null) return known;
        }
        String msg = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        String clean = Redact.text(msg, token());
        if (clean.equals(c.getMessage())) return c;
        return new IOException(clean);
    }

    /** The reason inside one of our sentences, in English: the agent's language needs the whole sentence keyed. */
    static String reason(Throwable c) {
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
