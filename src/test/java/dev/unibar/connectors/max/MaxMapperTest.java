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
            "consult-transfer", "conference", "remote-logoff", "unavailable-codes", "popurl", "unknown", "mask-record-acw", "clear-contact",
            "missed-call"})
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
    private static String contact(String id, String status, String finalState, String code) {
        return "{\"Type\":\"CallContactEvent\",\"ContactID\":\"" + id + "\",\"Status\":\"" + status
                + "\",\"FinalState\":\"" + finalState + "\",\"DisconnectCode\":\"" + code + "\",\"IsInbound\":\"True\"}";
    }

    private static String batch(String... events) {
        return "{\"issuer\":\"MAX\",\"contactId\":null,\"events\":[" + String.join(",", events) + "]}";
    }

    private static List<String> causes(List<Event> events) {
        return events.stream().filter(e -> e instanceof Event.CallEnded).map(e -> ((Event.CallEnded) e).callId() + "="
                + ((Event.CallEnded) e).cause()).toList();
    }

    private static MaxMapper inConference() throws Exception {
        MaxMapper m = new MaxMapper();
        m.mapLine(batch(contact("1", "Joined", "False", ""), contact("2", "Joined", "False", "")));
        return m;
    }

    /** MAX ends every joined contact at once when the agent leaves; one that ends alone is a party hanging up. */
    @Test
    void onlyTheAgentLeavingTheWholeConferenceIsConferencedAway() throws Exception {
        assertEquals(List.of("1=conferenced_away", "2=conferenced_away"), causes(inConference().mapLine(batch(
                contact("1", "Disconnected", "False", ""), contact("2", "Disconnected", "False", "None")))));

        MaxMapper m = inConference();
        assertEquals(List.of("1=None"), causes(m.mapLine(batch(contact("1", "Disconnected", "False", "None")))),
                "the caller hangs up: the conference goes on without them");
        assertEquals(List.of("2=null"), causes(m.mapLine(batch(contact("2", "Disconnected", "False", "")))),
                "then the agent ends a two-party call");

        assertEquals(List.of("1=Transferred", "2=conferenced_away"), causes(inConference().mapLine(batch(
                contact("1", "Disconnected", "False", "Transferred"), contact("2", "Disconnected", "False", "")))),
                "a code that says more is MAX's word");
    }
}
