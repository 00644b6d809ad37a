package dev.unibar.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.PauseReason;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes normalized events as CONTRACT.md lines: camelCase keys, absent values left out (never null),
 * ids and numbers as strings, times as ISO-8601 UTC. The translate command, the inspector and its
 * export all go through here so they cannot drift apart.
 */
public final class EventJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    public static String line(Event e) {
        return toNode(e).toString();
    }

    public static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    public static ObjectNode toNode(Event e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", e.type());
        put(n, "vendor", e.vendor());
        if (e.at() != null) n.put("at", time(e.at()));
        if (e instanceof Event.CallEvent ce) put(n, "callId", ce.callId());

        if (e instanceof Event.SessionError x) {
            put(n, "message", x.message());
            put(n, "code", x.code());
        } else if (e instanceof Event.DeviceSelectionRequired x) {
            if (x.devices() != null) {
                ArrayNode a = n.putArray("devices");
                for (Device d : x.devices()) a.add(device(d));
            }
        } else if (e instanceof Event.DevicePaired x) {
            if (x.device() != null) n.set("device", device(x.device()));
        } else if (e instanceof Event.AgentLoggedIn x) {
            if (x.agent() != null) n.set("agent", agent(x.agent()));
        } else if (e instanceof Event.AgentLoggedOut x) {
            if (x.agent() != null) n.set("agent", agent(x.agent()));
        } else if (e instanceof Event.AgentStateChanged x) {
            n.put("state", x.state().name());
            put(n, "reason", x.reason());
            if (x.productive() != null) n.put("productive", x.productive());
            if (x.maxDurationSeconds() != null) n.put("maxDurationSeconds", x.maxDurationSeconds());
        } else if (e instanceof Event.PauseReasons x) {
            ArrayNode a = n.putArray("reasons");
            for (PauseReason r : x.reasons()) {
                ObjectNode o = a.addObject();
                put(o, "id", r.id());
                put(o, "label", r.label());
                if (r.productive() != null) o.put("productive", r.productive());
            }
        } else if (e instanceof Event.CallRinging x) {
            if (x.call() != null) n.set("call", call(x.call()));
        } else if (e instanceof Event.CallDialing x) {
            if (x.call() != null) n.set("call", call(x.call()));
        } else if (e instanceof Event.CallConnected x) {
            if (x.call() != null) n.set("call", call(x.call()));
        } else if (e instanceof Event.CallUpdated x) {
            if (x.call() != null) n.set("call", call(x.call()));
        } else if (e instanceof Event.CallTransferred x) {
            put(n, "target", x.target());
        } else if (e instanceof Event.CallEnded x) {
            put(n, "cause", x.cause());
        } else if (e instanceof Event.CallRecording x) {
            put(n, "url", x.url());
        } else if (e instanceof Event.QueueWaiting x) {
            n.put("count", x.count());
        } else if (e instanceof Event.CallParticipant x) {
            if (x.participant() != null) {
                ObjectNode p = n.putObject("participant");
                put(p, "id", x.participant().id());
                put(p, "number", x.participant().number());
                put(p, "state", x.participant().state());
            }
        } else if (e instanceof Event.QueueCallWaiting x) {
            put(n, "callId", x.callId());
            if (x.call() != null) n.set("call", call(x.call()));
        } else if (e instanceof Event.QueueCallLeft x) {
            put(n, "callId", x.callId());
        } else if (e instanceof Event.AgentFollowMe x) {
            n.put("active", x.active());
            if (!x.numbers().isEmpty()) {
                ArrayNode a = n.putArray("numbers");
                x.numbers().forEach(a::add);
            }
        } else if (e instanceof Event.Notice x) {
            n.put("level", x.level().wire());
            put(n, "message", x.message());
        } else if (e instanceof Event.VendorUnmapped x) {
            put(n, "name", x.name());
        }
        return n;
    }

    public static ObjectNode call(Call c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", c.id());
        if (c.direction() != null) n.put("direction", c.direction().wire());
        if (c.from() != null) party(n, "from", c.from().number(), c.from().name());
        if (c.to() != null) party(n, "to", c.to().number(), c.to().name());
        if (c.queue() != null) {
            ObjectNode q = MAPPER.createObjectNode();
            put(q, "id", c.queue().id());
            put(q, "name", c.queue().name());
            put(q, "number", c.queue().number());
            if (!q.isEmpty()) n.set("queue", q);
        }
        if (c.campaign() != null) {
            ObjectNode q = MAPPER.createObjectNode();
            put(q, "id", c.campaign().id());
            put(q, "name", c.campaign().name());
            if (!q.isEmpty()) n.set("campaign", q);
        }
        if (c.customer() != null) {
            ObjectNode q = MAPPER.createObjectNode();
            put(q, "name", c.customer().name());
            put(q, "number", c.customer().number());
            put(q, "externalId", c.customer().externalId());
            if (!q.isEmpty()) n.set("customer", q);
        }
        if (c.media() != null) n.put("media", c.media());
        if (!c.data().isEmpty()) {
            ObjectNode d = n.putObject("data");
            for (Map.Entry<String, String> en : c.data().entrySet()) put(d, en.getKey(), en.getValue());
        }
        if (c.manual() != null) n.put("manual", c.manual());
        return n;
    }

    private static void party(ObjectNode parent, String key, String number, String name) {
        ObjectNode p = MAPPER.createObjectNode();
        put(p, "number", number);
        put(p, "name", name);
        if (!p.isEmpty()) parent.set(key, p);
    }

    private static ObjectNode device(Device d) {
        ObjectNode o = MAPPER.createObjectNode();
        put(o, "id", d.id());
        put(o, "name", d.name());
        return o;
    }

    private static ObjectNode agent(Agent a) {
        ObjectNode o = MAPPER.createObjectNode();
        put(o, "id", a.id());
        put(o, "name", a.name());
        put(o, "login", a.login());
        put(o, "extension", a.extension());
        put(o, "email", a.email());
        return o;
    }

    private static void put(ObjectNode n, String k, String v) {
        if (v != null) n.put(k, v);
    }
}
