package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.config.CrmConfig;
import dev.unibar.core.Session;
import dev.unibar.crm.Dispositions;
import dev.unibar.journal.CallJournal;
import dev.unibar.testkit.ApiSchemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bar's session, journal and local API on a free port, with the clients a test needs. */
final class ApiRig implements AutoCloseable {

    static final String CRM = "https://crm.example.com";
    static final String OTHER = "https://other.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestVendor vendor;
    final Session session;
    final CallJournal journal;
    final Dispositions dispositions;
    final Pairings pairings;
    final ApiToken token;
    final LocalApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    ApiRig(Path dir, TestVendor vendor, int perSecond, List<String> codes) throws IOException {
        this(dir, vendor, perSecond, codes, List.of(CRM, OTHER));
    }

    ApiRig(Path dir, TestVendor vendor, int perSecond, List<String> codes, List<String> origins) throws IOException {
        this.vendor = vendor;
        session = new Session(vendor, Clock.systemUTC());
        journal = CallJournal.open(dir.resolve("journal.db"), null, Clock.systemUTC());
        journal.attach(session);
        dispositions = new Dispositions(session, journal,
                new CrmConfig.Dispositions(true, codes, true, 120, 200), codes);
        pairings = new Pairings(origins, dir.resolve("localapi/approved-origins.json"));
        token = ApiToken.loadOrCreate(dir.resolve("localapi/token"));
        server = new LocalApiServer(session, dispositions, pairings, token, 0, perSecond, Clock.systemUTC())
                .follow(dispositions, journal.logging()).start();
        session.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A WebSocket client that keeps every message it gets (each checked against its schema). */
    final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        volatile int closeCode = -1;
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(ApiSchemas.server(partial.toString()));
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closeCode = code;
            return null;
        }

        /** Messages a command's wait for its result went past: read before the queue. */
        final java.util.ArrayDeque<JsonNode> passed = new java.util.ArrayDeque<>();

        JsonNode next() throws InterruptedException {
            if (!passed.isEmpty()) return passed.poll();
            JsonNode m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no message from the API");
            return m;
        }

        /** The next message of this type; others before it are dropped. */
        JsonNode next(String type) throws InterruptedException {
            while (true) {
                JsonNode m = next();
                if (type.equals(m.path("type").asText())) return m;
            }
        }

        /** The next event of this event type. */
        JsonNode event(String eventType) throws InterruptedException {
            while (true) {
                JsonNode m = next("event");
                if (eventType.equals(m.path("event").path("type").asText())) return m;
            }
        }

        JsonNode command(String json) throws InterruptedException {
            JsonNode c = ApiSchemas.check("command", json);
            ws.sendText(json, true).join();
            String id = c.path("id").asText();
            java.util.List<JsonNode> skipped = new java.util.ArrayList<>();
            while (true) {
                JsonNode m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no result for command " + id);
                if ("result".equals(m.path("type").asText()) && id.equals(m.path("id").asText())) {
                    passed.addAll(skipped);
                    return m;
                }
                skipped.add(m);
            }
        }

        @Override
        public void close() {
            if (ws != null) ws.abort();
        }
    }

    Client connect(String origin, String bearer) {
        Client c = new Client();
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (origin != null) b.header("Origin", origin);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        c.ws = b.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws"), c).join();
        return c;
    }

    /** A paired page's client, its hello read. */
    Client paired(String origin) throws InterruptedException {
        pairings.approve(origin);
        Client c = connect(origin, null);
        c.next("hello");
        return c;
    }

    HttpResponse<String> post(String origin, String bearer, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/v1/commands"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) b.header("Origin", origin);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Raw HTTP/1.1 over a socket, so any Host can be sent; returns the whole answer as text. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                if (text.contains("\r\n\r\n") && complete(text)) break;
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String text) {
        int head = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, head).toLowerCase(java.util.Locale.ROOT);
        if (headers.startsWith("http/1.1 101") || headers.startsWith("http/1.1 204")) return true;
        int cl = headers.indexOf("content-length:");
        if (cl < 0) return false;
        int end = headers.indexOf("\r\n", cl);
        int len = Integer.parseInt(headers.substring(cl + 15, end < 0 ? headers.length() : end).trim());
        return text.length() - head - 4 >= len;
    }

    @Override
    public void close() {
        server.close();
        dispositions.close();
        session.stop();
        journal.close();
    }
}
