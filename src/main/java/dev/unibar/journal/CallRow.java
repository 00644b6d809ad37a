package dev.unibar.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.CallEnd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of {@code calls} while an event is folded into it: read, changed in Java, written back. */
final class CallRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] COLUMNS = {"direction", "from_number", "from_name", "to_number", "to_name", "queue_id",
            "queue_name", "campaign_id", "campaign_name", "customer_name", "customer_number", "customer_id", "data",
            "first_seen", "ringing_at", "answered_at", "hold_count", "held_ms", "held_since", "last_hold_at", "ended_at", "end_cause",
            "wrap_up_at", "finished_at", "transfer_target", "conference", "recorded", "disposition", "notes", "logged_at", "agent",
            "vendor_end"};

    final String vendor;
    final String callId;
    String direction, fromNumber, fromName, toNumber, toName, queueId, queueName, campaignId, campaignName;
    String customerName, customerNumber, customerId, endCause, transferTarget, disposition, notes, agent;
    Map<String, String> data = new LinkedHashMap<>();
    Instant firstSeen, ringingAt, answeredAt, heldSince, lastHoldAt, endedAt, wrapUpAt, finishedAt, loggedAt;
    int holdCount;
    long heldMs;
    boolean conference, recorded;
    /** What the vendor's end cause said in the common vocabulary ({@link CallEnd#fromCause}), or null. */
    CallEnd vendorEnd;

    CallRow(String vendor, String callId, Instant firstSeen) {
        this.vendor = vendor;
        this.callId = callId;
        this.firstSeen = firstSeen;
    }

    /** A later snapshot wins field by field, as in the bar's state. */
    void merge(Call c) {
        if (c == null) return;
        if (c.direction() != null) direction = c.direction().wire();
        if (c.from() != null) {
            fromNumber = or(c.from().number(), fromNumber);
            fromName = or(c.from().name(), fromName);
        }
        if (c.to() != null) {
            toNumber = or(c.to().number(), toNumber);
            toName = or(c.to().name(), toName);
        }
        if (c.queue() != null) {
            queueId = or(c.queue().id(), queueId);
            queueName = or(c.queue().name(), queueName);
        }
        if (c.campaign() != null) {
            campaignId = or(c.campaign().id(), campaignId);
            campaignName = or(c.campaign().name(), campaignName);
        }
        if (c.customer() != null) {
            customerName = or(c.customer().name(), customerName);
            customerNumber = or(c.customer().number(), customerNumber);
            customerId = or(c.customer().externalId(), customerId);
        }
        data.putAll(c.data());
    }

    /**
     * A hold that began at or before the last one counted is a replay (a vendor repeating the call after a
     * reconnect, the bar restarting): it is not counted again.
     */
    boolean startHold(Instant at) {
        if (heldSince != null || lastHoldAt != null && !at.isAfter(lastHoldAt)) return false;
        heldSince = at;
        lastHoldAt = at;
        holdCount++;
        return true;
    }

    /** Ends the open hold, unless {@code at} is before it began (a replayed event from before the hold). */
    void endHold(Instant at) {
        if (heldSince == null || at.isBefore(heldSince)) return;
        heldMs += Math.max(0, Duration.between(heldSince, at).toMillis());
        heldSince = null;
    }

    static CallRow load(Connection db, String vendor, String callId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM calls WHERE vendor = ? AND call_id = ?")) {
            p.setString(1, vendor);
            p.setString(2, callId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return null;
                CallRow row = new CallRow(vendor, callId, time(r, "first_seen"));
                row.direction = r.getString("direction");
                row.fromNumber = r.getString("from_number");
                row.fromName = r.getString("from_name");
                row.toNumber = r.getString("to_number");
                row.toName = r.getString("to_name");
                row.queueId = r.getString("queue_id");
                row.queueName = r.getString("queue_name");
                row.campaignId = r.getString("campaign_id");
                row.campaignName = r.getString("campaign_name");
                row.customerName = r.getString("customer_name");
                row.customerNumber = r.getString("customer_number");
                row.customerId = r.getString("customer_id");
                row.data = new LinkedHashMap<>(data(r.getString("data")));
                row.ringingAt = time(r, "ringing_at");
                row.answeredAt = time(r, "answered_at");
                row.holdCount = r.getInt("hold_count");
                row.heldMs = r.getLong("held_ms");
                row.heldSince = time(r, "held_since");
                row.lastHoldAt = time(r, "last_hold_at");
                row.endedAt = time(r, "ended_at");
                row.endCause = r.getString("end_cause");
                row.wrapUpAt = time(r, "wrap_up_at");
                row.finishedAt = time(r, "finished_at");
                row.transferTarget = r.getString("transfer_target");
                row.conference = r.getInt("conference") == 1;
                row.recorded = r.getInt("recorded") == 1;
                row.disposition = r.getString("disposition");
                row.notes = r.getString("notes");
                row.loggedAt = time(r, "logged_at");
                row.agent = r.getString("agent");
                row.vendorEnd = end(r);
                return row;
            }
        }
    }

    void save(Connection db, boolean insert) throws SQLException {
        String sql;
        if (insert) {
            sql = "INSERT INTO calls(" + String.join(", ", COLUMNS) + ", vendor, call_id) VALUES ("
                    + "?, ".repeat(COLUMNS.length) + "?, ?)";
        } else {
            sql = "UPDATE calls SET " + String.join(" = ?, ", COLUMNS) + " = ? WHERE vendor = ? AND call_id = ?";
        }
        try (PreparedStatement p = db.prepareStatement(sql)) {
            Object[] v = {direction, fromNumber, fromName, toNumber, toName, queueId, queueName, campaignId, campaignName,
                    customerName, customerNumber, customerId, json(data), text(firstSeen), text(ringingAt),
                    text(answeredAt), holdCount, heldMs, text(heldSince), text(lastHoldAt), text(endedAt), endCause, text(wrapUpAt),
                    text(finishedAt), transferTarget, conference ? 1 : 0, recorded ? 1 : 0, disposition, notes, text(loggedAt), agent,
                    vendorEnd == null ? null : vendorEnd.name(), vendor, callId};
            for (int i = 0; i < v.length; i++) p.setObject(i + 1, v[i]);
            p.executeUpdate();
        }
    }

    static CallRecord record(ResultSet r) throws SQLException {
        return new CallRecord(r.getString("vendor"), r.getString("call_id"), r.getString("direction"),
                r.getString("from_number"), r.getString("from_name"), r.getString("to_number"), r.getString("to_name"),
                r.getString("queue_id"), r.getString("queue_name"), r.getString("campaign_id"), r.getString("campaign_name"),
                r.getString("customer_name"), r.getString("customer_number"), r.getString("customer_id"),
                data(r.getString("data")), time(r, "first_seen"), time(r, "ringing_at"), time(r, "answered_at"),
                r.getInt("hold_count"), Duration.ofMillis(r.getLong("held_ms")), time(r, "ended_at"), r.getString("end_cause"),
                time(r, "wrap_up_at"), time(r, "finished_at"), r.getString("transfer_target"), r.getInt("conference") == 1,
                r.getInt("recorded") == 1, r.getString("disposition"), r.getString("notes"), time(r, "logged_at"),
                r.getString("agent"), end(r));
    }

    /** A name this version does not know (a journal written by a newer one) reads as no word from the vendor. */
    private static CallEnd end(ResultSet r) throws SQLException {
        String s = r.getString("vendor_end");
        if (s == null) return null;
        try {
            return CallEnd.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant time(ResultSet r, String col) throws SQLException {
        String s = r.getString(col);
        return s == null ? null : Instant.parse(s);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    /** The row's {@code data} column: the call data as a JSON object, null when there is none. */
    static String json(Map<String, String> data) {
        try {
            return data.isEmpty() ? null : JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Map<String, String> data(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
