package dev.unibar.simkit;

/**
 * What every simulator is as a server: one {@link LoopbackServer} with one {@link SimGate} in front, its
 * port and origin, a secret that is new every run, and {@code close()} as {@code stop()}. The simulator
 * says what the gate guards (in its constructor) and what the server serves (when it starts).
 */
public abstract class LoopbackSimulator implements AutoCloseable {

    protected final LoopbackServer server;
    protected final SimGate gate;

    protected LoopbackSimulator(String name, int maxThreads, SimGate.Origins origins) {
        this.server = new LoopbackServer(name, maxThreads);
        this.gate = new SimGate(server::port, origins);
    }

    public abstract void stop();

    @Override
    public void close() {
        stop();
    }

    /** The bound port (0 before the first start; after a stop, the last one). */
    public int port() {
        return Math.max(0, server.port());
    }

    /** {@code http://127.0.0.1:PORT} ({@code https} when it serves TLS). */
    public String origin() {
        return server.scheme() + "://127.0.0.1:" + port();
    }

    /** Also answers requests addressed to another loopback port that forwards here (a test's fault proxy). */
    public void allowForwardedPort(int port) {
        gate.allowPort(port);
    }

    /** {@code path} behind a fresh one-time page key: the address whose first visitor holds the page's session. */
    protected String keyedUrl(String path) {
        return origin() + gate.keyedPath(path);
    }
}
