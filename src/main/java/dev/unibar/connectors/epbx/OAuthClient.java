package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.Payloads;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The EPBX OAuth endpoint ({@code {serviceBase}oauth2/Token}): password and refresh grants. Nothing it
 * throws or prints carries the password or a token; refusals carry the server's
 * {@code error_description}.
 */
public final class OAuthClient {

    /** What the token endpoint handed out. toString never shows the tokens. */
    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresInSeconds + "s, refresh=" + (refreshToken != null) + "]";
        }
    }

    /** The server answered and said no (400/401): wrong password, refresh token revoked or expired. */
    public static final class RefusedException extends EpbxFailure {
        private final String error;

        /** The server's {@code error_description} (else its {@code error} code), as it wrote it. */
        public RefusedException(String error, String description) {
            super(description != null ? description : error != null ? error : "refused");
            this.error = error;
        }

        /** A refusal the server did not word (no JSON, or no description and no code): our sentence, keyed. */
        RefusedException(int status) {
            super("epbx.loginRefusedHttp", List.of(String.valueOf(status)));
            this.error = null;
        }

        /** The OAuth error code, e.g. {@code invalid_grant}. */
        public String error() {
            return error;
        }
    }

    private final HttpClient http;
    private final URI tokenUri;
    private final String clientId;

    public OAuthClient(HttpClient http, String serviceBase, String tokenPath, String clientId) {
        this.http = http;
        String base = serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        String path = tokenPath == null || tokenPath.isBlank() ? "oauth2/Token" : tokenPath.replaceFirst("^/", "");
        this.tokenUri = URI.create(base + path);
        this.clientId = clientId;
    }

    public Tokens password(String username, String password) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        if (clientId != null) form.put("client_id", clientId);
        return post(form);
    }

    public Tokens refresh(String refreshToken) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (clientId != null) form.put("client_id", clientId);
        return post(form);
    }

    private Tokens post(Map<String, String> form) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v == null ? "" : v)));
        HttpRequest req = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // JDK messages name the host at most, never the form body; keep only the kind of failure.
            throw EpbxFailure.keyed("epbx.loginUnreachable", e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
        JsonNode json = null;
        try {
            json = Payloads.JSON.readTree(resp.body());
        } catch (IOException ignored) {
            // not JSON: judged by status below
        }
        int status = resp.statusCode();
        if (status >= 400 && status < 500) {
            if (json == null) throw new RefusedException(status);
            String error = Payloads.text(json, "error");
            String description = Payloads.text(json, "error_description");
            if (error == null && description == null) throw new RefusedException(status);
            throw new RefusedException(error, description);
        }
        if (status != 200 || json == null) {
            throw EpbxFailure.keyed("epbx.loginHttp", status);
        }
        String access = Payloads.text(json, "access_token");
        if (access == null) throw EpbxFailure.keyed("epbx.loginNoToken");
        Integer expires = Payloads.integer(json, "expires_in");
        return new Tokens(access, Payloads.text(json, "refresh_token"), expires == null ? 600 : expires);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
