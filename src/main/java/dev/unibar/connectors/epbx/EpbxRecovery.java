package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.Connector;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The hub's events on their way to the bar, and the way back to the vendor's truth after a disruption:
 * a reconnect that kept the session re-reads the state from the REST API (Api/IntegracaoRamal/
 * IntervaloAtual and ChamadaAtiva), a middleware that forgot the session gets {@code Iniciar} again and
 * then the same re-read, and {@code onConexaoErro} (the PBX lost the extension) runs {@code Iniciar}
 * until the extension is taken back, as the vendor's sample does. All on the connector's worker thread.
 *
 * <p>From a drop until that re-read the bar is told RECONNECTING, never CONNECTED: what it shows then is
 * the last state known, not the vendor's (a connector reports CONNECTED only when it knows again).
 */
final class EpbxRecovery {

    private static final System.Logger LOG = System.getLogger(EpbxRecovery.class.getName());

    private final EpbxHubSession session;
    private final EpbxMapper mapper;
    /** From a drop until the state is re-read: the bar hears CONNECTED only then. */
    private volatile boolean reconnecting;
    private volatile boolean recovering;
    /** Hub events mapped so far (guarded by the mapper's lock, which also keeps REST and hub updates apart). */
    private long hubEvents;
    /** Delay before Iniciar runs again after onConexaoErro (the vendor's sample waits 5 s). */
    volatile long recoveryDelayMs = 5_000;

    EpbxRecovery(EpbxHubSession session) {
        this.session = session;
        this.mapper = session.mapper;
    }

    /** A new login's transport: its events, states and lost sessions come here, on the worker. */
    void follow(HubTransport t) {
        reconnecting = false;
        t.onEvent((name, args) -> session.onWorker(() -> hubEvent(t, name, args)));
        t.onState(st -> session.onWorker(() -> transportState(t, st)));
        t.onSessionLost(() -> session.onWorker(() -> sessionLost(t)));
    }

    private void hubEvent(HubTransport t, String name, JsonNode args) {
        Connector.Sink sink = session.sink();
        if (!session.current(t) || sink == null) return;
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

    private void transportState(HubTransport t, HubTransport.State s) {
        if (!session.current(t) || session.sink() == null) return;
        switch (s) {
            case CONNECTING -> session.connection(ConnectionStatus.CONNECTING);
            case CONNECTED -> {
                if (!reconnecting) {
                    session.connection(ConnectionStatus.CONNECTED);
                } else if (t.resumedSession()) {
                    // Events pushed while the socket was down may be lost: ask the middleware what is true now.
                    rebuild(t);
                }
                // A lost session asks only after Iniciar (sessionLost): before, the middleware knows no ramal.
            }
            case RECONNECTING -> {
                reconnecting = true;
                session.connection(ConnectionStatus.RECONNECTING);
            }
            case DISCONNECTED -> session.connection(ConnectionStatus.DISCONNECTED);
            default -> { }
        }
    }

    /** The state is the vendor's again (re-read, or newer hub events came first): the bar may say so. */
    private void known(HubTransport t) {
        if (!reconnecting || !session.current(t)) return;
        reconnecting = false;
        session.connection(ConnectionStatus.CONNECTED);
    }

    /** The middleware forgot us (restart): log the device in again on the new connection. */
    private void sessionLost(HubTransport t) {
        if (!session.current(t)) return;
        LOG.log(System.Logger.Level.INFO, "EPBX session lost: logging the device in again");
        mapper.sessionRestarted();
        session.iniciar().whenCompleteAsync((ok, err) -> {
            if (!session.current(t)) return;
            if (err == null) {
                rebuild(t);
                return;
            }
            session.emit(Event.SessionError.keyed(session.vendor(), null, null, "epbx.deviceNotTakenBack",
                    EpbxHubSession.reason(session.readable(err))));
            session.teardown(true);
            session.emit(new Event.CredentialsRequired(session.vendor(), null));
        }, session.worker);
    }

    /** onConexaoErro: the PBX lost the extension; Iniciar again until it takes it back, as the vendor's sample does. */
    private void recover(HubTransport t, long delayMs) {
        if (recovering) return;
        recovering = true;
        CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS, session.worker).execute(() -> {
            if (!session.current(t)) {
                recovering = false;
                return;
            }
            session.iniciar().whenCompleteAsync((ok, err) -> {
                recovering = false;
                if (!session.current(t)) return;
                if (err == null) {
                    rebuild(t);
                } else {
                    LOG.log(System.Logger.Level.INFO, "EPBX did not take the extension back yet: " + err.getMessage());
                    recover(t, Math.min(Math.max(delayMs * 2, 1_000), 60_000));
                }
            }, session.worker);
        });
    }

    /**
     * After a reconnect or a middleware restart: the current interval and call from the REST API, so the
     * bar keeps no stale or doubled call.
     */
    private void rebuild(HubTransport t) {
        rebuild(t, 0);
    }

    /**
     * A hub event that arrives while the REST view is read is newer than that view, so the view is then
     * read again (three tries at most) instead of undoing the event (a stale interval or call).
     */
    private void rebuild(HubTransport t, int attempt) {
        String token = session.token();
        if (token == null) return;
        long seen;
        synchronized (mapper) {
            seen = hubEvents;
        }
        restGet("api/IntegracaoRamal/IntervaloAtual", token)
                .thenCombine(restGet("api/IntegracaoRamal/ChamadaAtiva", token), (iv, call) -> new String[] {iv, call})
                .thenAcceptAsync(bodies -> {
                    Connector.Sink sink = session.sink();
                    if (!session.current(t) || sink == null) return;
                    synchronized (mapper) {
                        if (hubEvents == seen) {
                            applyInterval(sink, bodies[0]);
                            sink.events(bodies[1].isEmpty() ? null : bodies[1],
                                    mapper.reconcile(EpbxRest.firstObject(bodies[1])));
                            known(t);
                            return;
                        }
                    }
                    if (attempt < 2) rebuild(t, attempt + 1);
                    else known(t); // the hub keeps talking: its events are newer than any view
                }, session.worker).exceptionally(err -> {
            LOG.log(System.Logger.Level.WARNING, "EPBX state after reconnect not read: "
                    + Redact.text(String.valueOf(session.readable(err).getMessage()), token));
            // The link works and the hub's next events will tell; the log says what was missed.
            session.onWorker(() -> known(t));
            return null;
        });
    }

    private void applyInterval(Connector.Sink sink, String body) {
        JsonNode iv = EpbxRest.firstObject(body);
        if (iv == null) return;
        ObjectNode line = Payloads.JSON.createObjectNode();
        line.put("callback", "onSetIntervaloRamal");
        line.putArray("args").add(Payloads.JSON.createObjectNode().put("Ramal", String.valueOf(session.ramal())))
                .add(iv);
        try {
            sink.events(body, mapper.map(line));
        } catch (MalformedCaptureException e) {
            sink.malformed(body, "IntervaloAtual: " + e.getMessage());
        }
    }

    /** GET below the service base with the bearer token; 204/404 are an empty body (nothing active). */
    private CompletableFuture<String> restGet(String path, String token) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(session.config.base() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return session.http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(r -> {
            if (r.statusCode() == 204 || r.statusCode() == 404) return "";
            if (r.statusCode() != 200) throw new CompletionException(new IOException(path + ": HTTP " + r.statusCode()));
            return r.body() == null ? "" : r.body();
        });
    }
}
