package dev.unibar.bridge;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which page origins may feed vendor events into Unibar. A message from any other origin is dropped
 * before it is mapped: the host page embeds third-party frames, and anything can {@code postMessage}
 * to a window.
 *
 * <p>Matching is exact on the normalized origin {@code scheme://host[:port]}: scheme and host are
 * lower-cased, internationalized hosts are converted to their ASCII form (as browsers report them),
 * and the default port (80 for http, 443 for https) is left out. {@code "null"} (sandboxed frames,
 * {@code file:} and {@code data:} documents) and {@code "*"} are never trusted. Thread-safe.
 */
public final class OriginPolicy {

    private final Set<String> trusted = ConcurrentHashMap.newKeySet();
    /** Trusted as documents and captures, but no WebSocket endpoint: the host server serves pages only. */
    private final Set<String> pagesOnly = ConcurrentHashMap.newKeySet();

    public OriginPolicy(Collection<String> origins) {
        for (String o : origins) trust(o);
    }

    public OriginPolicy(String... origins) {
        this(java.util.List.of(origins));
    }

    /** The host server's own origin is always trusted: that is where the page's own glue captures from. */
    public static OriginPolicy forHost(HostServer host, Collection<String> vendorOrigins) {
        OriginPolicy p = new OriginPolicy(vendorOrigins);
        p.trust(host.origin());
        normalize(host.origin()).ifPresent(p.pagesOnly::add);
        return p;
    }

    /**
     * Adds an origin.
     *
     * @throws IllegalArgumentException for {@code "*"}, {@code "null"} or anything that is not an
     *                                  http(s) origin (a path, query or user info is a configuration
     *                                  mistake, not something to guess about)
     */
    public void trust(String origin) {
        Optional<String> n = normalize(origin);
        if (n.isEmpty()) throw new IllegalArgumentException("not a trustable origin: " + origin);
        trusted.add(n.get());
    }

    public void untrust(String origin) {
        normalize(origin).ifPresent(trusted::remove);
    }

    public boolean isTrusted(String origin) {
        Optional<String> n = normalize(origin);
        return n.isPresent() && trusted.contains(n.get());
    }

    /**
     * Whether a page may open a WebSocket to this {@code ws://} or {@code wss://} URI: only to a trusted
     * vendor origin's own host and port, {@code ws} for an http origin and {@code wss} for an https one.
     * Anything else (another loopback port, a SIP port, the host server itself) is refused, which a
     * browser's own rules would not guarantee once Java carries the socket.
     */
    public boolean allowsSocket(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getRawAuthority() == null) return false;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> null;
        };
        if (http == null) return false;
        Optional<String> n = normalize(http + "://" + uri.getRawAuthority());
        return n.isPresent() && trusted.contains(n.get()) && !pagesOnly.contains(n.get());
    }

    /** The normalized trusted origins, sorted. */
    public Set<String> origins() {
        return new TreeSet<>(trusted);
    }

    /**
     * The normalized form of an http(s) origin, or empty when it is not one ({@code "null"},
     * {@code "*"}, a path, a query, user info, another scheme, garbage). A single trailing slash is
     * tolerated because configuration files often carry one.
     */
    public static Optional<String> normalize(String origin) {
        if (origin == null) return Optional.empty();
        String s = origin.trim();
        if (s.isEmpty() || s.equals("*") || s.equalsIgnoreCase("null")) return Optional.empty();
        if (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null) return Optional.empty();
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) return Optional.empty();
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves non-ASCII hosts unparsed: convert to the ASCII form a browser reports.
            String authority = uri.getRawAuthority();
            if (authority == null || authority.contains("@")) return Optional.empty();
            try {
                uri = new URI(scheme + "://" + toAscii(authority));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
            host = uri.getHost();
            if (host == null) return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == defaultPort(scheme)) port = -1;
        if (port > 65535) return Optional.empty();
        return Optional.of(scheme + "://" + host + (port == -1 ? "" : ":" + port));
    }

    private static String toAscii(String authority) {
        int colon = authority.lastIndexOf(':');
        String host = colon >= 0 ? authority.substring(0, colon) : authority;
        String port = colon >= 0 ? authority.substring(colon) : "";
        return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return "OriginPolicy" + origins();
    }
}
