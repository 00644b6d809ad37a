package dev.unibar.connectors.agentdesktop;

import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures what decision 0010 relies on: an https AgentDesktop page in Unibar's WebView does NOT load
 * a widget frame from http://127.0.0.1 or http://localhost (WebKit here blocks it as mixed content,
 * unlike Chromium, which treats loopback as potentially trustworthy), while an https loopback frame
 * whose certificate the JVM trusts loads and can call its own server. If JavaFX changes, this fails.
 */
class MixedContentProbeTest {

    /**
     * The WebView's HTTPS client takes the JVM's default SSLContext once, at the first page any WebView
     * loads: in the suite another WebView test always went first, so the probe runs in a JVM of its own.
     */
    @Test
    void httpsPageEmbedsALoopbackHttpWidgetInTheWebView() throws Exception {
        ChildJvm.Result r = ChildJvm.run(MixedContentProbeTest.class, 180);
        String log = String.join("\n", r.lines());
        assertEquals(0, r.exit(), log);
        assertTrue(r.lines().contains("OK frames requested: [https /widget-https null, https /hit-https]"), log);
    }

    public static void main(String[] args) {
        int code = 1;
        try {
            Platform.startup(() -> { });
            probe(Files.createTempDirectory("unibar-mixed-content"));
            code = 0;
        } catch (Throwable t) {
            System.out.println("FAIL " + t);
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    static void probe(Path dir) throws Exception {
        Path ks = dir.resolve("probe.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "probe", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "probepass").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());

        List<String> hits = new CopyOnWriteArrayList<>();
        Server http = server(null, (path, origin) -> {
            hits.add(path + " " + origin);
            return path.startsWith("/widget")
                    ? "<!doctype html><script>fetch('/hit" + path.substring(7) + "',{method:'POST',body:'x'});</script>"
                    : "ok";
        });
        int httpPort = ((ServerConnector) http.getConnectors()[0]).getLocalPort();
        int[] httpsPortBox = new int[1];
        Server https = server(ks, (path, origin) -> {
            if (path.startsWith("/widget")) {
                hits.add("https " + path + " " + origin);
                return "<!doctype html><script>fetch('/hit-https',{method:'POST',body:'x'});</script>";
            }
            if (path.startsWith("/hit")) {
                hits.add("https " + path + " " + origin);
                return "ok";
            }
            return "<!doctype html><h1>AD</h1><iframe src=\"http://127.0.0.1:" + httpPort + "/widget-ip\"></iframe>"
                    + "<iframe src=\"http://localhost:" + httpPort + "/widget-localhost\"></iframe>"
                    + "<iframe src=\"https://127.0.0.1:" + httpsPortBox[0] + "/widget-https\"></iframe>";
        });
        int httpsPort = ((ServerConnector) https.getConnectors()[0]).getLocalPort();
        httpsPortBox[0] = httpsPort;

        SSLSocketFactory oldFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        SSLContext oldDefault = SSLContext.getDefault();
        HostnameVerifier oldVerifier = HttpsURLConnection.getDefaultHostnameVerifier();
        try {
            HttpsURLConnection.setDefaultSSLSocketFactory(trusting(ks).getSocketFactory());
            SSLContext.setDefault(trusting(ks));
            CompletableFuture<Worker.State> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                WebView view = new WebView();
                view.getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
                    if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED) done.complete(now);
                });
                view.getEngine().load("https://127.0.0.1:" + httpsPort + "/AD/");
                hold = view;
            });
            assertEquals(Worker.State.SUCCEEDED, done.get(30, TimeUnit.SECONDS), "the https page loaded");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hits.size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(1500); // time for the two http frames to be requested, were they allowed
            // Measured on JavaFX 21.0.x: http://127.0.0.1 and http://localhost frames in an https page are
            // never requested (mixed content blocked); an https loopback frame with a trusted certificate is.
            assertEquals(List.of("https /widget-https null", "https /hit-https https://127.0.0.1:" + httpsPort), hits);
            System.out.println("OK frames requested: " + hits.toString().replace(" https://127.0.0.1:" + httpsPort, ""));
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(oldFactory);
            HttpsURLConnection.setDefaultHostnameVerifier(oldVerifier);
            SSLContext.setDefault(oldDefault);
            Platform.runLater(() -> {
                if (hold != null) hold.getEngine().load("about:blank");
            });
            http.stop();
            https.stop();
        }
    }

    private static WebView hold;

    interface Page {
        String body(String path, String origin);
    }

    private static Server server(Path keystore, Page page) throws Exception {
        Server s = new Server();
        ServerConnector c;
        if (keystore == null) {
            c = new ServerConnector(s);
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toString());
            ssl.setKeyStorePassword("probepass");
            ssl.setKeyStoreType("PKCS12");
            HttpConfiguration cfg = new HttpConfiguration();
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false);
            cfg.addCustomizer(src);
            c = new ServerConnector(s, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(cfg));
        }
        c.setHost("127.0.0.1");
        s.addConnector(c);
        s.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String body = page.body(Request.getPathInContext(request), request.getHeaders().get(HttpHeader.ORIGIN));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        s.start();
        return s;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "probepass".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "probepass".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
