package dev.unibar.connectors.max.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * A stand-in for NICE MAX: serves a fake MAX page that hosts children (hidden frames, custom-workspace
 * iframes, opened windows) and speaks MAX's postMessage subscription protocol to them, a long-poll
 * channel between that page and {@link MaxSimState}, and a control API. Binds 127.0.0.1 only.
 *
 * <p>Two per-run secrets: the page token (embedded in the page it serves; required by the page's own
 * API) and the control secret (printed by {@code simulate}; required by {@code /control/*}).
 */
public final class MaxSimulator implements AutoCloseable {

    private final int requestedPort;
    final ObjectMapper json = new ObjectMapper();
    private final MaxSimState state;
    private final String pageToken = secret();
    private final String controlSecret = secret();
    private Server server;
    private int port;

    public MaxSimulator() {
        this(0);
    }

    public MaxSimulator(int port) {
        this.requestedPort = port;
        this.state = new MaxSimState(Clock.systemUTC(), "sim-session-" + secret());
    }

    private static String secret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public synchronized MaxSimulator start() {
        if (server != null) return this;
        QueuedThreadPool pool = new QueuedThreadPool(32, 2);
        pool.setName("max-sim");
        pool.setDaemon(true);
        Server s = new Server(pool);
        ServerConnector c = new ServerConnector(s, 1, 1);
        c.setHost("127.0.0.1");
        c.setPort(requestedPort);
        s.addConnector(c);
        s.setHandler(new MaxHttpHandler(this));
        try {
            s.start();
        } catch (Exception e) {
            throw new IllegalStateException("MAX simulator could not start on 127.0.0.1:" + requestedPort, e);
        }
        server = s;
        port = c.getLocalPort();
        return this;
    }

    public synchronized void stop() {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            System.getLogger(MaxSimulator.class.getName()).log(System.Logger.Level.WARNING, "MAX simulator stop failed", e);
        }
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** MAX's origin, as the children see it. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The fake MAX agent page. */
    public String pageUrl() {
        return origin() + "/max/";
    }

    public String controlSecret() {
        return controlSecret;
    }

    String pageToken() {
        return pageToken;
    }

    public MaxSimState state() {
        return state;
    }

    public Map<String, Object> scenario(String name, Map<String, Object> params) {
        return MaxScenarios.run(state, name, params);
    }

    /** Waits for the next message of {@code messageType} received after {@code afterSeq}; null on time-out. */
    public MaxSimState.Received awaitReceived(String messageType, long afterSeq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (MaxSimState.Received r : state.received()) {
                if (r.seq() > afterSeq && r.messageType().equals(messageType)) return r;
            }
            Thread.sleep(20);
        }
        return null;
    }
}
