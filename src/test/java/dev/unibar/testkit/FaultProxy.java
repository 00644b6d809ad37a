package dev.unibar.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that plays a bad network between a connector and its simulator (issue 13):
 * {@link #drop} (both ends closed, FIN), {@link #reset} (RST), {@link #delay} (every chunk held back),
 * {@link #halfOpen} (sockets stay open, nothing flows, as after a NAT or Wi-Fi loss, until
 * {@link #heal}), {@link #refuse} (new connections closed at once) and {@link #restart} (drop, run an
 * action such as restarting a simulator that forgets its tokens, then accept again). Byte-transparent:
 * the connector is pointed at {@link #port()} and the simulator must accept this proxy's port in its
 * Host header. Daemon threads only; {@link #close} ends everything.
 */
public final class FaultProxy implements AutoCloseable {

    /**
     * The link faults a vendor's run plays during a call, the same way for every vendor: {@link #start} makes the
     * link bad; {@link #end} makes it good again (heals a stalled or slow link; a dropped or reset one is good
     * again once the page has connected anew) and returns when, so a test can time the bar's recovery from then.
     */
    public enum Fault {
        DROP, RESET, DELAY, HALF_OPEN;

        /** Every fault in each host, as parameterized tests take them ({@code Host, Fault}). */
        public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> inHosts(Host... hosts) {
            return java.util.Arrays.stream(hosts).flatMap(h -> java.util.Arrays.stream(values())
                    .map(f -> org.junit.jupiter.params.provider.Arguments.of(h, f)));
        }

        /** Every fault in the WebView and in the browser window (a suite's {@code @MethodSource}). */
        public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> inWebViewAndBrowser() {
            return inHosts(Host.WEBVIEW, Host.BROWSER);
        }

        public void start(FaultProxy p) {
            switch (this) {
                case DROP -> p.drop();
                case RESET -> p.reset();
                case DELAY -> p.delay(Duration.ofMillis(400));
                case HALF_OPEN -> p.halfOpen();
            }
        }

        /** Nanos ({@link System#nanoTime}) at which the link was good again. */
        public long end(FaultProxy p, long acceptedBefore, Duration bound) {
            if (this == DELAY || this == HALF_OPEN) {
                // The fault counts only once the vendor's traffic met it: wait for that, not for wall time.
                Wait.until("traffic held back by the " + this + " link", bound, () -> p.held() > 0);
                p.heal();
            } else {
                Wait.until("the page connected again through the proxy", bound, () -> p.accepted() > acceptedBefore);
            }
            return System.nanoTime();
        }

        /** Prints, for the README's figures, how long after the link was good again ({@code goodAt}) the bar was right. */
        public long report(String vendor, Host host, long goodAt) {
            long ms = (System.nanoTime() - goodAt) / 1_000_000;
            System.out.println("fault-recovery vendor=" + vendor + " host=" + host.name().toLowerCase(java.util.Locale.ROOT)
                    + " fault=" + this + " ms=" + ms);
            return ms;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final int target;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private volatile long delayMs;
    private volatile boolean stalled;
    private volatile boolean refusing;
    private volatile boolean closed;

    public FaultProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far (a reconnect shows here). */
    public long accepted() {
        return accepted.get();
    }

    /** Chunks held back by a half-open or slow link (what the fault actually touched). */
    public long held() {
        return held.get();
    }

    /** Connections currently carried. */
    public int open() {
        return links.size();
    }

    public void drop() {
        for (Link l : List.copyOf(links)) l.close(false);
    }

    public void reset() {
        for (Link l : List.copyOf(links)) l.close(true);
    }

    public void delay(Duration d) {
        delayMs = d.toMillis();
    }

    public void halfOpen() {
        stalled = true;
    }

    /** Undoes delay, half-open and refuse. */
    public void heal() {
        delayMs = 0;
        stalled = false;
        refusing = false;
    }

    public void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** Drops everything, refuses while {@code meanwhile} runs (a simulator restart), then accepts again. */
    public void restart(Runnable meanwhile) {
        refusing = true;
        reset();
        try {
            meanwhile.run();
        } finally {
            refusing = false;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reset();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            if (refusing) {
                quietly(client, true);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                Link l = new Link(client, upstream);
                links.add(l);
                l.start();
            } catch (IOException e) {
                quietly(client, true);
            }
        }
    }

    private static void quietly(Socket s, boolean rst) {
        try {
            if (rst) s.setSoLinger(true, 0);
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One proxied connection: two pumps. */
    private final class Link {
        private final Socket a;
        private final Socket b;

        Link(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }

        void start() {
            pump(a, b, "up");
            pump(b, a, "down");
        }

        private void pump(Socket from, Socket to, String dir) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        long d = delayMs;
                        if (stalled || d > 0) held.incrementAndGet();
                        while (stalled && !closed && !from.isClosed()) Thread.sleep(20);
                        if (d > 0) Thread.sleep(d);
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    to.shutdownOutput();
                } catch (SocketException e) {
                    close(false);
                } catch (IOException | InterruptedException e) {
                    close(false);
                }
            }, "fault-proxy-" + dir);
            t.setDaemon(true);
            t.start();
        }

        void close(boolean rst) {
            links.remove(this);
            quietly(a, rst);
            quietly(b, rst);
        }
    }
}
