package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Classic SignalR 2 connection state: the connection token, the message cursor and the messages a
 * reconnecting client may have missed.
 */
final class ClassicConnection extends SimConnection {

    private static final int BUFFER = 1000;

    final String connectionToken;
    final String hubName;
    private final ObjectMapper json;
    private long cursor;
    private final Deque<long[]> cursors = new ArrayDeque<>();
    private final Deque<ObjectNode> messages = new ArrayDeque<>();
    volatile boolean started;
    volatile Instant disconnectedAt = Instant.now();

    ClassicConnection(String connectionId, String connectionToken, String user, String hubName, ObjectMapper json) {
        super(connectionId, "classic", user);
        this.connectionToken = connectionToken;
        this.hubName = hubName;
        this.json = json;
    }

    static String cursorText(long n) {
        return "s-0," + Long.toHexString(n).toUpperCase(Locale.ROOT);
    }

    /** -1 when the client's messageId is not one of ours. */
    static long parseCursor(String messageId) {
        if (messageId == null) return -1;
        int comma = messageId.lastIndexOf(',');
        try {
            return Long.parseLong(messageId.substring(comma + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    synchronized String initFrame() {
        ObjectNode n = json.createObjectNode();
        n.put("C", cursorText(cursor));
        n.put("S", 1);
        n.putArray("M");
        return n.toString();
    }

    @Override
    synchronized void sendPush(String event, ArrayNode args) {
        ObjectNode m = json.createObjectNode();
        m.put("H", "AtendimentoHub");
        m.put("M", event);
        m.set("A", args);
        cursor++;
        cursors.addLast(new long[] {cursor});
        messages.addLast(m);
        while (messages.size() > BUFFER) {
            messages.removeFirst();
            cursors.removeFirst();
        }
        ObjectNode frame = json.createObjectNode();
        frame.put("C", cursorText(cursor));
        frame.putArray("M").add(m);
        sendText(frame.toString());
    }

    /** After a reconnect: everything pushed after the client's cursor, in one frame (null if nothing). */
    synchronized String replayAfter(long after) {
        if (after < 0 || after >= cursor) return null;
        ObjectNode frame = json.createObjectNode();
        frame.put("C", cursorText(cursor));
        ArrayNode m = frame.putArray("M");
        var c = cursors.iterator();
        var msg = messages.iterator();
        while (c.hasNext()) {
            long n = c.next()[0];
            ObjectNode node = msg.next();
            if (n > after) m.add(node);
        }
        return m.isEmpty() ? null : frame.toString();
    }
}
