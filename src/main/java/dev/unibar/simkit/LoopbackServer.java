package dev.unibar.simkit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.KeyStore;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One simulator's Jetty: a single connector on 127.0.0.1 (never another interface), daemon threads, a
 * bound on every request body, and the {@link SimGate} in front of whatever the simulator serves. It
 * can be stopped and started again on the same port (a simulated middleware restart).
 */
public final class LoopbackServer {

    /** No simulator takes a body anywhere near this; a larger one is refused with 413 before it is read. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    private final String name;
    private final int maxThreads;
    private KeyStore tlsKeys;
    private char[] tlsPassword;
    private Server server;
    private ServerConnector connector;
    private volatile int port = -1;

    /** {@code name} names its threads and its start-up failure ("ucs-sim"). */
    public LoopbackServer(String name, int maxThreads) {
        this.name = name;
        this.maxThreads = maxThreads;
    }

    /** Serves https with this key instead of http (call before {@link #start}). */
    public synchronized LoopbackServer https(KeyStore keys, char[] password) {
        if (server != null) throw new IllegalStateException("already started");
        this.tlsKeys = keys;
        this.tlsPassword = password.clone();
        return this;
    }

    public synchronized String scheme() {
        return tlsKeys == null ? "http" : "https";
    }

    /**
     * Starts on {@code requestedPort} (0: any free one). {@code handlers} gets the new server (WebSocket
     * upgrades need it) and answers what sits behind the gate.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public synchronized void start(int requestedPort, SimGate gate, Function<Server, Handler> handlers) {
        if (server != null) return;
        keepJettyQuiet();
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 2);
        pool.setName(name);
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector c = tlsKeys == null ? new ServerConnector(s, 1, 1) : tlsConnector(s);
        c.setHost("127.0.0.1");
        c.setPort(requestedPort);
        c.setReuseAddress(true);
        s.addConnector(c);
        SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
        limit.setHandler(gate.handler(handlers.apply(s)));
        s.setHandler(limit);
        try {
            s.start();
        } catch (Exception e) {
            IllegalStateException failed = new IllegalStateException(name + " could not start on 127.0.0.1:" + requestedPort, e);
            stopAfterFailedStart(s, failed);
            throw failed;
        }
        server = s;
        connector = c;
        port = c.getLocalPort();
    }

    /** Threads a half-started server may hold go too; a failure on the way is noted on the start's failure. */
    private static void stopAfterFailedStart(Server s, IllegalStateException failed) {
        try {
            s.stop();
        } catch (Exception e) {
            failed.addSuppressed(e);
        }
    }

    private ServerConnector tlsConnector(Server s) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tlsKeys);
        ssl.setKeyStorePassword(new String(tlsPassword));
        HttpConfiguration hc = new HttpConfiguration();
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        // The certificate names 127.0.0.1; a client that says "localhost" is still this machine.
        src.setSniHostCheck(false);
        hc.addCustomizer(src);
        return new ServerConnector(s, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(hc));
    }

    /** Stops the server; the port stays known, so {@link #start} can take it again. */
    public synchronized void stop() {
        Server s = server;
        server = null;
        connector = null;
        if (s == null) return;
        try {
            s.stop();
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not stop cleanly", e);
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** The bound port, and after a stop the last one (-1 before the first start). */
    public int port() {
        return port;
    }

    /**
     * Jetty's debug traces print request headers and query strings, the simulators' secrets and bearer
     * tokens included: a JVM whose root logger is turned up to ALL (a test capturing logs, a support
     * session) would log them. Jetty stays at INFO at most, unless someone pinned it quieter.
     */
    private static void keepJettyQuiet() {
        Level l = JETTY_LOG.getLevel();
        if (l == null || l.intValue() < Level.INFO.intValue()) JETTY_LOG.setLevel(Level.INFO);
    }

    /** For a command-line run that prints its own addresses: Jetty's start-up INFO lines are noise there. */
    public static void silenceJettyInfo() {
        JETTY_LOG.setLevel(Level.WARNING);
    }
}
