package dev.unibar.connectors.max;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import dev.unibar.connectors.MalformedCaptureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MaxMapperTest {

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = MaxMapperTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) out.add(l);
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"registration-ack-first", "registration-ack-last", "registration-error", "inbound", "outbound",
            "consult-transfer", "conference", "remote-logoff", "unavailable-codes", "popurl", "unknown", "mask-record-acw", "clear-contact"})
    void goldenCapture(String name) throws Exception {
        MaxMapper m = new MaxMapper();
        List<JsonNode> got = new ArrayList<>();
        for (String l : lines("/captures/max/" + name + ".jsonl")) {
            for (Event e : m.mapLine(l)) got.add(EventJson.MAPPER.readTree(EventJson.line(e)));
        }
        List<JsonNode> want = new ArrayList<>();
        for (String l : lines("/captures/max/" + name + ".expected.jsonl")) want.add(EventJson.MAPPER.readTree(l));
        assertEquals(want, got);
    }

    @Test
    void theSessionTokenNeverBecomesAnEvent() throws Exception {
        List<Event> out = new MaxMapper().mapLine("{\"issuer\":\"MAX\",\"contactId\":null,\"events\":[{\"messageType\":\"SessionInfo\",\"sessionToken\":\"s3cr3t==\"}]}");
        assertTrue(out.isEmpty());
    }

    @Test
    void wrongShapesAreMalformedButOtherSendersAreIgnored() throws Exception {
        MaxMapper m = new MaxMapper();
        assertThrows(MalformedCaptureException.class, () -> m.mapLine("{\"issuer\":\"MAX\",\"events\":{}}"));
        assertThrows(MalformedCaptureException.class, () -> m.mapLine("{\"issuer\":\"MAX\",\"events\":[3]}"));
        assertThrows(MalformedCaptureException.class, () -> m.mapLine("{\"issuer\":\"CXA\",\"events\":[{\"Type\":\"CallContactEvent\",\"Status\":\"Active\"}]}"));
        assertThrows(MalformedCaptureException.class, () -> m.mapLine("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"AgentState\"}]}"));
        assertThrows(MalformedCaptureException.class, () -> m.mapLine("[1]"));
        assertTrue(m.mapLine("{\"issuer\":\"Unibar\",\"messageType\":\"HoldEvent\"}").isEmpty());
        assertTrue(m.mapLine("{\"messageType\":\"HoldEvent\"}").isEmpty());
        assertTrue(m.mapLine("{\"issuer\":\"MAXX\",\"events\":[]}").isEmpty());
    }

    @Test
    void muteWithoutACallIsStillSeen() throws Exception {
        List<Event> out = new MaxMapper().mapLine("{\"issuer\":\"MAX\",\"events\":[{\"Type\":\"Mute\",\"AgentMuted\":\"True\"}]}");
        assertEquals("vendor.unmapped", out.get(0).type());
    }
}
