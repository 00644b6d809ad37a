package dev.unibar.screenpop;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.config.CustomerLookup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One customer lookup: GET the filled-in URL, read the name and picture from the JSON answer. Never
 * throws: every way it can fail is an {@link Answer} with a notice key and its arguments, never the URL
 * (it may carry a key in its query).
 */
final class LookupRequest {

    /** What a lookup gave: a name (null when none) and a picture URL, or why it failed. */
    record Answer(String name, String imageUrl, String failureKey, List<String> failureArgs) {
        static Answer failed(String key, String... args) {
            return new Answer(null, null, key, List.of(args));
        }

        boolean failed() {
            return failureKey != null;
        }
    }

    /** A CRM answer for one customer is small; more is not a customer record. */
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerLookup config;
    private final HttpClient http;

    LookupRequest(CustomerLookup config, Executor executor) {
        this.config = config;
        // No redirects: the configured host is the only one that may see call data.
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build();
    }

    CompletableFuture<Answer> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Answer.failed("lookup.unreachable", "?"));
        }
        String host = uri.getHost() == null ? "?" : uri.getHost();
        if (!CustomerLookup.allowedTarget(uri)) return CompletableFuture.completedFuture(Answer.failed("lookup.unreachable", host));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "application/json").GET();
        if (config.bearerToken() != null) b.header("Authorization", "Bearer " + config.bearerToken().reveal());
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(this::read)
                .exceptionally(e -> {
                    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return c instanceof HttpTimeoutException
                            ? Answer.failed("lookup.timeout", String.valueOf(config.timeout().toSeconds()))
                            : Answer.failed("lookup.unreachable", host);
                });
    }

    private Answer read(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404) return new Answer(null, null, null, List.of()); // no such customer: nothing to say
            if (r.statusCode() / 100 != 2) return Answer.failed("lookup.status", String.valueOf(r.statusCode()));
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            // Too large is said as such: a valid customer record of 5 MB is not "not JSON" (issue 20).
            if (body.length > MAX_BYTES) return Answer.failed("lookup.tooLarge", String.valueOf(MAX_BYTES / 1024));
            return pick(JSON.readTree(body));
        } catch (IOException e) {
            return Answer.failed("lookup.notJson");
        }
    }

    Answer pick(JsonNode root) {
        if (root == null || !root.isContainerNode()) return Answer.failed("lookup.notJson");
        String name = text(root.at(JsonPointer.compile(config.namePointer())));
        String image = text(root.at(JsonPointer.compile(config.imagePointer())));
        // A picture is shown by the vendor's page: only a web address, never javascript: or data of any size.
        if (image != null && !WebAddress.isHttp(image)) image = null;
        return new Answer(name, image, null, List.of());
    }

    private static String text(JsonNode n) {
        if (n == null || !n.isValueNode() || n.isNull()) return null;
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
