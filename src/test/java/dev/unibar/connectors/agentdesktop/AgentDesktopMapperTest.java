package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentDesktopMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"blind-transfer", "consult-transfer", "consult-conference", "consult-cancel", "manual-call",
            "after-call-work", "agent-login", "agent-pause", "agent-logout"})
    void capturesGiveTheExpectedEvents(String name) throws Exception {
        AgentDesktopMapper mapper = new AgentDesktopMapper();
        List<JsonNode> got = new ArrayList<>();
        for (String line : lines(name + ".jsonl")) {
            for (Event e : mapper.map(JSON.readTree(line))) got.add(JSON.readTree(EventJson.line(e)));
        }
        List<JsonNode> want = new ArrayList<>();
        for (String line : lines(name + ".expected.jsonl")) want.add(JSON.readTree(line));
        assertEquals(want, got, name);
    }

    @Test
    void eventNamesInAnyCaseAndUnknownOnesUnmapped() throws Exception {
        AgentDesktopMapper m = new AgentDesktopMapper();
        assertEquals("call.held", m.map(JSON.readTree("{\"event\":\"Held\",\"id\":\"1\"}")).get(0).type());
        Event e = m.map(JSON.readTree("{\"event\":\"datachanged\",\"id\":\"1\"}")).get(0);
        assertEquals("{\"type\":\"vendor.unmapped\",\"vendor\":\"agentdesktop\",\"name\":\"datachanged\"}", EventJson.line(e));
        assertEquals("vendor.unmapped", m.map(JSON.readTree("{\"event\":\"AGENT:SOMETHING\"}")).get(0).type());
    }

    @Test
    void malformedLinesAreRefused() throws IOException {
        AgentDesktopMapper m = new AgentDesktopMapper();
        assertThrows(dev.unibar.connectors.MalformedCaptureException.class, () -> m.map(JSON.readTree("[1]")));
        assertThrows(dev.unibar.connectors.MalformedCaptureException.class, () -> m.map(JSON.readTree("{\"id\":\"1\"}")));
        assertThrows(dev.unibar.connectors.MalformedCaptureException.class, () -> m.map(JSON.readTree("{\"event\":\"HELD\"}")));
        assertThrows(dev.unibar.connectors.MalformedCaptureException.class, () -> m.map(JSON.readTree("{\"event\":{\"x\":1},\"id\":\"1\"}")));
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = AgentDesktopMapperTest.class.getResourceAsStream("/captures/agentdesktop/" + file)) {
            if (in == null) throw new IOException("missing " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
