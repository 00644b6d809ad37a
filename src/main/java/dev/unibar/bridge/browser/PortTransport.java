package dev.unibar.bridge.browser;

import dev.unibar.bridge.BridgeProbe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The DevTools protocol over {@code --remote-debugging-port=0}: the browser picks a free loopback port and
 * writes it, with its browser endpoint's path, to {@code DevToolsActivePort} in the profile folder (private
 * to the user); Unibar reads it and connects at once over a WebSocket (the JDK's, no new dependency).
 *
 * <p>What this exposes, unlike the pipe (docs/decisions/0020-browser-port-transport.md): the port is a
 * loopback TCP port, so while the browser runs any local process, of any user of the machine, can connect to
 * it and drive the vendor page; the protocol has no way to refuse a second client. Web pages cannot: the
 * browser refuses DevTools connections that carry an {@code Origin} (Unibar never passes
 * {@code --remote-allow-origins}). It is the transport where pipes cannot be handed over (Windows), and a
 * configured choice elsewhere.
 */
final class PortTransport extends LaunchedTransport {

    static final String ACTIVE_PORT_FILE = "DevToolsActivePort";
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final System.Logger LOG = System.getLogger(PortTransport.class.getName());
    /** One client for every browser (re)start: each HttpClient keeps a selector thread of its own. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The browser endpoint as {@code DevToolsActivePort} gives it. */
    record Endpoint(int port, String path) {
        URI uri() {
            return URI.create("ws://127.0.0.1:" + port + path);
        }
    }

    private final Listener listener;
    private final Object sendLock = new Object();
    private volatile WebSocket socket;


    private PortTransport(Process process, BrowserOutput output) {
        super(process, output);
        this.listener = new Listener();
    }

    /** Starts {@code command} (browser and its arguments, without a DevTools switch) and connects to it. */
    static PortTransport launch(List<String> command, Path profileDir, long timeoutMillis) throws IOException {
        Path active = profileDir.resolve(ACTIVE_PORT_FILE);
        // A file left by an earlier run names a port that is gone, or someone else's.
        Files.deleteIfExists(active);
        List<String> cmd = new ArrayList<>(command);
        cmd.add(1, "--remote-debugging-port=0");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        PortTransport t = new PortTransport(p, BrowserOutput.of(p));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            Endpoint e = awaitEndpoint(active, p, deadline);
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            t.socket = HTTP.newWebSocketBuilder()
                    .buildAsync(e.uri(), t.listener).get(left, TimeUnit.MILLISECONDS);
            return t;
        } catch (Exception e) {
            // Read before the kill: destroying a Process closes the stream its output is drained from.
            String exit = BrowserOutput.exitOf(p, t.output());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new IOException(exit.isEmpty() ? "could not connect to the browser's DevTools port: " + e.getMessage() : exit, e);
        }
    }

    private static Endpoint awaitEndpoint(Path active, Process p, long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("the browser exited with " + p.exitValue());
            try {
                Optional<Endpoint> e = parse(Files.readString(active, StandardCharsets.UTF_8));
                if (e.isPresent()) return e.get();
            } catch (NoSuchFileException notYet) {
                // the browser has not opened its port yet
            }
            Thread.sleep(50);
        }
        throw new IOException("the browser wrote no " + ACTIVE_PORT_FILE);
    }

    /**
     * Reads {@code DevToolsActivePort}: the port on the first line, the browser endpoint's path on the second.
     * Empty while the file is incomplete (it may be read half-written) or holds anything else.
     */
    static Optional<Endpoint> parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length < 2) return Optional.empty();
        int port;
        try {
            port = Integer.parseInt(lines[0].trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String path = lines[1].trim();
        // A whole GUID: a half-written file must not pass for a shorter path.
        if (port < 1 || port > 65535 || !path.matches("/devtools/browser/" + GUID)) return Optional.empty();
        return Optional.of(new Endpoint(port, path));
    }

    @Override
    public void start(CdpConnection.Receiver receiver) {
        listener.receiver = receiver;
        // Nothing was requested before the handlers were set: no message can have been missed.
        socket.request(1);
    }

    @Override
    public void send(String message) throws IOException {
        // The JDK's WebSocket allows one outstanding send at a time.
        synchronized (sendLock) {
            try {
                socket.sendText(message, true).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (Exception e) {
                throw new IOException("DevTools send failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) s.abort();
        listener.closed();
    }

    /**
     * Frames of one message are joined up to {@link CdpConnection.Transport#MAX_MESSAGE_BYTES} characters; a longer
     * message is skipped to its last frame and reported by its head (the JDK hands frames over as they arrive,
     * one per {@code request(1)}, so nothing bigger is ever held).
     */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean closed = new AtomicBoolean();
        private long size;
        private String head;
        volatile CdpConnection.Receiver receiver;

        @Override
        public void onOpen(WebSocket webSocket) {
            // No request yet: start() asks for the first message once someone listens.
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            size += data.length();
            if (head == null && size <= CdpConnection.Transport.MAX_MESSAGE_BYTES) {
                partial.append(data);
            } else if (head == null) {
                partial.append(data, 0, Math.max(0, Math.min(data.length(), CdpConnection.Transport.HEAD_BYTES - partial.length())));
                head = partial.substring(0, Math.min(partial.length(), CdpConnection.Transport.HEAD_BYTES));
                partial.setLength(0);
            }
            if (last) {
                BridgeProbe.read();
                String text = partial.toString();
                String skipped = head;
                long bytes = size;
                partial.setLength(0);
                size = 0;
                head = null;
                try {
                    if (skipped != null) receiver.oversized(skipped, bytes);
                    else receiver.message(text);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "DevTools message handler failed", e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.log(System.Logger.Level.DEBUG, "DevTools socket closed: " + error.getMessage());
            closed();
        }

        void closed() {
            CdpConnection.Receiver r = receiver;
            if (r != null && closed.compareAndSet(false, true)) r.closed();
        }
    }
}
