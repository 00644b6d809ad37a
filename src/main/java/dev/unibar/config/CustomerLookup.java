package dev.unibar.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code customerLookup:} section: a URL template (the screen-pop call fields, URL-encoded) answered with
 * JSON, and where in that JSON the customer's name and picture are. The bar sends what it finds to vendors
 * that take a contact card (MAX's ContactCardData).
 *
 * @param url          the template; https, or http to a loopback address only
 * @param namePointer  a JSON pointer to the name (default {@code /name})
 * @param imagePointer a JSON pointer to a picture URL (default {@code /imageUrl})
 * @param timeout      the whole request, connection included
 * @param on           {@code ringing} or {@code connected}: when the lookup is made
 * @param bearerToken  sent as {@code Authorization: Bearer}; null for none; never logged
 */
public record CustomerLookup(String url, String namePointer, String imagePointer, Duration timeout, String on,
                             Secret bearerToken) {

    public static final String NAME = "/name";
    public static final String IMAGE = "/imageUrl";
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public CustomerLookup {
        namePointer = namePointer == null ? NAME : namePointer;
        imagePointer = imagePointer == null ? IMAGE : imagePointer;
        timeout = timeout == null ? TIMEOUT : timeout;
        on = on == null ? "ringing" : on;
    }

    /** Call data travels in the URL: only over TLS, or to this machine. */
    public static boolean allowedTarget(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        return scheme.equals("https") && !host.isEmpty() || scheme.equals("http") && LOOPBACK.contains(host);
    }

    /** Null when the file has no {@code customerLookup:} section or it has no url. */
    static CustomerLookup read(ConfigSection top) throws ConfigException {
        ConfigSection s = top.section("customerLookup");
        if (s == null) return null;
        s.only("url", "name", "imageUrl", "timeoutSeconds", "on", "bearerToken");
        String url = s.text("url");
        if (url == null) return null;
        FeaturesConfig.checkTemplate(s, url);
        if (!allowedTarget(URI.create(url.replaceAll("\\{[^{}]*}", "x")))) {
            throw s.error("url", "call data goes only to https, or to http://127.0.0.1 / localhost, got \"" + url + "\"");
        }
        Integer t = s.integer("timeoutSeconds", 1, 30);
        return new CustomerLookup(url, pointer(s, "name"), pointer(s, "imageUrl"),
                t == null ? null : Duration.ofSeconds(t), s.oneOf("on", "ringing", "connected"), s.secret("bearerToken"));
    }

    private static String pointer(ConfigSection s, String key) throws ConfigException {
        String p = s.text(key);
        if (p != null && !p.startsWith("/")) throw s.error(key, "expected a JSON pointer such as /customer/name, got \"" + p + "\"");
        return p;
    }
}
