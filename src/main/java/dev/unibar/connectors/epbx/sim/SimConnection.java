package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * One SignalR connection of either protocol, owning its hub. Pushes raised while an invocation runs
 * are held back until the invocation's reply is on the wire, which is the order clients see from the
 * real server most of the time (the reply is written directly, pushes go through the message bus).
 */
abstract class SimConnection {

    final String connectionId;
    final String transport;
    final String user;
    AtendimentoHub hub;
    volatile Session session;
    private final List<Runnable> deferred = new ArrayList<>();
    private boolean invoking;

    SimConnection(String connectionId, String transport, String user) {
        this.connectionId = connectionId;
        this.transport = transport;
        this.user = user;
    }

    /** Frames one client event for this protocol and sends (or buffers) it. */
    abstract void sendPush(String event, ArrayNode args);

    /** Called by the hub's sink (under the hub's lock). */
    final void push(String event, ArrayNode args) {
        synchronized (deferred) {
            if (invoking) {
                deferred.add(() -> sendPush(event, args));
                return;
            }
        }
        sendPush(event, args);
    }

    /** Runs a hub method; {@code reply} receives (result, error) before any push the call raised. */
    final void invoke(String method, JsonNode args, Reply reply) {
        synchronized (hub) {
            synchronized (deferred) {
                invoking = true;
            }
            JsonNode result = null;
            String error = null;
            try {
                result = hub.invoke(method, args);
            } catch (HubError e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                error = "There was an error invoking Hub method '" + method + "'.";
            } finally {
                synchronized (deferred) {
                    invoking = false;
                }
            }
            reply.send(result, error);
            List<Runnable> out;
            synchronized (deferred) {
                out = new ArrayList<>(deferred);
                deferred.clear();
            }
            out.forEach(Runnable::run);
        }
    }

    interface Reply {
        void send(JsonNode result, String error);
    }

    void sendText(String text) {
        Session s = session;
        if (s != null && s.isOpen()) s.sendText(text, Callback.NOOP);
    }

    /** Sends and waits (briefly) until the frame is written: a close that follows must not overtake it. */
    void sendTextFlushed(String text, long millis) {
        Session s = session;
        if (s == null || !s.isOpen()) return;
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        s.sendText(text, Callback.from(written::countDown, e -> written.countDown()));
        try {
            written.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean open() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /** Closes the socket with 1001 (going away), after whatever is queued. */
    void closeGoingAway() {
        Session s = session;
        if (s != null && s.isOpen()) s.close(org.eclipse.jetty.websocket.api.StatusCode.SHUTDOWN, "server going down",
                Callback.NOOP);
    }

    /** Cuts the socket without a close frame, as a network failure would. */
    void dropAbruptly() {
        Session s = session;
        if (s != null) s.disconnect();
    }
}
