package dev.unibar.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import dev.unibar.core.model.CallEnd;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The journal as CSV (calls, one a row, for spreadsheets) and JSON ({@code {calls, agentStates}}, camelCase,
 * absent values left out as in the CONTRACT). A CSV cell that a spreadsheet would run as a formula is written
 * with a leading apostrophe: a caller's name must not become a command. Times are the agent's: in their time zone
 * with its offset, to the second ({@code 2026-03-02T15:01:07+01:00}). {@code endCause} is how the call ended in the
 * common vocabulary ({@link CallEnd}, {@code in_progress} for a call not ended yet), {@code vendorEndCause} the
 * vendor's own word (decision 0055).
 */
public final class JournalExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CSV_COLUMNS = List.of("vendor", "callId", "direction", "fromNumber", "fromName", "toNumber",
            "toName", "queueId", "queueName", "campaignId", "campaignName", "customerName", "customerNumber", "customerId",
            "ringingAt", "answeredAt", "holdCount", "heldSeconds", "endedAt", "endCause", "vendorEndCause", "wrapUpAt", "finishedAt",
            "transferTarget", "conference", "recorded", "data");

    private JournalExport() {
    }

    public static void csv(List<CallRecord> calls, Writer out) throws IOException {
        csv(calls, out, ZoneId.systemDefault());
    }

    public static void csv(List<CallRecord> calls, Writer out, ZoneId zone) throws IOException {
        out.write(String.join(",", CSV_COLUMNS));
        out.write("\r\n");
        for (CallRecord c : calls) {
            Object[] v = {c.vendor(), c.callId(), c.direction(), c.fromNumber(), c.fromName(), c.toNumber(), c.toName(),
                    c.queueId(), c.queueName(), c.campaignId(), c.campaignName(), c.customerName(), c.customerNumber(),
                    c.customerId(), time(c.ringingAt(), zone), time(c.answeredAt(), zone), c.holdCount(),
                    c.held().toMillis() / 1000.0, time(c.endedAt(), zone), c.end().word(), c.endCause(),
                    time(c.wrapUpAt(), zone), time(c.finishedAt(), zone), c.transferTarget(), c.conference(), c.recorded(),
                    c.data().isEmpty() ? null : JSON.writeValueAsString(c.data())};
            for (int i = 0; i < v.length; i++) {
                if (i > 0) out.write(',');
                out.write(cell(v[i]));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    public static void json(List<CallRecord> calls, List<AgentStateRecord> states, Writer out) throws IOException {
        json(calls, states, out, ZoneId.systemDefault());
    }

    public static void json(List<CallRecord> calls, List<AgentStateRecord> states, Writer out, ZoneId zone)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode a = root.putArray("calls");
        for (CallRecord c : calls) {
            ObjectNode n = a.addObject();
            put(n, "vendor", c.vendor());
            put(n, "callId", c.callId());
            put(n, "direction", c.direction());
            CallRecordJson.parties(n, c);
            if (!c.data().isEmpty()) {
                ObjectNode d = n.putObject("data");
                for (Map.Entry<String, String> e : c.data().entrySet()) d.put(e.getKey(), e.getValue());
            }
            put(n, "ringingAt", time(c.ringingAt(), zone));
            put(n, "answeredAt", time(c.answeredAt(), zone));
            n.put("holdCount", c.holdCount());
            n.put("heldSeconds", c.held().toMillis() / 1000.0);
            put(n, "endedAt", time(c.endedAt(), zone));
            put(n, "endCause", c.end().word());
            put(n, "vendorEndCause", c.endCause());
            put(n, "wrapUpAt", time(c.wrapUpAt(), zone));
            put(n, "finishedAt", time(c.finishedAt(), zone));
            put(n, "transferTarget", c.transferTarget());
            n.put("conference", c.conference());
            n.put("recorded", c.recorded());
        }
        ArrayNode s = root.putArray("agentStates");
        for (AgentStateRecord r : states) {
            ObjectNode n = s.addObject();
            put(n, "vendor", r.vendor());
            put(n, "at", time(r.at(), zone));
            put(n, "state", r.state());
            put(n, "reason", r.reason());
            if (r.productive() != null) n.put("productive", r.productive());
        }
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write('\n');
        out.flush();
    }

    /** The agent's local time with its offset, to the second: what a spreadsheet and a person read alike. */
    static String time(Instant t, ZoneId zone) {
        return t == null ? null : ISO_SECONDS.format(t.atZone(zone).toOffsetDateTime());
    }

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    static String cell(Object v) {
        if (v == null) return "";
        String s = v instanceof Instant t ? t.toString() : String.valueOf(v);
        // A phone number such as +420 224 123 456 is data, not a formula; anything else starting so is defused.
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)
                && !s.matches("[+-]?[0-9][0-9 ()./-]*")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static void put(ObjectNode n, String k, Object v) {
        if (v != null) n.put(k, v.toString());
    }
}
