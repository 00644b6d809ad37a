package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentDesktopMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"blind-transfer", "consult-transfer", "consult-conference", "consult-cancel", "manual-call",
            "after-call-work", "agent-login", "agent-pause", "agent-logout", "chat-contact", "call-data-changed"})
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
        Event e = m.map(JSON.readTree("{\"event\":\"serviceinitiated\",\"id\":\"1\"}")).get(0);
        assertEquals("{\"type\":\"vendor.unmapped\",\"vendor\":\"agentdesktop\",\"name\":\"serviceinitiated\"}", EventJson.line(e));
        assertEquals("vendor.unmapped", m.map(JSON.readTree("{\"event\":\"AGENT:SOMETHING\"}")).get(0).type());
    }

    @Test
    void dataChangedCarriesTheContactsCallDataAsAnUpdate() throws Exception {
        AgentDesktopMapper m = new AgentDesktopMapper();
        Event e = m.map(JSON.readTree("{\"event\":\"DataChanged\",\"id\":\"7\",\"type\":\"inbound\","
                + "\"CallData\":[{\"name\":\"CUSTOMERID\",\"value\":\"12345\"},{\"name\":\"EMPTY\"}]}")).get(0);
        assertEquals("{\"type\":\"call.updated\",\"vendor\":\"agentdesktop\",\"callId\":\"7\",\"call\":{\"id\":\"7\","
                + "\"direction\":\"inbound\",\"data\":{\"CUSTOMERID\":\"12345\",\"EMPTY\":\"\"}}}", EventJson.line(e));
        assertThrows(MalformedCaptureException.class, () -> m.map(JSON.readTree("{\"event\":\"DATACHANGED\"}")));
    }

    @Test
    void aChatContactCarriesItsMediumOnEveryEventThatHasTheCall() throws Exception {
        List<Event> events = new ArrayList<>();
        AgentDesktopMapper m = new AgentDesktopMapper();
        for (String line : lines("chat-contact.jsonl")) events.addAll(m.map(JSON.readTree(line)));
        assertEquals(List.of("call.ringing", "call.connected", "call.ended", "call.wrapUp", "call.finished"),
                events.stream().map(Event::type).toList());
        assertEquals("chat", ((Event.CallRinging) events.get(0)).call().media());
        assertEquals("chat", ((Event.CallConnected) events.get(1)).call().media());
        assertFalse(((Event.CallConnected) events.get(1)).call().voice());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "'\"media_type\":\"telephony\"', -",     // the seed's value
            "'\"media_type\":\"TELEPHONY\"', -",
            "'\"media_type\":\"voice\"', -",
            "'\"media_type\":\"\"', -",
            "'\"media_type\":\"Chat\"', chat",
            "'\"media_type\":\"email\"', email",
            "'\"type\":\"inbound\"', -",             // a direction, not a medium
            "'\"type\":\"chat\"', chat",             // medium in type (lenient)
            "'\"chat_id\":\"c-1\"', chat",           // only a chat id
            "'\"chat_id\":\"\"', -"})
    void theMediumIsReadLeniently(String field, String media) throws Exception {
        Event e = new AgentDesktopMapper().map(JSON.readTree("{\"event\":\"RINGING\",\"id\":\"1\"," + field + "}")).get(0);
        assertEquals(media, ((Event.CallRinging) e).call().media(), field);
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
