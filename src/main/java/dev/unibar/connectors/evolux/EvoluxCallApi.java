package dev.unibar.connectors.evolux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.config.Secret;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Notices;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Evolux's click-to-call ({@code POST /api/v1/call}, header {@code token}, form {@code from}/{@code to}:
 * docs/vendors/evolux.md S3). The token goes into the header and nowhere else: not into a message, an
 * exception or a log line.
 */
final class EvoluxCallApi {

    private static final System.Logger LOG = System.getLogger(EvoluxCallApi.class.getName());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final Secret token;

    EvoluxCallApi(String apiBase, Secret token) {
        this.endpoint = URI.create(apiBase + "/api/v1/call");
        this.token = token;
    }

    /** Evolux's answer when {@code from} is not a logged-in agent (docs/simulators/evolux.md: wording guessed). */
    private static final java.util.regex.Pattern NOT_LOGGED_IN = java.util.regex.Pattern.compile("Agent .* is not logged in\\.?");

    CompletionStage<Void> call(String from, String to) {
        String body = "from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(15))
                .header("token", token.reveal())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .handle((resp, err) -> {
                    if (err != null) {
                        LOG.log(System.Logger.Level.WARNING, "Evolux click-to-call could not reach " + endpoint + ": "
                                + err.getClass().getSimpleName());
                        throw new Notices.Refusal("evolux.apiUnreachable", endpoint.getHost());
                    }
                    String message = meta(resp.body());
                    LOG.log(System.Logger.Level.INFO, "Evolux click-to-call: HTTP " + resp.statusCode()
                            + (message == null ? "" : " " + message));
                    if (resp.statusCode() / 100 != 2) {
                        if (message != null && NOT_LOGGED_IN.matcher(message).matches()) {
                            throw Notices.Refusal.known(message, "vendor.notLoggedIn");
                        }
                        // Whatever Evolux words it (assumed "Invalid token."), a 401 says the token was refused.
                        if (resp.statusCode() == 401) {
                            throw Notices.Refusal.known(message != null ? message : "HTTP 401", "evolux.tokenRefused");
                        }
                        throw new Notices.Refusal("evolux.callRefused", message != null ? message : "HTTP " + resp.statusCode());
                    }
                    return (Void) null;
                });
    }

    /** {@code meta.message} of Evolux's answer, cleaned of the token in case a server ever echoes it. */
    private String meta(String body) {
        try {
            JsonNode n = Payloads.JSON.readTree(body);
            String m = Payloads.text(n.path("meta"), "message");
            return m == null ? null : m.replace(token.reveal(), "******");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
