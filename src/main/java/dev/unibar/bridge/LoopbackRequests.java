package dev.unibar.bridge;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks every local server of Unibar's own makes before anything else (issue 13, finding 3):
 * the {@code Host} a browser sends must be a loopback name with the server's port, so a page that
 * rebinds its own DNS name to 127.0.0.1 is refused; an {@code Origin}, when a browser sends one, must
 * be on the server's allow-list. Simulators carry their own copy: they may use nothing of Unibar.
 * The host page server and the AgentDesktop widget server are made and answer refusals the same way here.
 */
public final class LoopbackRequests {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackRequests() {
    }

    /** {@code host} is the Host header as sent; null (HTTP/1.0) is refused. */
    public static boolean loopbackHost(String host, int port) {
        if (host == null) return false;
        String h = host.trim().toLowerCase(Locale.ROOT);
        String suffix = ":" + port;
        return h.endsWith(suffix) && LOOPBACK_NAMES.contains(h.substring(0, h.length() - suffix.length()));
    }

    /** No Origin (navigation, a script tag, a non-browser client) passes; {@code "null"} never does. */
    static boolean allowedOrigin(String origin, Set<String> allowed) {
        if (origin == null) return true;
        return OriginPolicy.normalize(origin).map(allowed::contains).orElse(false);
    }

    /** A server of daemon threads, so that one left running never keeps the application alive on its own. */
    public static Server server(String threadName, int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 2);
        pool.setName(threadName);
        pool.setDaemon(true);
        return new Server(pool);
    }

    /**
     * A connector on 127.0.0.1 only, added to {@code server}; port 0 takes an ephemeral one. Plain HTTP unless
     * {@code factories} say otherwise (TLS).
     */
    public static ServerConnector connector(Server server, int port, ConnectionFactory... factories) {
        ServerConnector c = factories.length == 0 ? new ServerConnector(server, 1, 1)
                : new ServerConnector(server, 1, 1, factories);
        c.setHost("127.0.0.1");
        c.setPort(port);
        server.addConnector(c);
        return c;
    }

    /**
     * A refused request's body stays unread and Jetty drops the connection after answering: saying so keeps a
     * client from sending its next request down that socket (a test failed on it about one run in three).
     */
    public static void closeIfRefused(Response response, int status) {
        if (status == 401 || status == 403 || status == 413 || status == 421) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /** Stops {@code server} (null: none is running); a failure goes to {@code failed}, which says it the caller's way. */
    public static void stop(Server server, Consumer<Exception> failed) {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            failed.accept(e);
        }
    }

    /**
     * Starts {@code server}; when it cannot (the port is taken, a handler fails), stops what did start, so no
     * thread or half-bound connector outlives the failure, and throws with {@code failure} as the message.
     */
    public static void start(Server server, String failure) {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is the one worth reporting
            }
            throw new IllegalStateException(failure, e);
        }
    }
}
