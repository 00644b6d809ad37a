package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ASP.NET Core SignalR connection (JSON hub protocol, records ended by 0x1E). */
final class CoreConnection extends SimConnection {

    static final char RS = '\u001e';

    final String connectionToken;
    private final ObjectMapper json;
    volatile boolean handshaken;
    /** A negotiation whose WebSocket never came is dropped after a while (see the keep-alive sweep). */
    final java.time.Instant negotiatedAt = java.time.Instant.now();

    CoreConnection(String connectionId, String connectionToken, String user, ObjectMapper json) {
        super(connectionId, "core", user);
        this.connectionToken = connectionToken;
        this.json = json;
    }

    @Override
    void sendPush(String event, ArrayNode args) {
        ObjectNode n = json.createObjectNode();
        n.put("type", 1);
        n.put("target", event);
        n.set("arguments", args);
        sendText(n.toString() + RS);
    }
}
