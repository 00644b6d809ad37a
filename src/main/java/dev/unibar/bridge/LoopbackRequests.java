package dev.unibar.bridge;

import java.util.Locale;
import java.util.Set;

/**
 * The checks every local server of Unibar's own makes before anything else (issue 13, finding 3):
 * the {@code Host} a browser sends must be a loopback name with the server's port, so a page that
 * rebinds its own DNS name to 127.0.0.1 is refused; an {@code Origin}, when a browser sends one, must
 * be on the server's allow-list. Simulators carry their own copy: they may use nothing of Unibar.
 */
final class LoopbackRequests {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackRequests() {
    }

    /** {@code host} is the Host header as sent; null (HTTP/1.0) is refused. */
    static boolean loopbackHost(String host, int port) {
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
}
