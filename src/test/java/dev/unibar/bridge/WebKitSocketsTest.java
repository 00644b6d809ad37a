package dev.unibar.bridge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: in the WebView, a foreign frame's own WebSocket (WebKit's, which the relay does not replace outside the
 * vendor's documents) opened a TCP connection to any loopback port, enough to scan the agent's machine. WebKit asks
 * the JVM's proxy selector before it connects, and Unibar's refuses loopback there: no connection is ever made.
 */
class WebKitSocketsTest {

    private HostServer host;
    private HostServer foreign;
    private ServerSocketChannel listener;
    private WebPageChannel channel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxSupport.startToolkit();
    }

    @BeforeEach
    void servers() throws Exception {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        int port = listener.socket().getLocalPort();
        foreign = new HostServer();
        foreign.addPage("/scan", () -> "<!doctype html><html><body><script>"
                + "['ws://127.0.0.1:" + port + "/', 'ws://localhost:" + port + "/'].forEach(function (u) {"
                + " try { new WebSocket(u); } catch (e) { } });</script></body></html>");
        foreign.start();
        host = new HostServer();
        host.addPage("/vendor", () -> FxSupport.page("<iframe src=\"" + foreign.url("/scan") + "\"></iframe>"));
        host.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        // A refused socket reaches WebKit's didFail, whose native half this JavaFX lacks on Linux (as twkDidOpen,
        // JDK-8331765): an UnsatisfiedLinkError on the FX thread, expected here. Left in TestFX's queue it
        // would fail whichever TestFX test runs next in this JVM.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.testfx.util.WaitForAsyncUtils.clearExceptions();
        if (channel != null) channel.close();
        host.stop();
        foreign.stop();
        listener.close();
    }

    @Test
    void aForeignFramesOwnWebSocketNeverConnectsToLoopback() throws Exception {
        long before = WebKitSockets.refused();
        channel = FxSupport.channel(OriginPolicy.forHost(host, List.of()));
        channel.load(host.url("/vendor"));
        // Refused in WebKit's own thread before it makes its socket: once counted, no connection can follow.
        FxSupport.await(Duration.ofSeconds(60), "both sockets refused", () -> WebKitSockets.refused() >= before + 2);
        assertNull(listener.accept(), "no TCP connection reached the loopback port");
    }

    @Test
    void onlyLoopbackAndWildcardNamesAreRefused() {
        assertTrue(WebKitSockets.local("127.0.0.1"));
        assertTrue(WebKitSockets.local("127.8.9.10"));
        assertTrue(WebKitSockets.local("localhost"));
        assertTrue(WebKitSockets.local("[::1]"));
        assertTrue(WebKitSockets.local("0.0.0.0"));
        assertFalse(WebKitSockets.local("192.0.2.10"));
        assertEquals(false, WebKitSockets.local("vendor.invalid"), "a name that does not resolve connects nowhere anyway");
    }
}
