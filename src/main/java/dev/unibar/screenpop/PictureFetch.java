package dev.unibar.screenpop;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a customer's picture that a lookup named: http or https only, no redirects, an image content type,
 * at most {@link #MAX_BYTES}. What fails completes with null and is logged once, without the address's query
 * (it may carry a token); the bar then simply shows no picture.
 */
public final class PictureFetch {

    private static final System.Logger LOG = System.getLogger(PictureFetch.class.getName());
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PictureFetch() {
    }

    /** The picture's bytes, or null (not http(s), not an image, too large, unreachable). Never fails. */
    public static CompletableFuture<byte[]> fetch(String address) {
        URI uri;
        try {
            uri = URI.create(address.trim());
        } catch (RuntimeException e) {
            return failed("not an address", null);
        }
        if (!WebAddress.isHttp(address.trim()) || uri.getHost() == null) return failed("not http(s)", uri);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "image/*").GET().build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(r -> read(r, uri))
                .exceptionally(e -> {
                    log(uri, e.getCause() != null ? e.getCause().toString() : e.toString());
                    return null;
                });
    }

    private static byte[] read(HttpResponse<InputStream> r, URI uri) {
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) return log(uri, "HTTP " + r.statusCode());
            String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("image/")) return log(uri, "not an image: " + type);
            if (r.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_BYTES) return log(uri, "larger than 2 MB");
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            return body.length > MAX_BYTES ? log(uri, "larger than 2 MB") : body;
        } catch (java.io.IOException e) {
            return log(uri, e.toString());
        }
    }

    private static CompletableFuture<byte[]> failed(String why, URI uri) {
        log(uri, why);
        return CompletableFuture.completedFuture(null);
    }

    /** Logs without the query and fragment, which may carry a token; returns null for the caller's convenience. */
    static byte[] log(URI uri, String why) {
        String where = uri == null ? "(unreadable address)"
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + nz(uri.getRawPath());
        LOG.log(System.Logger.Level.WARNING, "customer picture not shown (" + why + "): " + where);
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
