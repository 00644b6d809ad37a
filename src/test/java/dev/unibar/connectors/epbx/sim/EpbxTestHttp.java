package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Plain HTTP helpers for the simulator tests. */
final class EpbxTestHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String CONNECTION_DATA = "[{\"name\":\"atendimentohub\"}]";

    private EpbxTestHttp() {
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One retry: after a simulated restart the client's pooled keep-alive connection is dead. */
    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        }
    }

    static HttpResponse<String> post(String url, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> form(EpbxSimulator sim, String body) throws IOException, InterruptedException {
        return post(sim.serviceBase() + "oauth2/Token", "application/x-www-form-urlencoded", body);
    }

    /** Logs in over HTTP like a client does and returns the whole token reply. */
    static JsonNode login(EpbxSimulator sim, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = form(sim, "grant_type=password&username=" + enc(user) + "&password=" + enc(password)
                + "&client_id=unibar");
        if (r.statusCode() != 200) throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    static String token(EpbxSimulator sim) throws IOException, InterruptedException {
        return login(sim, "agent", "agent").get("access_token").asText();
    }

    static JsonNode scenario(EpbxSimulator sim, String name, String jsonBody) throws IOException, InterruptedException {
        HttpResponse<String> r = post(sim.controlUrl("scenario/" + name), "application/json", jsonBody);
        if (r.statusCode() / 100 != 2) throw new AssertionError("scenario " + name + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    /** Polls {@code condition} until true or the timeout; fails with {@code what}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        dev.unibar.testkit.Wait.until(what, timeout, condition);
    }
}
