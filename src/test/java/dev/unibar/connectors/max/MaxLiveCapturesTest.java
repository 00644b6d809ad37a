package dev.unibar.connectors.max;

import com.sun.net.httpserver.HttpServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.cli.Cli;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.Connector;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every MAX golden capture through the live path, compared with {@code unibar translate}: a real WebView
 * loads a silent MAX-origin page, the connector puts its hidden child frame in it, and each capture line is
 * posted to the child by the top window, as MAX posts to its children. What the child forwards goes through
 * the bridge, the connector and its mapper; the events must be exactly those translate gives for the file.
 */
class MaxLiveCapturesTest {

    static final Path DIR = Path.of("src/test/resources/captures/max");
    /** Posted after a file's lines: once its event arrives, every line before it has been mapped. */
    static final String END = "{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"UnibarCaptureEnd\"}]}";
    /** A MAX page that answers nothing: only the capture lines speak for MAX. */
    static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>MAX</title></head><body>"
            + "<script>window.got = 0; addEventListener('message', function (e) { if (e.source !== window) window.got++; });"
            + "</script></body></html>";

    private static HttpServer server;
    private static WebPageChannel channel;
    private static String origin;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        channel = WebPageChannel.create(new OriginPolicy(origin)).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void tearDown() {
        if (channel != null) channel.close();
        if (server != null) server.stop(0);
    }

    static Stream<String> captures() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl") && !n.endsWith(".expected.jsonl")).sorted().toList().stream();
        }
    }

    static final class Sink implements Connector.Sink {
        final List<Event> mapped = new CopyOnWriteArrayList<>();
        final List<String> malformed = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        public void events(String raw, List<Event> events) {
            if (raw == null) return; // the connector's own notices (the MAX-panel hint): not in a capture
            for (Event e : events) {
                if (e instanceof Event.VendorUnmapped u && u.name().equals("UnibarCaptureEnd")) ended = true;
                else mapped.add(e);
            }
        }

        public void connection(ConnectionStatus status) {
        }

        public void malformed(String raw, String reason) {
            malformed.add(reason);
        }
    }

    private static String call(String script) throws Exception {
        return channel.call(script).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void until(String what, java.util.concurrent.Callable<Boolean> c) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Boolean.TRUE.equals(c.call())) {
            if (System.nanoTime() > end) throw new AssertionError("timed out: " + what);
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theLivePathGivesWhatTranslateGives(String file) throws Exception {
        Sink sink = new Sink();
        MaxConfig cfg = new MaxConfig(origin + "/max/?capture=" + file, null, Duration.ofSeconds(120), null);
        MaxConnector c = new MaxConnector(cfg, new WebPage(channel, cfg::url, false));
        c.start(sink);
        try {
            // The page of this run (not the last one, still shown while this one loads) has heard the registration.
            until("the child registered with the page", () -> "1".equals(call("location.search.indexOf("
                    + MaxChildFrame.literal(file) + ") > 0 ? String(window.got || 0) : 'old page'")));
            List<String> lines = new ArrayList<>(Files.readAllLines(DIR.resolve(file)).stream().filter(l -> !l.isBlank()).toList());
            lines.add(END);
            for (String l : lines) {
                assertEquals("posted", call("(function () { var f = document.getElementById('" + MaxChildFrame.FRAME_ID + "');"
                        + " f.contentWindow.postMessage(JSON.parse(" + MaxChildFrame.literal(l) + "), '*'); return 'posted'; })()"));
            }
            until("every line mapped", () -> sink.ended);
        } finally {
            c.stop();
        }
        List<String> live = new ArrayList<>();
        for (Event e : sink.mapped) live.add(EventJson.line(e));
        assertEquals(List.of(), sink.malformed);
        assertEquals(translate(DIR.resolve(file)), live, file);
    }

    static List<String> translate(Path capture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                "Linux", "/nowhere").run(new String[]{"translate", "--vendor", "max", capture.toString()});
        assertEquals(Cli.OK, code);
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : s.lines().toList();
    }
}
