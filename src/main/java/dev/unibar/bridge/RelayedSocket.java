package dev.unibar.bridge;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page socket as a Java-WebSocket client; its callbacks run on the client's own thread. */
final class RelayedSocket extends WebSocketClient {

    private static final System.Logger LOG = System.getLogger(RelayedSocket.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    final int id;
    private final SocketBridge page;
    private final List<String> offered;
    private final String where;
    private volatile boolean opened;
    private volatile boolean errored;
    private volatile boolean abandoned;
    private volatile boolean finished;

    RelayedSocket(SocketBridge page, int id, URI uri, List<String> offered, Map<String, String> headers) {
        super(uri, draft(offered), headers, CONNECT_TIMEOUT_MS);
        this.page = page;
        this.id = id;
        this.offered = offered;
        this.where = WebPageChannel.withoutQuery(uri.toString());
        setDaemon(true);
        // Browsers do not ping; a page that needs keep-alives has its own (SignalR, socket.io do).
        setConnectionLostTimeout(0);
        // Vendor bars send small frames (a click, an ack): with Nagle on, each waits for the previous
        // segment's delayed ACK. Browsers disable it for WebSockets too.
        setTcpNoDelay(true);
    }

    /**
     * The offered subprotocols go out in {@code Sec-WebSocket-Protocol}. The empty protocol last lets
     * a server that picks none through; one that picks something not offered is refused in onOpen,
     * as browsers do.
     */
    private static Draft_6455 draft(List<String> offered) {
        List<IProtocol> protocols = new ArrayList<>();
        for (String p : offered) protocols.add(new Protocol(p));
        protocols.add(new Protocol(""));
        return new Draft_6455(List.<IExtension>of(), protocols);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        String chosen = handshake.getFieldValue("Sec-WebSocket-Protocol");
        chosen = chosen == null ? "" : chosen.trim();
        if (!chosen.isEmpty() && !offered.contains(chosen)) {
            LOG.log(System.Logger.Level.INFO, "WebSocket to " + where + ": the server chose a subprotocol the page did not offer");
            errored = true;
            close(1002, "subprotocol not offered");
            return;
        }
        if (abandoned || page.isRetired()) {
            close(1001, "");
            return;
        }
        opened = true;
        page.relay().opened.incrementAndGet();
        page.relay().openSockets.incrementAndGet();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("protocol", chosen);
        p.put("extensions", "");
        page.post(id, "open", p);
    }

    @Override
    public void onMessage(String message) {
        page.relay().messagesIn.incrementAndGet();
        page.post(id, "text", message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        page.relay().messagesIn.incrementAndGet();
        ByteBuffer b = bytes.slice();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        page.post(id, "binary", Base64.getEncoder().encodeToString(copy));
    }

    @Override
    public void onError(Exception ex) {
        errored = true;
        // The exception's text can quote the handshake: class name only, URL without its query.
        LOG.log(System.Logger.Level.INFO, "WebSocket to " + where + " failed: " + ex.getClass().getSimpleName());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        if (finished) return;
        finished = true;
        if (opened) page.relay().openSockets.decrementAndGet();
        page.closed(this);
        // -1 (never connected), 1006 (no close frame) and 1015 (TLS) are how Java-WebSocket reports a
        // connection that did not end with a closing handshake.
        boolean clean = opened && !errored && code != -1 && code != 1006 && code != 1015;
        // An abandoned socket is one the page or its unloading gave up on: not a failure, nothing to tell.
        if (abandoned) return;
        if (!clean) page.relay().failed.incrementAndGet();
        page.post(id, "close", SocketBridge.closePayload(clean ? code : 1006, clean && reason != null ? reason : "",
                clean, !clean));
    }

    boolean sendText(String text) {
        try {
            send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    boolean sendBytes(byte[] bytes) {
        try {
            send(bytes);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** The page's close(); false when the socket was still connecting and is abandoned instead. */
    boolean closeFromPage(int code, String reason) {
        if (opened) {
            close(code, reason);
            return true;
        }
        abandon();
        return false;
    }

    /** The page went away. */
    void goingAway() {
        if (opened) close(1001, "");
        else abandon();
    }

    private void abandon() {
        abandoned = true;
        try {
            close();
        } catch (RuntimeException e) {
            // still connecting: onOpen closes it when the handshake completes
        }
    }
}
