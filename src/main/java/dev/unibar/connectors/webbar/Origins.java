package dev.unibar.connectors.webbar;

import dev.unibar.bridge.OriginPolicy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The origin rules of a page vendor, in one place: a vendor's origin is its URL's, written as browsers write
 * {@code location.origin} (lower case, no default port: what the bridge reports and what scripts compare), and the
 * origins whose messages may reach the mapper are the configured ones plus the vendor's own.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * {@code scheme://host[:port]} of an http(s) URL, as a browser reports it.
     *
     * @throws IllegalArgumentException when the URL has no http(s) origin (the config readers refuse such URLs)
     */
    public static String of(String url) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getRawAuthority() == null) throw new IllegalArgumentException("no origin in " + url);
        return OriginPolicy.normalize(u.getScheme() + "://" + u.getRawAuthority())
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) origin: " + url));
    }

    /** True when {@code text} is an origin and nothing more (no path, query or user), in any case. */
    public static boolean isOrigin(String text) {
        return text != null && !text.endsWith("/") && OriginPolicy.normalize(text).isPresent();
    }

    /** The origins the page trusts: the configured ones, then the vendor's own (each an origin or a URL). */
    public static List<String> trusted(Collection<String> configured, String... vendorUrls) {
        List<String> out = new ArrayList<>(configured);
        for (String u : vendorUrls) out.add(of(u));
        return out;
    }
}
