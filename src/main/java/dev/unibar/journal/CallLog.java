package dev.unibar.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When a call is finished for the CRM, and what that writes (decision 0042): the call's row gets
 * {@code logged_at} and its record is frozen into one outbox row per webhook, inside the transaction that
 * finished it, so a kill either loses both or keeps both. A call is finished when the vendor closes it
 * ({@code call.finished}), when the agent leaves after-call work, when its disposition is saved outside
 * after-call work, or, ended with neither, after the configured wait.
 */
final class CallLog {

    /** After-call work nobody ever ended (a bar closed in wrap-up, a vendor that never said): logged after this. */
    static final Duration STUCK_WRAP_UP = Duration.ofHours(24);
    /** How long after its end after-call work may still begin (UCS and EPBX report it in a message of its own). */
    static final Duration SETTLE = Duration.ofSeconds(5);

    /** One call just logged: its record and the key every delivery of it carries. */
    record Logged(CallRecord record, String key) {
    }

    private CallLog() {
    }

    /** Logs {@code row} (already saved) unless it was; adds it to {@code out}. */
    static void log(Connection db, CallRow row, List<String> destinations, Instant now, List<Logged> out)
            throws SQLException {
        if (row.loggedAt != null) return;
        row.loggedAt = now;
        row.save(db, false);
        CallRecord record = CallJournal.single(db, row.vendor, row.callId);
        String key = UUID.randomUUID().toString();
        String payload = CallRecordJson.text(record, key);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO outbox(destination, idempotency_key, vendor, call_id,"
                + " created_at, payload, next_at, retry_since) VALUES (?,?,?,?,?,?,?,?)")) {
            for (String d : destinations) {
                p.setString(1, d);
                p.setString(2, key);
                p.setString(3, row.vendor);
                p.setString(4, row.callId);
                p.setString(5, now.toString());
                p.setString(6, payload);
                p.setString(7, now.toString());
                p.setString(8, now.toString());
                p.executeUpdate();
            }
        }
        out.add(new Logged(record, key));
    }

    /** The agent left after-call work: every call that was in it is finished. */
    static void wrapUpDone(Connection db, String vendor, List<String> destinations, Instant now, List<Logged> out)
            throws SQLException {
        for (CallRow row : rows(db, "SELECT vendor, call_id FROM calls WHERE vendor = ? AND ended_at IS NOT NULL"
                + " AND wrap_up_at IS NOT NULL AND logged_at IS NULL", vendor, null)) {
            log(db, row, destinations, now, out);
        }
    }

    /**
     * Calls that ended outside after-call work more than {@code wait} ago, and after-call work stuck for a day:
     * finished now. What a restart finds of a bar killed between a call's end and its logging is logged here too.
     */
    static void due(Connection db, Duration wait, List<String> destinations, Instant now, List<Logged> out)
            throws SQLException {
        List<CallRow> due = new ArrayList<>();
        // A call whose disposition came before its end waits only for after-call work that may still begin.
        Duration settle = wait.compareTo(SETTLE) < 0 ? wait : SETTLE;
        due.addAll(rows(db, "SELECT vendor, call_id FROM calls WHERE logged_at IS NULL AND ended_at IS NOT NULL"
                + " AND wrap_up_at IS NULL AND (ended_at <= ? OR disposition IS NOT NULL AND ended_at <= ?)"
                + " ORDER BY ended_at, id", now.minus(wait).toString(), now.minus(settle).toString()));
        due.addAll(rows(db, "SELECT vendor, call_id FROM calls WHERE logged_at IS NULL AND wrap_up_at IS NOT NULL"
                + " AND wrap_up_at <= ? ORDER BY wrap_up_at, id", now.minus(STUCK_WRAP_UP).toString(), null));
        for (CallRow row : due) log(db, row, destinations, now, out);
    }

    /** True when an ended call waits to be logged (the sweep has work). */
    static boolean anyWaiting(Connection db) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT 1 FROM calls WHERE logged_at IS NULL AND ended_at IS NOT NULL LIMIT 1");
             ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    private static List<CallRow> rows(Connection db, String sql, String arg, String arg2) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, arg);
            if (arg2 != null) p.setString(2, arg2);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) keys.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        List<CallRow> out = new ArrayList<>();
        for (String[] k : keys) {
            CallRow row = CallRow.load(db, k[0], k[1]);
            if (row != null) out.add(row);
        }
        return out;
    }
}
