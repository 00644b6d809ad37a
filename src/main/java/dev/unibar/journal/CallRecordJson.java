package dev.unibar.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * A logged call as JSON: the body of a webhook and of the local API's {@code call.logged} event
 * ({@code docs/local-api/call-record.schema.json}). Keys with no value are left out, as in events; times are
 * ISO-8601 UTC. It holds what the journal holds, so never a secret or a recording address: {@code recording}
 * only says one exists.
 */
public final class CallRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallRecordJson() {
    }

    /** @param id the record's idempotency key, the same in every delivery of it */
    public static ObjectNode of(CallRecord c, String id) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "call.logged");
        put(o, "id", id);
        o.put("vendor", c.vendor());
        o.put("callId", c.callId());
        put(o, "agent", c.agent());
        put(o, "direction", c.direction());
        parties(o, c);
        if (!c.data().isEmpty()) {
            ObjectNode d = o.putObject("data");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.data()).entrySet()) d.put(e.getKey(), e.getValue());
        }
        time(o, "ringingAt", c.ringingAt());
        time(o, "answeredAt", c.answeredAt());
        time(o, "endedAt", c.endedAt());
        time(o, "wrapUpAt", c.wrapUpAt());
        time(o, "finishedAt", c.finishedAt());
        time(o, "loggedAt", c.loggedAt());
        if (c.answeredAt() != null && c.endedAt() != null && !c.endedAt().isBefore(c.answeredAt())) {
            o.put("talkSeconds", java.time.Duration.between(c.answeredAt(), c.endedAt()).toSeconds());
        }
        o.put("holdCount", c.holdCount());
        o.put("heldSeconds", c.held().toSeconds());
        put(o, "outcome", c.endCause());
        // The common vocabulary beside the vendor's word, which receivers already read as outcome (decision 0055).
        o.put("end", c.end().word());
        put(o, "transferTarget", c.transferTarget());
        o.put("conference", c.conference());
        if (c.recorded()) o.putObject("recording").put("available", true);
        put(o, "disposition", c.disposition());
        put(o, "notes", c.notes());
        return o;
    }

    public static String text(CallRecord c, String id) {
        return of(c, id).toString();
    }

    /** from, to, queue, campaign and customer, each an object left out when it would be empty (the export's too). */
    static void parties(ObjectNode o, CallRecord c) {
        pair(o, "from", "number", c.fromNumber(), "name", c.fromName());
        pair(o, "to", "number", c.toNumber(), "name", c.toName());
        pair(o, "queue", "id", c.queueId(), "name", c.queueName());
        pair(o, "campaign", "id", c.campaignId(), "name", c.campaignName());
        ObjectNode cust = JSON.createObjectNode();
        put(cust, "name", c.customerName());
        put(cust, "number", c.customerNumber());
        put(cust, "externalId", c.customerId());
        if (!cust.isEmpty()) o.set("customer", cust);
    }

    private static void pair(ObjectNode o, String key, String ka, String a, String kb, String b) {
        ObjectNode p = JSON.createObjectNode();
        put(p, ka, a);
        put(p, kb, b);
        if (!p.isEmpty()) o.set(key, p);
    }

    private static void put(ObjectNode o, String key, String value) {
        if (value != null) o.put(key, value);
    }

    private static void time(ObjectNode o, String key, Instant t) {
        if (t != null) o.put(key, t.toString());
    }
}
