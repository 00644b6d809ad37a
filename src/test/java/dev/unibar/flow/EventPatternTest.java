package dev.unibar.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventPatternTest {

    private static JsonNode json(String s) throws Exception {
        return EventJson.MAPPER.readTree(s);
    }

    private static EventPattern p(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return new EventPattern(1, m);
    }

    @Test
    void keysLeftOutMayBeAnythingAndGivenOnesMustMatch() throws Exception {
        JsonNode e = json("{\"type\":\"call.ringing\",\"callId\":\"7\",\"call\":{\"id\":\"7\",\"from\":{\"number\":\"777\"}}}");
        Map<String, String> b = new HashMap<>();
        assertNull(p("type", "call.ringing").match(e, b));
        assertNull(p("call", Map.of("from", Map.of("number", "777"))).match(e, b));
        assertEquals("call.from.number: expected \"778\", got \"777\"",
                p("call", Map.of("from", Map.of("number", "778"))).match(e, b).toString());
        assertEquals("call.queue: missing (expected {id: 1})", p("call", Map.of("queue", Map.of("id", "1"))).match(e, b).toString());
    }

    @Test
    void variablesBindOnceAndMustAgreeAfterwards() throws Exception {
        Map<String, String> b = new HashMap<>();
        assertNull(p("callId", "$call").match(json("{\"callId\":\"a\"}"), b));
        assertEquals(Map.of("call", "a"), b);
        assertEquals("callId: expected $call = \"a\", got \"b\"", p("callId", "$call").match(json("{\"callId\":\"b\"}"), b).toString());
        // A failed match binds nothing.
        assertEquals("x: expected \"1\", got \"2\"", p("other", "$o", "x", "1").match(json("{\"other\":\"z\",\"x\":\"2\"}"), b).toString());
        assertEquals(Map.of("call", "a"), b);
    }

    @Test
    void regexWildcardAbsenceAndLists() throws Exception {
        Map<String, String> b = new HashMap<>();
        JsonNode e = json("{\"type\":\"call.ended\",\"url\":\"http://h/x/42\",\"list\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"count\":3,\"ok\":true}");
        assertNull(p("url", "/http://h/x/\\d+/").match(e, b));
        assertEquals("url: expected to match /x/, got \"http://h/x/42\"", p("url", "/x/").match(e, b).toString());
        assertNull(p("url", "*").match(e, b));
        assertNull(p("cause", null).match(e, b));
        assertEquals("url: expected absent, got \"http://h/x/42\"", p("url", null).match(e, b).toString());
        assertNull(p("list", List.of(Map.of("id", "1"), Map.of("id", "2"))).match(e, b));
        assertEquals("list: expected 1 items, got 2: [{\"id\":\"1\"},{\"id\":\"2\"}]", p("list", List.of(Map.of("id", "1"))).match(e, b).toString());
        assertNull(p("count", "3", "ok", true).match(e, b), "numbers and booleans compare as their text");
    }
}
