package dev.unibar.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One bar per user: the first start holds a lock in the user's state folder and listens on a per-user
 * channel; a later start hands its arguments over and exits. The channel is a trust boundary: a Unix
 * domain socket in a folder only the user can open ({@link SocketPlace}: the state folder, or a short
 * name in {@code $XDG_RUNTIME_DIR} or a private temporary folder when its path is too long; Windows 10+,
 * Linux and macOS all have them; only where none can be bound, a 127.0.0.1 port), and every request must
 * carry the secret that the running bar wrote, readable by the user alone, next to the lock. Without the
 * secret nothing happens.
 *
 * <p>A request is one JSON line {@code {"token": ..., "args": [...]}} of at most {@value #MAX_BYTES}
 * bytes and {@value #MAX_ARGS} arguments, read within {@link #READ_LIMIT}; the answer is one line
 * ({@code ok ...} or {@code error: ...}). Connections are served at once, each on its own thread with its
 * own deadline, at most {@value #MAX_CONNECTIONS} together (more are told {@code error: busy}): idle
 * clients cannot hold the bar's {@code unibar dial} back (issue 22).
 */
public final class InstanceChannel implements AutoCloseable {

    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_ARGS = 32;
    static final Duration READ_LIMIT = Duration.ofSeconds(3);
    static final int MAX_CONNECTIONS = 32;
    private static final Duration REPLY_LIMIT = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(InstanceChannel.class.getName());

    /** Jackson only when a request comes: the first start of the bar should not pay for it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path dir;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socketFile;
    private final byte[] token;
    private final CompletableFuture<Function<List<String>, String>> handler = new CompletableFuture<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "unibar-instance-watchdog"));
    private final ExecutorService requests = Executors.newCachedThreadPool(r -> daemon(r, "unibar-instance-request"));
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;

    private InstanceChannel(Path dir, FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socketFile,
                            byte[] token) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socketFile = socketFile;
        this.token = token;
    }

    /** What a start found: it is the bar ({@link #primary}) or another bar took its arguments ({@link #reply}). */
    public record Claim(InstanceChannel primary, String reply) {
        public boolean handedOff() {
            return primary == null;
        }
    }

    /**
     * Becomes the user's bar, or hands {@code args} to the one already running.
     *
     * @throws IOException when neither works (the folder cannot be written, the running bar does not answer)
     */
    public static Claim claim(Path dir, List<String> args) throws IOException {
        return claim(dir, args, () -> SocketPlace.choose(dir, System::getenv,
                Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name")));
    }

    /** @param socketPlace where the socket goes, empty for the loopback port (tests choose) */
    static Claim claim(Path dir, List<String> args, Supplier<Optional<Path>> socketPlace) throws IOException {
        createPrivateDir(dir);
        FileChannel ch = FileChannel.open(dir.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already holds it (tests)
        }
        if (lock == null) {
            ch.close();
            return new Claim(null, send(dir, args));
        }
        try {
            return new Claim(listen(dir, ch, lock, socketPlace.get()), null);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** Sends {@code args} to the user's running bar; an IOException names the problem when no bar runs. */
    public static String sendIfRunning(Path dir, List<String> args) throws IOException {
        if (!Files.isRegularFile(dir.resolve("instance"))) throw new IOException("no Unibar bar is running for this user");
        return send(dir, args);
    }

    /** Sends {@code args} to the running bar; its answer, or an IOException that says what happened. */
    public static String send(Path dir, List<String> args) throws IOException {
        InstanceEndpoint ep = InstanceEndpoint.read(dir.resolve("instance"), Duration.ofSeconds(5));
        try {
            return exchange(ep, args);
        } catch (java.nio.channels.AsynchronousCloseException e) {
            throw new IOException("the running bar did not answer within " + REPLY_LIMIT.toSeconds() + " s", e);
        } catch (Refused e) {
            throw new IOException("the running bar's channel refused the connection (" + where(ep) + "): "
                    + reason(e.getCause()), e.getCause());
        } catch (IOException e) {
            throw new IOException("the running bar's channel failed (" + where(ep) + "): " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Connecting failed: nobody listens there (a bar that crashed, or a file left behind). */
    private static final class Refused extends IOException {
        Refused(IOException cause) {
            super(cause);
        }
    }

    private static String where(InstanceEndpoint ep) {
        return ep.address() instanceof UnixDomainSocketAddress u ? u.getPath().toString() : ep.address().toString();
    }

    private static String exchange(InstanceEndpoint ep, List<String> args) throws IOException {
        ObjectNode req = Json.MAPPER.createObjectNode();
        req.put("token", ep.token());
        var arr = req.putArray("args");
        args.forEach(arr::add);
        byte[] line = (Json.MAPPER.writeValueAsString(req) + "\n").getBytes(StandardCharsets.UTF_8);
        try (SocketChannel c = ep.address() instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open()) {
            try {
                c.connect(ep.address());
            } catch (IOException e) {
                throw new Refused(e);
            }
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "unibar-instance-client"));
            try {
                timer.schedule(() -> closeQuietly(c), REPLY_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                c.write(ByteBuffer.wrap(line));
                byte[] reply = readLine(c, MAX_BYTES);
                if (reply == null) throw new IOException("the running bar closed the channel without an answer");
                return new String(reply, StandardCharsets.UTF_8);
            } finally {
                timer.shutdownNow();
            }
        }
    }

    private static InstanceChannel listen(Path dir, FileChannel lockFile, FileLock lock, Optional<Path> place) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path sock = place.orElse(null);
        ServerSocketChannel server;
        SocketAddress bound;
        try {
            if (sock == null) throw new IOException("no folder of this user's has a socket path short enough");
            Files.deleteIfExists(sock); // a stale one: we hold the lock, so nobody listens on it
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                bound = UnixDomainSocketAddress.of(sock);
                server.bind(bound);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
            // Old Windows builds, or nowhere to put a socket: loopback, any local user can connect, still behind the secret.
            LOG.log(System.Logger.Level.WARNING, "single-instance channel on a loopback port: " + e.getMessage());
            sock = null;
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            bound = server.getLocalAddress();
        }
        InstanceChannel ic = new InstanceChannel(dir, lockFile, lock, server, sock,
                token.getBytes(StandardCharsets.US_ASCII));
        InstanceEndpoint.write(dir.resolve("instance"), bound, token);
        Thread t = new Thread(ic::acceptLoop, "unibar-instance");
        t.setDaemon(true);
        t.start();
        return ic;
    }

    /** Requests wait (up to the reply limit) until the bar has set what handles them. */
    public void setHandler(Function<List<String>, String> h) {
        handler.complete(h);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.log(System.Logger.Level.WARNING, "single-instance channel stopped: " + e.getMessage());
                return;
            }
            if (!slots.tryAcquire()) {
                busy(c);
                continue;
            }
            try {
                requests.execute(() -> {
                    try {
                        serve(c);
                    } finally {
                        slots.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                slots.release();
                closeQuietly(c);
            }
        }
    }

    /** Too many at once: said at once, without reading, so the accepting thread never waits on a client. */
    private static void busy(SocketChannel c) {
        try (c) {
            c.configureBlocking(false);
            c.write(ByteBuffer.wrap(("error: busy: " + MAX_CONNECTIONS + " connections are open\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private void serve(SocketChannel c) {
        java.util.concurrent.ScheduledFuture<?> deadline;
        try {
            deadline = watchdog.schedule(() -> closeQuietly(c), READ_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The channel closed between accepting this connection and serving it: nobody will answer.
            closeQuietly(c);
            return;
        }
        try (c) {
            byte[] line = readLine(c, MAX_BYTES);
            deadline.cancel(false);
            String reply = answer(line);
            c.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "single-instance request dropped: " + e.getMessage());
        }
    }

    /** The answer to one request line; the handler runs only for a request that carries the secret. */
    String answer(byte[] line) {
        if (line == null) return "error: request too long or not finished";
        List<String> args = new ArrayList<>();
        JsonNode req;
        try {
            req = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return "error: not a request";
        }
        JsonNode t = req == null ? null : req.get("token");
        if (t == null || !t.isTextual()
                || !MessageDigest.isEqual(token, t.asText().getBytes(StandardCharsets.US_ASCII))) {
            LOG.log(System.Logger.Level.WARNING, "single-instance request without the right secret refused");
            return "error: denied";
        }
        JsonNode a = req.get("args");
        if (a == null || !a.isArray() || a.size() > MAX_ARGS) return "error: bad arguments";
        for (JsonNode n : a) {
            if (!n.isTextual()) return "error: bad arguments";
            args.add(n.asText());
        }
        try {
            return handler.get(REPLY_LIMIT.toMillis(), TimeUnit.MILLISECONDS).apply(List.copyOf(args));
        } catch (java.util.concurrent.TimeoutException e) {
            return "error: the bar is still starting";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Bytes up to the first newline; null when the peer stops first or sends more than {@code max}. */
    private static byte[] readLine(SocketChannel c, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (true) {
            buf.clear();
            int n = c.read(buf);
            if (n < 0) return null;
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '\n') return out.toByteArray();
                if (out.size() >= max) return null;
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        watchdog.shutdownNow();
        requests.shutdownNow();
        try {
            Files.deleteIfExists(dir.resolve("instance"));
            if (socketFile != null) Files.deleteIfExists(socketFile);
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "single-instance clean-up: " + e.getMessage());
        }
    }

    // ---- files ---------------------------------------------------------------------------------------

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static void createPrivateDir(Path dir) throws IOException {
        if (posix()) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // Also when it existed: the secret and the socket live here.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir); // under %LOCALAPPDATA%: the user's own by its ACL
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
