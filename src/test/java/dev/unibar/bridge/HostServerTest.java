package dev.unibar.bridge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostServerTest {

    private final HostServer server = new HostServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.origin() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesDynamicPagesFreshEveryTime() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.addPage("/bar", () -> "<p>é " + n.incrementAndGet() + "</p>");
        HttpResponse<String> first = get("/bar");
        assertEquals(200, first.statusCode());
        assertEquals("<p>é 1</p>", first.body());
        assertEquals("text/html; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("<p>é 2</p>", get("/bar").body());
        assertEquals(server.origin() + "/bar", server.url("/bar"));
        assertTrue(server.origin().matches("http://127\\.0\\.0\\.1:\\d+"), server.origin());
    }

    @Test
    void servesTheShim() throws Exception {
        HttpResponse<String> shim = get("/unibar/shim.js");
        assertEquals(200, shim.statusCode());
        assertTrue(shim.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(shim.body().contains("window.unibar ="), "the shim itself");
    }

    @Test
    void anythingElseIs404() throws Exception {
        server.addPage("/bar", () -> "x");
        for (String path : new String[] {"/", "/nope", "/bar/", "/unibar/", "/unibar/missing.js",
                "/unibar/HostServer.class", "/unibar/../bridge/shim.js", "/unibar/sub/shim.js", "/dev/unibar/bridge/shim.js"}) {
            assertEquals(404, get(path).statusCode(), path);
        }
        // Jetty refuses an encoded traversal outright (400) before it reaches the handler.
        int encoded = get("/unibar/%2e%2e/bridge/shim.js").statusCode();
        assertTrue(encoded == 400 || encoded == 404, "encoded traversal: " + encoded);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url("/bar")))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void bindsLoopbackOnly() throws Exception {
        int port = URI.create(server.origin()).getPort();
        InetAddress external = null;
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) external = a;
            }
        }
        if (external == null) return; // no non-loopback address on this machine: nothing to prove
        InetAddress target = external;
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target, port), 2000);
            }
        });
    }

    @Test
    void reservedAndRelativePathsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> server.addPage("/unibar/x.html", () -> ""));
        assertThrows(IllegalArgumentException.class, () -> server.addPage("bar", () -> ""));
    }
}
