package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.LoopbackSimulator;
import dev.unibar.simkit.SimGate;

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
 * <p>The page and its channel need the page's session, which only the address from {@link #pageUrl()}
 * opens (once); {@code /control/*} needs the control secret (printed by {@code simulate}).
 */
public final class MaxSimulator extends LoopbackSimulator {

    static final String PAGE_PATH = "/max/";

    private final int requestedPort;
    private final MaxSimState state;

    public MaxSimulator() {
        this(0);
    }

    public MaxSimulator(int port) {
        super("max-sim", 32, SimGate.Origins.OWN);
        gate.session("/", "/max", PAGE_PATH, "/max/api/*").secret("/control/*");
        this.requestedPort = port;
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        this.state = new MaxSimState(Clock.systemUTC(), "sim-session-" + HexFormat.of().formatHex(b));
    }

    public synchronized MaxSimulator start() {
        if (server.running()) return this;
        state.open();
        server.start(requestedPort, gate, s -> new MaxHttpHandler(this));
        return this;
    }

    @Override
    public synchronized void stop() {
        state.close();
        server.stop();
    }

    /**
     * The fake MAX agent page, behind a one-time key: the browser that opens it first holds the page's
     * session. Add {@code ?workspace=<URL>} for a custom workspace.
     */
    public String pageUrl() {
        return keyedUrl(PAGE_PATH);
    }


    public String controlSecret() {
        return gate.secret();
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
