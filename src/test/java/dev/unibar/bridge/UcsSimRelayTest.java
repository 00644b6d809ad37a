package dev.unibar.bridge;

import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the UCS simulator's operator script, in a host page with the shim, talks to the
 * simulator over a WebSocket carried by the relay, both when forced to ('websocket') and by its own
 * choice ('auto' picks WebSocket once it sees the relay).
 */
class UcsSimRelayTest {

    private UcsSimulator sim;
    private HostServer host;
    private WebPageChannel channel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxSupport.startToolkit();
    }

    @BeforeEach
    void start() {
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        host = new HostServer();
        host.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (channel != null) {
                WebSocketRelayTest.unloadPage(channel);
                channel.close();
            }
        } finally {
            host.stop();
            sim.stop();
        }
    }

    private String js(String script) throws Exception {
        return channel.call(script).get(30, TimeUnit.SECONDS);
    }

    private void awaitCallback(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("true".equals(js("(window.ucsCallbacks || []).some(function (c) { return c.callback === '" + name + "'; })"))) return;
            Thread.sleep(25);
        }
        throw new AssertionError("no " + name + "; callbacks: " + js("JSON.stringify(window.ucsCallbacks)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "auto"})
    void theOperatorScriptConnectsThroughTheRelay(String transport) throws Exception {
        host.addPage("/crm", () -> FxSupport.page("<div id=\"app\"></div><script>"
                + "window.ucsCallbacks = [];"
                + "window.ucsOperator = { api: { hostname: '127.0.0.1', port: " + sim.port() + ", transport: '" + transport + "' },"
                + "  headless: true, withoutDevice: true };"
                + "['onError', 'onWarning', 'onConnect', 'onCredentials', 'onLoginError', 'onReady', 'onStateChange']"
                + "  .forEach(function (n) { ucsOperator[n] = function () {"
                + "    ucsCallbacks.push({ callback: n, args: Array.prototype.slice.call(arguments) }); }; });"
                + "</script><script src=\"" + sim.scriptUrl() + "\"></script>"));
        channel = FxSupport.channel(OriginPolicy.forHost(host, List.of(sim.origin())));
        channel.load(host.url("/crm"));

        awaitCallback("onCredentials");
        assertEquals("true", js("WebSocket.unibarRelay === true"));
        assertEquals(1, channel.sockets().opened(), "one WebSocket, no long-polling");
        assertEquals(true, sim.hello().get("headless"), "the hello went over the socket");

        js("ucsOperator.login('agent', 'agent', false)");
        awaitCallback("onReady");
        assertEquals("agent", sim.awaitRecorded("login", Duration.ofSeconds(5)).args().get(0));
        assertEquals("OFFLINE", js("ucsOperator.state().status"));
        if (transport.equals("websocket")) {
            // 'auto' may fall back to polling if a loaded machine takes over 3 s to open; 'websocket' may not.
            assertEquals(1, channel.sockets().openSockets());
        }
        assertTrue(channel.sockets().messagesOut() >= 2, "hello and login: " + channel.sockets().messagesOut());
        assertTrue(channel.sockets().messagesIn() >= 2, "onConnect/onCredentials and onReady: " + channel.sockets().messagesIn());
        assertEquals("false", js("ucsCallbacks.some(function (c) { return c.callback === 'onError' || c.callback === 'onWarning'; })"));
    }
}
