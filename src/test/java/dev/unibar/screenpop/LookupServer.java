package dev.unibar.screenpop;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A CRM stand-in on 127.0.0.1 for lookup tests: answers every GET with the status and body set, records each request. */
public final class LookupServer implements AutoCloseable {

    /** One request as it arrived: the raw path and query, and the Authorization header. */
    public record Hit(String uri, String authorization) {
    }

    private final HttpServer server;
    public final List<Hit> hits = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile String body = "{}";
    public volatile Map<String, String> headers = Map.of();
    /** Counted down to release requests held back (a server that does not answer in time). */
    public volatile CountDownLatch hold = new CountDownLatch(0);

    public LookupServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.add(new Hit(ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
                    : "?" + ex.getRequestURI().getRawQuery()), ex.getRequestHeaders().getFirst("Authorization")));
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            } catch (IOException ignored) {
                // the client gave up (time-out tests)
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lookup-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }
}
