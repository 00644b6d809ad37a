package dev.unibar.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's outbox as the webhook sender sees it (decision 0042): per receiver, the oldest record not yet
 * delivered comes first, and the next waits for it, so a receiver gets one agent's calls in the order they were
 * finished. A record still failing a day after its first try is dead: it no longer holds the line, and support
 * can send it again. Every method commits on its own, under the journal's lock.
 */
public final class Outbox {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    /** One record for one receiver. {@code retrySince}: when the current run of tries began. */
    public record Item(long id, String destination, String key, String vendor, String callId, Instant createdAt,
                       String payload, String state, int attempts, Instant nextAt, String lastError,
                       Instant deliveredAt, Instant retrySince) {
    }

    /** How a receiver's line stands: waiting (pending) records, dead ones, and the last error while failing. */
    public record Status(String destination, int pending, int dead, int attempts, String lastError) {
        public boolean failing() {
            return lastError != null && pending > 0;
        }
    }

    private final CallJournal journal;

    Outbox(CallJournal journal) {
        this.journal = journal;
    }

    /** The oldest pending record for {@code destination}, due or not. */
    public Optional<Item> head(String destination) {
        synchronized (journal) {
            List<Item> l = query("SELECT * FROM outbox WHERE destination = ? AND state = 'pending' ORDER BY id LIMIT 1",
                    destination);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    public void delivered(long id, Instant at) {
        update("UPDATE outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = ?", at.toString(), id);
    }

    /** A failed try: counted, and tried again at {@code nextAt}. */
    public void failed(long id, String error, Instant nextAt) {
        update("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE id = ? AND state = 'pending'",
                error, nextAt.toString(), id);
    }

    /** Given up on (a day of failures): kept for support, out of the line. */
    public void dead(long id, String error) {
        update("UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    /** Puts dead records back in the line, to be sent at once, in their original order; returns how many. */
    public int resendDead(Instant now) {
        int n = update("UPDATE outbox SET state = 'pending', next_at = ?, retry_since = ? WHERE state = 'dead'",
                now.toString(), now.toString());
        journal.logging().outboxChanged();
        return n;
    }

    public List<Item> dead() {
        synchronized (journal) {
            return query("SELECT * FROM outbox WHERE state = 'dead' ORDER BY id", null);
        }
    }

    public List<Item> all() {
        synchronized (journal) {
            return query("SELECT * FROM outbox ORDER BY id", null);
        }
    }

    public Status status(String destination) {
        synchronized (journal) {
            int pending = 0;
            int dead = 0;
            int attempts = 0;
            String error = null;
            try (PreparedStatement p = journal.db().prepareStatement("SELECT state, count(*) FROM outbox WHERE destination = ?"
                    + " AND state != 'delivered' GROUP BY state")) {
                p.setString(1, destination);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        if (PENDING.equals(r.getString(1))) pending = r.getInt(2);
                        else dead = r.getInt(2);
                    }
                }
                Optional<Item> head = head(destination);
                if (head.isPresent()) {
                    attempts = head.get().attempts();
                    error = head.get().lastError();
                }
            } catch (SQLException e) {
                journal.readFailed(e);
            }
            return new Status(destination, pending, dead, attempts, error);
        }
    }

    private int update(String sql, Object... args) {
        synchronized (journal) {
            try (PreparedStatement p = journal.db().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
                return p.executeUpdate();
            } catch (SQLException e) {
                journal.readFailed(e);
                return 0;
            }
        }
    }

    private List<Item> query(String sql, String arg) {
        List<Item> out = new ArrayList<>();
        Connection db = journal.db();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            if (arg != null) p.setString(1, arg);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Item(r.getLong("id"), r.getString("destination"), r.getString("idempotency_key"),
                            r.getString("vendor"), r.getString("call_id"), time(r, "created_at"), r.getString("payload"),
                            r.getString("state"), r.getInt("attempts"), time(r, "next_at"), r.getString("last_error"),
                            time(r, "delivered_at"), time(r, "retry_since")));
                }
            }
        } catch (SQLException e) {
            journal.readFailed(e);
        }
        return out;
    }

    private static Instant time(ResultSet r, String col) throws SQLException {
        String s = r.getString(col);
        return s == null ? null : Instant.parse(s);
    }
}
