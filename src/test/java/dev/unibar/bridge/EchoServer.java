package dev.unibar.bridge;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server for the relay tests, on 127.0.0.1 and an ephemeral port. {@code /echo} echoes
 * text and binary; {@code /closer} closes with 4001 "done here" when told "close please". Records the
 * handshakes and the closes it saw.
 */
final class EchoServer extends WebSocketServer {

    record Handshake(String path, String origin, String protocol, String cookie, String userAgent) {
    }

    record Closed(String path, int code, String reason, boolean remote) {
    }

    private final List<Handshake> handshakes = new ArrayList<>();
    private final List<Closed> closes = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    EchoServer() {
        super(new InetSocketAddress("127.0.0.1", 0),
                List.<Draft>of(new Draft_6455(List.<IExtension>of(), List.<IProtocol>of(new Protocol("chat"), new Protocol("")))));
        setReuseAddr(true);
        setDaemon(true);
    }

    /** The same server over TLS with a throw-away self-signed certificate (made with the JDK's keytool). */
    static EchoServer selfSigned() throws Exception {
        Path dir = Files.createTempDirectory("unibar-tls");
        Path store = dir.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        EchoServer s = new EchoServer();
        s.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(ctx));
        Files.deleteIfExists(store);
        Files.deleteIfExists(dir);
        return s;
    }

    EchoServer begin() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("echo server did not start");
        return this;
    }

    String url(String path) {
        return "ws://127.0.0.1:" + getPort() + path;
    }

    synchronized List<Handshake> handshakes() {
        return new ArrayList<>(handshakes);
    }

    synchronized List<Closed> closes() {
        return new ArrayList<>(closes);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String protocol = conn.getProtocol() == null ? "" : conn.getProtocol().getProvidedProtocol();
        synchronized (this) {
            handshakes.add(new Handshake(handshake.getResourceDescriptor(), handshake.getFieldValue("Origin"),
                    protocol, handshake.getFieldValue("Cookie"), handshake.getFieldValue("User-Agent")));
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (this) {
            closes.add(new Closed(conn.getResourceDescriptor(), code, reason, remote));
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (conn.getResourceDescriptor().startsWith("/closer") && message.equals("close please")) {
            conn.close(4001, "done here");
        } else {
            conn.send(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // the tests look at what the page saw
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
