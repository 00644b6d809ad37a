package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The WebSocket of an ASP.NET Core SignalR connection. */
/** Public only because Jetty invokes listener methods reflectively. */
public final class CoreSocket implements Session.Listener.AutoDemanding {
    private final EpbxSimulator sim;
    private final CoreConnection c;
    private final StringBuilder partial = new StringBuilder();

    CoreSocket(EpbxSimulator sim, CoreConnection c) {
        this.sim = sim;
        this.c = c;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        c.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        partial.append(text);
        int rs;
        while ((rs = partial.indexOf(String.valueOf(CoreConnection.RS))) >= 0) {
            String record = partial.substring(0, rs);
            partial.delete(0, rs + 1);
            onRecord(record);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        byte[] b = new byte[payload.remaining()];
        payload.get(b);
        callback.succeed();
        onWebSocketText(new String(b, StandardCharsets.UTF_8));
    }

    private void onRecord(String record) {
        JsonNode msg;
        try {
            msg = sim.json.readTree(record);
        } catch (Exception e) {
            close("Connection closed with an error. InvalidDataException: invalid JSON");
            return;
        }
        if (!c.handshaken) {
            String protocol = msg.path("protocol").asText("");
            if (!"json".equals(protocol)) {
                c.sendText("{\"error\":\"The protocol '" + protocol.replace("\"", "") + "' is not supported.\"}"
                        + CoreConnection.RS);
                close(null);
                return;
            }
            c.handshaken = true;
            c.sendText("{}" + CoreConnection.RS);
            return;
        }
        int type = msg.path("type").asInt(-1);
        switch (type) {
            case 1 -> {
                String target = msg.path("target").asText("");
                JsonNode args = msg.get("arguments");
                JsonNode id = msg.get("invocationId");
                c.invoke(target, args, (result, error) -> {
                    sim.record(c.transport, target, args, c.connectionId, error);
                    if (id == null) return;
                    ObjectNode r = sim.json.createObjectNode();
                    r.put("type", 3);
                    r.put("invocationId", id.asText());
                    if (error != null) r.put("error", error);
                    else if (result != null) r.set("result", result);
                    c.sendText(r.toString() + CoreConnection.RS);
                });
            }
            case 4 -> {
                ObjectNode r = sim.json.createObjectNode();
                r.put("type", 3);
                r.put("invocationId", msg.path("invocationId").asText());
                r.put("error", "Streaming is not supported by AtendimentoHub");
                c.sendText(r.toString() + CoreConnection.RS);
            }
            case 7 -> close(null);
            default -> {
                // 6 ping, 5 cancel: nothing to answer
            }
        }
    }

    private void close(String error) {
        if (error != null) {
            c.sendText("{\"type\":7,\"error\":" + JsonNodeFactory.instance.textNode(error) + "}" + CoreConnection.RS);
        }
        Session s = c.session;
        if (s != null) s.close();
        sim.forgetCore(c);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        sim.forgetCore(c);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        sim.forgetCore(c);
    }
}

