package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.core.model.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget server's trust boundary and its traffic, without a browser: requests as the widget page makes them. */
class WidgetServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> widgets = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private WidgetServer server;
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = new WidgetServer(0, "https://ad.example.it", "https://ad.example.it/AD/widget/agentdesktop_widget.js",
                new WidgetServer.Listener() {
                    @Override
                    public void lines(List<String> l) {
                        lines.addAll(l);
                    }

                    @Override
                    public void widget(boolean ready, String detail) {
                        widgets.add(ready + " " + detail);
                    }
                });
        server.start();
        // What the bar's vendor panel hands the real page (decision 0037).
        token = server.token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pageIncludesTheSdkAndMayOnlyBeFramedByAgentDesktop() throws Exception {
        HttpResponse<String> page = get(WidgetServer.PAGE_PATH, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"text/javascript\" src=\"https://ad.example.it/AD/widget/agentdesktop_widget.js\">"));
        assertEquals("frame-ancestors https://ad.example.it", page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(page.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    /**
     * Issue 22: any OS user could fetch the page and read the token in it, then become the widget and ring the
     * bar. The page carries no token now; whatever a process without the vendor panel can read in it opens
     * nothing.
     */
    @Test
    void aProcessWithoutTheVendorPanelGetsNoTokenAndCannotDriveTheBar() throws Exception {
        HttpResponse<String> page = get(WidgetServer.PAGE_PATH, null);
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains(token), "the page does not carry the token");
        Matcher words = Pattern.compile("[0-9A-Za-z_-]{16,}").matcher(page.body());
        List<String> guesses = new java.util.ArrayList<>(List.of("", "null", "undefined"));
        while (words.find()) guesses.add(words.group());
        for (String guess : guesses) {
            assertEquals(401, post("/agentdesktop/status", "{\"instance\":\"evil\",\"ready\":true}", guess).statusCode(), guess);
            assertEquals(401, post("/agentdesktop/events", "{\"instance\":\"evil\",\"lines\":[\"{\\\"event\\\":\\\"RINGING\\\","
                    + "\\\"id\\\":\\\"evil-1\\\",\\\"ani\\\":\\\"6669999\\\"}\"]}", guess).statusCode(), guess);
            assertEquals(401, get("/agentdesktop/commands?instance=evil", guess).statusCode(), guess);
        }
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/agentdesktop/status"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"instance\":\"evil\",\"ready\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bare.statusCode(), "no token at all");
        assertFalse(server.widgetConnected(), "no forged instance became the widget");
        assertEquals(List.of(), widgets);
        assertEquals(List.of(), lines);

        // The real widget, with the token the panel handed it, is heard, and the forger still is not.
        assertEquals(200, post("/agentdesktop/status", "{\"instance\":\"real\",\"ready\":true}", token).statusCode());
        assertEquals(401, post("/agentdesktop/status", "{\"instance\":\"evil\",\"ready\":true}", guesses.get(guesses.size() - 1)).statusCode());
        assertEquals(List.of("true "), widgets);
    }

    @Test
    void eventsAndCommandsOnlyWithTheTokenFromTheLatestInstance() throws Exception {
        assertEquals(401, post("/agentdesktop/status", "{\"instance\":\"a\",\"ready\":true}", "wrong").statusCode());
        assertFalse(server.widgetConnected());
        CompletableFuture<Void> early = server.call("CONTACT", "Hold", List.of("1"));
        assertThrows(ExecutionException.class, () -> early.get(1, TimeUnit.SECONDS), "no widget yet");

        assertEquals(200, post("/agentdesktop/status", "{\"instance\":\"a\",\"ready\":true,\"container\":\"W\"}", token).statusCode());
        assertEquals(List.of("true W"), widgets);
        assertEquals(200, post("/agentdesktop/events", "{\"instance\":\"a\",\"lines\":[\"{\\\"event\\\":\\\"HELD\\\",\\\"id\\\":\\\"1\\\"}\"]}", token).statusCode());
        assertEquals(List.of("{\"event\":\"HELD\",\"id\":\"1\"}"), lines);

        CompletableFuture<Void> hold = server.call("CONTACT", "Hold", List.of("1"));
        JsonNode cmds = JSON.readTree(get("/agentdesktop/commands?instance=a", token).body()).get("commands");
        assertEquals("Hold", cmds.get(0).get("name").asText());
        assertEquals("[\"1\"]", cmds.get(0).get("args").toString());
        assertFalse(hold.isDone());
        post("/agentdesktop/results", "{\"instance\":\"a\",\"id\":" + cmds.get(0).get("id") + ",\"ok\":false,\"error\":\"boom\"}", token);
        ExecutionException e = assertThrows(ExecutionException.class, () -> hold.get(5, TimeUnit.SECONDS));
        // The vendor's error text stays as the SDK threw it, inside a keyed (translatable) sentence.
        Notices.Refusal refusal = assertInstanceOf(Notices.Refusal.class, e.getCause());
        assertEquals("agentdesktop.sdkCallFailed", refusal.key());
        assertEquals(List.of("CONTACT.Hold", "boom"), refusal.args());

        // A reloaded AgentDesktop page: the new instance takes over, the old one is no longer heard.
        post("/agentdesktop/status", "{\"instance\":\"b\",\"ready\":true}", token);
        assertEquals(409, post("/agentdesktop/events", "{\"instance\":\"a\",\"lines\":[\"{}\"]}", token).statusCode());
        assertEquals(409, get("/agentdesktop/commands?instance=a", token).statusCode());
        assertEquals(1, lines.size());
    }

    /**
     * Issue 22: a passing flow run printed Jetty's EofException: close() woke the widget's long-poll and stopped the
     * server under its reply. The reply is whole now, and Jetty has nothing to complain about.
     */
    @Test
    void closingAnswersTheWaitingLongPollBeforeTheConnectionsGo() throws Exception {
        List<java.util.logging.LogRecord> jetty = new CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) jetty.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.eclipse.jetty");
        log.addHandler(h);
        try {
            assertEquals(200, post("/agentdesktop/status", "{\"instance\":\"a\",\"ready\":true}", token).statusCode());
            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/agentdesktop/commands?instance=a"))
                    .header(WidgetServer.TOKEN_HEADER, token).build(), HttpResponse.BodyHandlers.ofString());
            dev.unibar.testkit.Wait.until("the long-poll waits in the server", java.time.Duration.ofSeconds(30),
                    () -> server.polling() > 0);
            server.close();
            HttpResponse<String> r = poll.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("[]", JSON.readTree(r.body()).get("commands").toString(), "a whole reply: " + r.body());
            assertEquals(List.of(), jetty.stream().map(x -> x.getMessage() + " " + x.getThrown()).toList());
        } finally {
            log.removeHandler(h);
        }
    }

    /** What makes the reply above whole: stopping waits (a bounded while) for a request still being answered. */
    @Test
    void stoppingWaitsForARequestInFlight() throws Exception {
        String body = "{\"instance\":\"a\",\"ready\":true}";
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /agentdesktop/status HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n" + WidgetServer.TOKEN_HEADER
                    + ": " + token + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 5))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            dev.unibar.testkit.Wait.until("the request is being read", java.time.Duration.ofSeconds(30), () -> server.answering() > 0);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            dev.unibar.testkit.Wait.until("the server is stopping", java.time.Duration.ofSeconds(30), () -> {
                try {
                    return get(WidgetServer.PAGE_PATH, null).statusCode() == 503;
                } catch (Exception refused) {
                    return true;
                }
            });
            out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status != null && status.contains(" 200 "), "the request in flight was answered: " + status);
            closing.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void foreignOriginsAndHostsAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/agentdesktop/status"))
                .header("Origin", "https://evil.example").header(WidgetServer.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"instance\":\"x\",\"ready\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertFalse(server.widgetConnected());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + WidgetServer.PAGE_PATH + " HTTP/1.1\r\nHost: rebind.example:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 421 "), "DNS rebinding is refused: " + status);
        }
    }

    @Test
    void theHttpsPageAnswersOnlyItsOwnHttpsOrigin() throws Exception {
        LoopbackCertificate cert = LoopbackCertificate.create(Instant.now());
        WidgetServer tls = new WidgetServer(0, 0, cert, "https://ad.example.it", "https://ad.example.it/AD/widget/agentdesktop_widget.js",
                new WidgetServer.Listener() {
                    @Override
                    public void lines(List<String> l) {
                    }

                    @Override
                    public void widget(boolean ready, String detail) {
                        widgets.add("tls " + ready);
                    }
                });
        tls.start();
        try {
            String uri = tls.widgetUri();
            assertTrue(uri.startsWith("https://127.0.0.1:"), uri);
            assertTrue(tls.httpWidgetUri().startsWith("http://127.0.0.1:"), "the http page stays for browsers");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("own", cert.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ctx).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertFalse(page.body().contains(tls.token()), "the https page carries no token either");
            String httpsOrigin = uri.substring(0, uri.indexOf(WidgetServer.PAGE_PATH));
            String status = uri.replace(WidgetServer.PAGE_PATH, "/agentdesktop/status");
            for (String origin : List.of(httpsOrigin.replace("https:", "http:"), "https://127.0.0.1:" + tls.port())) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(status)).header("Origin", origin)
                        .header(WidgetServer.TOKEN_HEADER, tls.token())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"instance\":\"x\",\"ready\":true}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, r.statusCode(), origin + " is not the https page's origin");
                assertEquals("close", r.headers().firstValue("Connection").orElse(""), "the refused socket is not reused");
            }
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(status)).header("Origin", httpsOrigin)
                    .header(WidgetServer.TOKEN_HEADER, tls.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instance\":\"x\",\"ready\":true}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(List.of("tls true"), widgets);
            // A client that does not trust this installation's certificate cannot talk to the page.
            assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()));
        } finally {
            tls.close();
        }
    }

    private HttpResponse<String> get(String path, String tok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (tok != null) b.header(WidgetServer.TOKEN_HEADER, tok);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String tok) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header(WidgetServer.TOKEN_HEADER, tok).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
