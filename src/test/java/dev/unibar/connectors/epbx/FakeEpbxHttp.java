package dev.unibar.connectors.epbx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The EPBX HTTP side for tests: the OAuth token endpoint and recording downloads. */
final class FakeEpbxHttp implements AutoCloseable {

    static final String USER = "maria";
    static final String PASSWORD = "pw-Segredo-991";
    static final byte[] MP3 = {(byte) 0xFF, (byte) 0xFB, 0x10, 0x44, 1, 2, 3};

    final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    final List<Long> refreshNanos = new CopyOnWriteArrayList<>();
    final List<String> downloads = new CopyOnWriteArrayList<>();
    final AtomicInteger issued = new AtomicInteger();
    volatile int expiresIn = 600;
    volatile boolean refreshAllowed = true;
    volatile String currentAccess;
    /** REST Api/IntegracaoRamal replies (null = 204) and the paths asked, in order. */
    volatile String intervaloAtual;
    volatile String chamadaAtiva;
    final List<String> restPaths = new CopyOnWriteArrayList<>();
    /** When set, REST replies wait for it: a test can push hub events while the view is being read. */
    volatile java.util.concurrent.CountDownLatch restGate;

    private final HttpServer server;

    FakeEpbxHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/Service/oauth2/Token", this::token);
        server.createContext("/Service/api/Ligacao/Download/", this::download);
        server.createContext("/Service/api/IntegracaoRamal/", this::integracaoRamal);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/Service/";
    }

    static Map<String, String> form(String s) {
        Map<String, String> m = new HashMap<>();
        if (s == null || s.isEmpty()) return m;
        for (String kv : s.split("&")) {
            int i = kv.indexOf('=');
            m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenForms.add(f);
        String grant = f.get("grant_type");
        if ("password".equals(grant)) {
            if (!USER.equals(f.get("username")) || !PASSWORD.equals(f.get("password"))) {
                send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Usuário ou senha inválidos\"}");
                return;
            }
        } else if ("refresh_token".equals(grant)) {
            refreshNanos.add(System.nanoTime());
            if (!refreshAllowed || !("RT-" + issued.get()).equals(f.get("refresh_token"))) {
                send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revogado\"}");
                return;
            }
        } else {
            send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        int n = issued.incrementAndGet();
        currentAccess = "AT-secret-" + n;
        send(ex, 200, "{\"access_token\":\"" + currentAccess + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn + ",\"refresh_token\":\"RT-" + n + "\"}");
    }

    private void integracaoRamal(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        restPaths.add(path.substring(path.lastIndexOf('/') + 1));
        java.util.concurrent.CountDownLatch gate = restGate;
        try {
            if (gate != null) gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String body = path.endsWith("IntervaloAtual") ? intervaloAtual : path.endsWith("ChamadaAtiva") ? chamadaAtiva : null;
        send(ex, body == null ? 204 : 200, body == null ? "" : body);
    }

    private void download(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getRawQuery();
        downloads.add(ex.getRequestURI().getPath() + "?" + q);
        Map<String, String> p = form(q);
        if (!"bearer".equals(p.get("token_type")) || currentAccess == null || !currentAccess.equals(p.get("access_token"))) {
            send(ex, 401, "");
            return;
        }
        if (!ex.getRequestURI().getPath().endsWith("/G-1")) {
            send(ex, 404, "");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "audio/mpeg");
        ex.sendResponseHeaders(200, MP3.length);
        ex.getResponseBody().write(MP3);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
