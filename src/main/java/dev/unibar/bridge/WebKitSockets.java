package dev.unibar.bridge;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes the WebView's own WebSocket to loopback (issue 22). The shim replaces {@code WebSocket} in the vendor's
 * documents with the relay, but a frame of another origin inside the vendor page keeps WebKit's: on Linux it
 * never opens (JDK-8331765) yet its TCP connection is made, enough for a foreign page to scan the agent's
 * loopback ports. JavaFX's WebKit makes that connection in Java ({@code com.sun.webkit.network.SocketStreamHandle}),
 * asking {@link ProxySelector#getDefault()} first; this selector, installed once for the JVM, refuses there any
 * host that is or resolves to a loopback or wildcard address, by throwing the {@link ConnectException} WebKit
 * reports as "Unable to connect" before it touches a socket. Everyone else gets the selector that was there.
 */
final class WebKitSockets extends ProxySelector {

    private static final String WEBKIT_SOCKET = "com.sun.webkit.network.SocketStreamHandle";
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicLong REFUSED = new AtomicLong();

    private final ProxySelector previous;

    private WebKitSockets(ProxySelector previous) {
        this.previous = previous;
    }

    /** Installs the selector once; later calls do nothing. */
    static void closeToLoopback() {
        if (INSTALLED.compareAndSet(false, true)) ProxySelector.setDefault(new WebKitSockets(ProxySelector.getDefault()));
    }

    /** WebKit socket connections refused since the JVM started. */
    static long refused() {
        return REFUSED.get();
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri != null && fromWebKitSocket() && local(uri.getHost())) {
            REFUSED.incrementAndGet();
            throw Sneaky.<RuntimeException>raise(new ConnectException("a page's own WebSocket to a loopback address is refused by Unibar"));
        }
        return previous != null ? previous.select(uri) : List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (previous != null) previous.connectFailed(uri, sa, ioe);
    }

    private static boolean fromWebKitSocket() {
        return StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getClassName().equals(WEBKIT_SOCKET)));
    }

    /** A name that resolves to any loopback or wildcard address (the JVM caches the answer the socket will use). */
    static boolean local(String host) {
        if (host == null || host.isEmpty()) return true;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (a.isLoopbackAddress() || a.isAnyLocalAddress()) return true;
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * WebKit's connect declares IOException and reports one as a failed socket; {@code select} cannot declare
     * it, so it is thrown unchecked-looking. A RuntimeException instead would escape WebKit's handler and
     * leave the page's socket connecting forever.
     */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> T raise(Throwable t) throws T {
            throw (T) t;
        }
    }
}
