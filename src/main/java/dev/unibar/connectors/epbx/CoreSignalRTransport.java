package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import dev.unibar.connectors.Payloads;
import io.reactivex.rxjava3.core.Single;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * ASP.NET Core SignalR ({@code epbx.signalr: core}) through the Microsoft Java client. The client has
 * no automatic reconnect, so a closed connection is restarted here with the same backoff as the
 * classic transport. A Core connection carries no server state across reconnects: every reconnect is
 * reported as a lost session and the owner runs its start-up again.
 *
 * <p>The Java client binds pushes to typed handlers by argument count, so only the client events of
 * docs/vendors/epbx-protocol.md are received (an undocumented event is dropped by the client with a
 * warning, where the classic transport would pass it on as {@code vendor.unmapped}). Hub methods are
 * invoked as void: the Java client's typed invoke never completes for a method without a result, and
 * no EPBX method's result is used.
 */
public final class CoreSignalRTransport extends SignalRTransportBase {

    private static final System.Logger LOG = System.getLogger(CoreSignalRTransport.class.getName());

    /**
     * The Microsoft client logs the WebSocket URL, query string and access token included, at INFO.
     * Its loggers are held here (JUL keeps loggers weakly) and limited to warnings, which carry no URL.
     */
    static {
        dev.unibar.config.LibraryLogs.atLeast("com.microsoft.signalr", java.util.logging.Level.WARNING);
    }

    /**
     * Every client event of the vendor's clients (IAtendimentoClient.cs and the JS sample's subscriptions)
     * with its argument count. The Microsoft client drops a target nobody registered, so the list is the
     * vendor's whole surface, not the subset the mapper acts on.
     */
    static final Map<String, Integer> EVENTS = Map.ofEntries(
            Map.entry("onLogado", 1), Map.entry("onLogadoErro", 2), Map.entry("onDeslogado", 1),
            Map.entry("onConexaoErro", 2), Map.entry("onInfoIntervaloRamal", 2), Map.entry("onSetIntervaloRamal", 2),
            Map.entry("onInicioIntervalo", 1), Map.entry("onTerminoIntervalo", 1),
            Map.entry("onInicioNaoDisponivel", 1), Map.entry("onTerminoNaoDisponivel", 1),
            Map.entry("onAlterarIntervaloTipoErro", 2), Map.entry("onChamada", 2), Map.entry("onDisca", 2),
            Map.entry("onDiscaStatus", 3), Map.entry("onDiscaErro", 3), Map.entry("onAtendido", 2),
            Map.entry("onDesliga", 2), Map.entry("onChamadaPerdida", 2), Map.entry("onChamadaTransferida", 2),
            Map.entry("onChamadaGlobalId", 3), Map.entry("onChamadaEntrouNaFila", 2),
            Map.entry("onChamadaSaiuDaFila", 2), Map.entry("onInicioEspera", 1), Map.entry("onTerminoEspera", 1),
            Map.entry("onConsultaChamada", 2), Map.entry("onConsultaAtendido", 2),
            Map.entry("onConferenciaInicio", 1), Map.entry("onConferenciaTermino", 1),
            Map.entry("onEntrouEmConferencia", 1), Map.entry("onConferenciaErro", 2),
            Map.entry("onConferenciaDisca", 2), Map.entry("onConferenciaAtendido", 2),
            Map.entry("onConferenciaChamadaEncerrada", 2), Map.entry("onConferenciaDiscaErro", 2),
            Map.entry("onNumerosSigaMeMultiplo", 1), Map.entry("onSignalrConectado", 0),
            Map.entry("onSignalrDesconectado", 0));

    private final String url;
    private final long startTimeoutMs;

    private volatile HubConnection current;

    /** @param path the hub path below serviceBase, e.g. {@code atendimentoHub} */
    public CoreSignalRTransport(String serviceBase, String path, Backoff backoff) {
        super(backoff, "epbx-core");
        String base = serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        this.url = base + path.replaceFirst("^/", "");
        this.startTimeoutMs = 15_000;
    }

    @Override
    public CompletableFuture<Void> connect(String hub, Supplier<String> tokenSupplier) {
        this.token = tokenSupplier;
        setState(State.CONNECTING);
        CompletableFuture<Void> done = new CompletableFuture<>();
        control.execute(() -> {
            try {
                open();
                setState(State.CONNECTED);
                done.complete(null);
            } catch (Exception e) {
                setState(State.DISCONNECTED);
                done.completeExceptionally(new IOException("Could not connect to EPBX: " + clean(e)));
            }
        });
        return done;
    }

    private void open() {
        String t = currentToken();
        // The document puts the token in the query string; the Java client also sends it as a bearer header.
        String withToken = t.isEmpty() ? url : url + "?access_token=" + URLEncoder.encode(t, StandardCharsets.UTF_8);
        HubConnection c = HubConnectionBuilder.create(withToken)
                .withAccessTokenProvider(Single.defer(() -> Single.just(currentToken())))
                .build();
        for (Map.Entry<String, Integer> e : EVENTS.entrySet()) register(c, e.getKey(), e.getValue());
        c.onClosed(ex -> {
            if (!closed && c == current) control.execute(() -> dropped(c));
        });
        c.start().blockingAwait(startTimeoutMs, TimeUnit.MILLISECONDS);
        if (c.getConnectionState() != com.microsoft.signalr.HubConnectionState.CONNECTED) {
            c.stop();
            throw new IllegalStateException("the hub did not complete the handshake");
        }
        current = c;
    }

    /**
     * Gson's JsonElement, looked up at run time: Gson is only a runtime dependency of the SignalR
     * client, and asking for JsonElement keeps numbers and nesting exactly as the server sent them.
     */
    private static final Type JSON_ELEMENT = jsonElementType();

    private static Type jsonElementType() {
        try {
            return Class.forName("com.google.gson.JsonElement");
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }

    private void register(HubConnection c, String name, int arity) {
        Type t = JSON_ELEMENT;
        switch (arity) {
            case 0 -> c.on(name, () -> push(name));
            case 1 -> c.on(name, (Object a) -> push(name, a), t);
            case 2 -> c.on(name, (Object a, Object b) -> push(name, a, b), t, t);
            default -> c.on(name, (Object a, Object b, Object d) -> push(name, a, b, d), t, t, t);
        }
    }

    private void push(String name, Object... args) {
        ArrayNode a = Payloads.JSON.createArrayNode();
        for (Object e : args) a.add(toJackson(e));
        deliver(name, a);
    }

    /** Gson to Jackson by re-serializing: the rest of Unibar reads Jackson trees. */
    static JsonNode toJackson(Object e) {
        if (e == null) return NullNode.getInstance();
        if (!e.getClass().getName().startsWith("com.google.gson.")) return Payloads.JSON.valueToTree(e);
        try {
            return Payloads.JSON.readTree(e.toString());
        } catch (IOException ex) {
            return NullNode.getInstance();
        }
    }

    @Override
    public CompletableFuture<JsonNode> invoke(String method, Object... args) {
        HubConnection c = current;
        if (closed || c == null || state() != State.CONNECTED) {
            return CompletableFuture.failedFuture(new HubException("Not connected to EPBX"));
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        try {
            c.invoke(method, args).subscribe(
                    () -> dispatch.execute(() -> f.complete(NullNode.getInstance())),
                    err -> dispatch.execute(() -> f.completeExceptionally(new HubException(serverMessage(err)))));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new HubException(clean(e)));
        }
        return f;
    }

    private void dropped(HubConnection c) {
        if (closed || c != current) return;
        current = null;
        setState(State.RECONNECTING);
        scheduleAttempt(0);
    }

    private void scheduleAttempt(int n) {
        if (closed) return;
        if (backoff.exhausted(n)) {
            setState(State.DISCONNECTED);
            return;
        }
        try {
            control.schedule(() -> {
                if (closed) return;
                attempt(n);
            }, backoff.delayMs(n, random), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    private void attempt(int n) {
        if (closed) return;
        try {
            open();
            connectedAgain();
            reconnected(false);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "EPBX Core reconnect failed: " + clean(e));
            if (renewedAfter(e)) attempt(n + 1);
            else scheduleAttempt(n + 1);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        HubConnection c = current;
        current = null;
        if (c != null) {
            try {
                c.stop().blockingAwait(2, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "stop failed: " + e.getClass().getSimpleName());
            }
        }
        shutdownThreads();
    }

    /** The client wraps a hub error as HubException("message"); anything else is cleaned of tokens. */
    private String serverMessage(Throwable err) {
        if (err instanceof com.microsoft.signalr.HubException && err.getMessage() != null) {
            return hubMessage(err.getMessage());
        }
        return clean(err);
    }

    /**
     * A real ASP.NET Core server prefixes a hub method's own error with "An unexpected error occurred
     * invoking 'X' on the server. HubException: "; the agent should read only the middleware's text.
     */
    static String hubMessage(String message) {
        String marker = "HubException: ";
        int i = message.indexOf(marker);
        return i >= 0 && i + marker.length() < message.length() ? message.substring(i + marker.length()) : message;
    }

    private String clean(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) c = c.getCause();
        String m = c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
        return Redact.text(m, currentToken());
    }
}
