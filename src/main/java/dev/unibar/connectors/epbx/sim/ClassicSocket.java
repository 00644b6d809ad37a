package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Session;

import java.time.Instant;

/** The WebSocket of a classic SignalR connection. Public only because Jetty calls listener methods through method handles. */
public final class ClassicSocket implements Session.Listener.AutoDemanding {
    private final EpbxSimulator sim;
    private final ClassicConnection c;
    private final boolean reconnect;
    private final long after;

    ClassicSocket(EpbxSimulator sim, ClassicConnection c, boolean reconnect, long after) {
        this.sim = sim;
        this.c = c;
        this.reconnect = reconnect;
        this.after = after;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        Session old = c.session;
        c.session = session;
        c.disconnectedAt = null;
        if (old != null && old != session) old.disconnect();
        if (reconnect) {
            String replay = c.replayAfter(after);
            if (replay != null) c.sendText(replay);
        } else {
            c.sendText(c.initFrame());
        }
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode msg;
        try {
            msg = sim.json.readTree(text);
        } catch (Exception e) {
            return;
        }
        JsonNode id = msg.get("I");
        String wireMethod = msg.path("M").asText("");
        JsonNode args = msg.get("A");
        String hub = msg.path("H").asText("");
        if (!"atendimentohub".equalsIgnoreCase(hub)) {
            String error = "'" + hub + "' Hub could not be resolved.";
            sim.record(c.transport, wireMethod, args, c.connectionId, error);
            reply(id, null, error);
            return;
        }
        c.invoke(wireMethod, args, (result, error) -> {
            sim.record(c.transport, wireMethod, args, c.connectionId, error);
            reply(id, result, error);
        });
    }

    private void reply(JsonNode id, JsonNode result, String error) {
        if (id == null) return;
        ObjectNode r = sim.json.createObjectNode();
        r.put("I", id.asText());
        if (error != null) r.put("E", error);
        else if (result != null) r.set("R", result);
        c.sendText(r.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed();
    }

    private void closed() {
        if (c.session != null && !c.session.isOpen()) {
            c.session = null;
            c.disconnectedAt = Instant.now();
        }
    }
}

