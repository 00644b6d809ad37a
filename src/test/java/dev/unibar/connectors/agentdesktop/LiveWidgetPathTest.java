package dev.unibar.connectors.agentdesktop;

import dev.unibar.cli.Cli;
import dev.unibar.connectors.agentdesktop.sim.HeadlessWidget;
import dev.unibar.json.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * "The live widget path and translate give the same events", for every golden capture: each capture's
 * lines go, one callback at a time, through the widget server's HTTP (as widget.html forwards them) into a
 * running connector, and what the connector reports for them must equal {@code unibar translate} of the
 * same file, line for line, with the data strings unchanged. (The browser half, the page forwarding the
 * SDK's strings unchanged, is asserted by AgentDesktopEndToEndTest against the simulator.)
 */
class LiveWidgetPathTest {

    static final Path DIR = Path.of("src/test/resources/captures/agentdesktop");

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".jsonl") && !p.toString().endsWith(".expected.jsonl"))
                    .sorted().toList();
            assertFalse(list.isEmpty(), "no captures in " + DIR);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void theLiveWidgetPathGivesWhatTranslateGives(Path capture) throws Exception {
        List<String> lines = Files.readAllLines(capture).stream().filter(l -> !l.isBlank()).toList();
        AgentDesktopConfig cfg = new AgentDesktopConfig("http://127.0.0.1:9/AD/", 0, AgentDesktopConfig.methods(Map.of()),
                null, null, null, List.of(), List.of());
        AgentDesktopConnector connector = new AgentDesktopConnector(cfg, null, new AgentDesktopMapper(), uri -> { });
        RecordingSink sink = new RecordingSink();
        connector.start(sink);
        try (HeadlessWidget widget = new HeadlessWidget(null, connector.widgetUri(), connector.widgetToken())) {
            for (String l : lines) widget.forward(List.of(l));
        } finally {
            connector.stop();
        }
        // Each forward returned after the widget server handed its line to the connector: nothing is in flight.
        assertEquals(lines, sink.raws, "the connector got each data string unchanged");
        assertEquals(List.of(), sink.malformed);
        List<String> live = sink.lineEvents.stream().map(EventJson::line).toList();
        assertEquals(translate(capture), live, capture.getFileName() + ": live path against translate");
    }

    private static List<String> translate(Path capture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux", "/nowhere")
                .run(new String[]{"translate", "--vendor", AgentDesktopMapper.VENDOR, capture.toString()});
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : s.lines().toList();
    }
}
