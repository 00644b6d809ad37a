package dev.unibar.bridge.browser;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The port transport's own facts (the channel's behaviour over it is {@link BrowserPageChannelTest}'s and the
 * end-to-end suites'): how {@code DevToolsActivePort} is read, which platform picks it, and what its port
 * exposes — web pages are refused, local processes are not (docs/decisions/0020-browser-port-transport.md).
 */
class PortTransportTest {

    private BrowserPageChannel page;
    private HostServer host;

    @AfterEach
    void close() {
        if (page != null) page.close();
        if (host != null) host.stop();
    }

    @Test
    void readsThePortAndBrowserPathAndNothingHalfWritten() {
        assertEquals(Optional.of(new PortTransport.Endpoint(41234, "/devtools/browser/0f1e2d3c-aaaa-4bbb-8ccc-123456789abc")),
                PortTransport.parse("41234\n/devtools/browser/0f1e2d3c-aaaa-4bbb-8ccc-123456789abc\n"));
        assertEquals(Optional.of(new PortTransport.Endpoint(9222, "/devtools/browser/0F1E2D3C-AAAA-4BBB-8CCC-123456789ABC")),
                PortTransport.parse("9222\r\n/devtools/browser/0F1E2D3C-AAAA-4BBB-8CCC-123456789ABC"), "Windows line ends");
        assertEquals(Optional.empty(), PortTransport.parse("41234\n/devtools/browser/0f1e2d3c-aaaa-4bbb"), "half written");
        assertEquals(Optional.empty(), PortTransport.parse(""));
        assertEquals(Optional.empty(), PortTransport.parse("41234\n"), "the path not written yet");
        assertEquals(Optional.empty(), PortTransport.parse("0\n/devtools/browser/x"));
        assertEquals(Optional.empty(), PortTransport.parse("70000\n/devtools/browser/x"));
        assertEquals(Optional.empty(), PortTransport.parse("41234\n/devtools/page/x"), "only the browser endpoint");
        assertEquals(Optional.empty(), PortTransport.parse("41234\n/devtools/browser/x?y=1@evil"));
    }

    @Test
    void windowsGetsThePortEverywhereElseThePipe() {
        assertEquals(BrowserOptions.Transport.PORT, BrowserOptions.Transport.forOs("Windows 11"));
        assertEquals(BrowserOptions.Transport.PIPE, BrowserOptions.Transport.forOs("Linux"));
        assertEquals(BrowserOptions.Transport.PIPE, BrowserOptions.Transport.forOs("Mac OS X"));
    }

    @Test
    void thePortRefusesWebPagesButNotLocalProcesses() throws Exception {
        host = new HostServer();
        host.addPage("/p", () -> "<!doctype html><script src=\"/unibar/shim.js\"></script><script>unibar.capture({p: 1});</script>");
        host.start();
        BrowserOptions options = Browsers.headless("port").transport(BrowserOptions.Transport.PORT);
        page = new BrowserPageChannel(OriginPolicy.forHost(host, List.of()), options);
        page.load(host.url("/p"));
        Wait.until("the page spoke over the port", Duration.ofSeconds(90), () -> page.pipeline().batches() > 0);

        Path profile = options.profileDir();
        if (Files.getFileStore(profile).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                    Files.getPosixFilePermissions(profile), "the port file lives in a folder only the user can read");
        }
        PortTransport.Endpoint e = PortTransport.parse(Files.readString(profile.resolve(PortTransport.ACTIVE_PORT_FILE),
                StandardCharsets.UTF_8)).orElseThrow();
        WebSocket.Listener quiet = new WebSocket.Listener() { };

        // A web page's WebSocket always carries its Origin: the browser refuses it (no --remote-allow-origins).
        ExecutionException refused = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://evil.example").buildAsync(e.uri(), quiet).get(30, TimeUnit.SECONDS));
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());

        // The documented cost: another local process, without an Origin, gets in while Unibar is connected.
        // Should a later Chromium refuse it, this fails and 0020 must be updated.
        WebSocket second = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(e.uri(), quiet).get(30, TimeUnit.SECONDS);
        second.abort();
        assertEquals(BrowserPageChannel.WindowState.OPEN, page.state(), "Unibar's own connection is untouched");
    }
}
