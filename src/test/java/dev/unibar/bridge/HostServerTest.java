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
        HttpResponse<String> first = page("/bar");
        assertEquals(200, first.statusCode());
        assertEquals("<p>é 1</p>", first.body());
        assertEquals("text/html; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("<p>é 2</p>", page("/bar").body());
        assertTrue(server.url("/bar").matches(java.util.regex.Pattern.quote(server.origin()) + "/p/[A-Za-z0-9_-]{24}/bar"), server.url("/bar"));
        assertTrue(server.origin().matches("http://127\\.0\\.0\\.1:\\d+"), server.origin());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Another user of the machine finds the port by scanning, but not the page: its path has this run's secret. */
    @Test
    void aPageIsOnlyAtThisRunsAddress() throws Exception {
        server.addPage("/evolux.html", () -> "<iframe src=\"https://evolux.example/phone?auth=secret\"></iframe>");
        assertEquals(200, page("/evolux.html").statusCode());
        assertEquals(404, get("/evolux.html").statusCode());
        assertEquals(404, get("/p/evolux.html").statusCode());
        assertEquals(404, get("/p/x/evolux.html").statusCode());
        HostServer other = new HostServer();
        other.start();
        try {
            other.addPage("/evolux.html", () -> "x");
            assertTrue(!other.url("/evolux.html").substring(other.origin().length())
                    .equals(server.url("/evolux.html").substring(server.origin().length())), "a prefix per run");
        } finally {
            other.stop();
        }
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

    /** java.net.http sets Host itself: speak HTTP/1.1 by hand to choose it. */
    private int rawStatus(String path, String host, String origin) throws IOException {
        int port = URI.create(server.origin()).getPort();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void refusesHostNamesThatAreNotLoopbackAndForeignOrigins() throws Exception {
        server.addPage("/bar", () -> "<p>caller 603987654</p>");
        int port = URI.create(server.origin()).getPort();
        String bar = URI.create(server.url("/bar")).getPath();
        assertEquals(200, rawStatus(bar, "127.0.0.1:" + port, null));
        assertEquals(200, rawStatus(bar, "localhost:" + port, null));
        assertEquals(421, rawStatus(bar, "rebind.evil.example:" + port, null), "DNS rebinding");
        assertEquals(421, rawStatus(bar, "127.0.0.1:" + (port + 1), null));
        assertEquals(200, rawStatus(bar, "127.0.0.1:" + port, server.origin()));
        assertEquals(403, rawStatus(bar, "127.0.0.1:" + port, "https://evil.example"));
        assertEquals(403, rawStatus(bar, "127.0.0.1:" + port, "null"));
        server.allowOrigin("https://bar.vendor.example");
        assertEquals(200, rawStatus("/unibar/shim.js", "127.0.0.1:" + port, "https://bar.vendor.example"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/bar")))
                .header("Origin", server.origin()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS at all");
    }
}
