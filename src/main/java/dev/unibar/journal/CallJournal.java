package dev.unibar.journal;

import dev.unibar.core.Session;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The durable call journal (docs/decisions/0015-journal-store.md): every call and agent-state change a session
 * sees, in an SQLite file in WAL mode, committed event by event before the connector moves on, so that killing
 * the bar loses at most the event in flight. One row a call ({@code UNIQUE(vendor, call_id)}): a vendor that
 * repeats a call after a reconnect, or a restart that replays it, updates that row and never adds a second.
 * Only normalized events are read, so no vendor payload, secret or recording address can reach the file.
 */
public final class CallJournal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CallJournal.class.getName());
    /** How many recent calls listeners are handed after each change. */
    public static final int RECENT = 500;

    private final Connection db;
    private final Clock clock;
    private final Duration retention;
    private final List<Consumer<List<CallRecord>>> listeners = new CopyOnWriteArrayList<>();
    private Instant lastPurge = Instant.EPOCH;
    private long failures;
    private final Outbox outbox = new Outbox(this);
    private final CallLogging logging = new CallLogging(this);
    /** The agent the vendor last reported logged in; written on the calls that follow. */
    private volatile String agent;
    /** Each vendor's end causes in the common vocabulary (VendorModule.endCauses), by vendor id. */
    private volatile Map<String, Map<String, CallEnd>> endCauses = Map.of();

    private CallJournal(Connection db, Clock clock, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Opens (or creates, readable by its owner only) the journal at {@code file} and deletes what is older than
     * {@code retention} (null keeps everything).
     */
    public static CallJournal open(Path file, Duration retention, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                // Customer names and numbers are personal data: only the agent's account may read them.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the user's profile folder permissions.
            }
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode: a commit is in the WAL (the OS holds it) before the connector continues, so
                // killing the bar loses nothing committed; only a power cut may lose the last commits (decision 0015).
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute(Schema.CALLS);
                s.execute(Schema.CALLS_STARTED);
                s.execute(Schema.STATES);
                Schema.migrate(c);
            }
            CallJournal j = new CallJournal(c, clock, retention);
            j.purge();
            return j;
        } catch (SQLException e) {
            throw new IOException("cannot open the call journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The vendors' end-cause tables (id → cause → end), read for each call that ends from now on. */
    public void endCauses(Map<String, Map<String, CallEnd>> tables) {
        endCauses = Map.copyOf(tables);
    }

    /** Records what the session's connector reports, from now until the returned handle is closed. */
    public AutoCloseable attach(Session session) {
        Consumer<InspectorEntry> l = e -> {
            if (e.kind() == InspectorEntry.Kind.MAPPED && !e.events().isEmpty()) record(e.events());
        };
        session.inspector().subscribe(l);
        return () -> session.inspector().unsubscribe(l);
    }

    /** Called with the newest {@link #RECENT} calls after every change, on the thread that made it. */
    public void subscribe(Consumer<List<CallRecord>> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<List<CallRecord>> listener) {
        listeners.remove(listener);
    }

    /**
     * Folds one vendor message's events into the journal in one transaction. A database failure is logged
     * (once per kind) and counted, never thrown at the connector: the bar keeps working without its journal.
     */
    public void record(List<? extends Event> events) {
        boolean changed;
        List<CallLog.Logged> logged = new ArrayList<>();
        synchronized (this) {
            try {
                db.setAutoCommit(false);
                changed = false;
                for (Event e : events) changed |= apply(e, logged);
                db.commit();
            } catch (SQLException ex) {
                rollback();
                if (failures++ == 0) LOG.log(System.Logger.Level.WARNING, "Call journal write failed: " + ex.getMessage());
                return;
            } finally {
                autoCommit();
            }
            if (clock.instant().isAfter(lastPurge.plus(Duration.ofHours(24)))) purge();
        }
        logging.announce(logged);
        if (changed && !listeners.isEmpty()) {
            List<CallRecord> recent = recent(RECENT);
            for (Consumer<List<CallRecord>> l : listeners) l.accept(recent);
        }
    }

    private boolean apply(Event e, List<CallLog.Logged> logged) throws SQLException {
        Instant at = e.at() != null ? e.at() : clock.instant();
        if (e instanceof Event.AgentLoggedIn in && in.agent() != null) {
            agent = in.agent().login() != null ? in.agent().login() : in.agent().id();
            return false;
        }
        if (e instanceof Event.AgentStateChanged s) {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO agent_states(vendor, at, state, reason, productive) VALUES (?,?,?,?,?)")) {
                p.setString(1, s.vendor());
                p.setString(2, at.toString());
                p.setString(3, s.state().name());
                p.setString(4, s.reason());
                if (s.productive() == null) p.setNull(5, java.sql.Types.INTEGER);
                else p.setInt(5, s.productive() ? 1 : 0);
                p.executeUpdate();
            }
            if (s.state() == dev.unibar.core.model.AgentState.WRAP_UP) wrapUpLastEnded(s.vendor(), at);
            else CallLog.wrapUpDone(db, s.vendor(), logging.destinations(), clock.instant(), logged);
            return false;
        }
        if (!(e instanceof Event.CallEvent ce) || ce.callId() == null) return false;
        CallRow row = CallRow.load(db, e.vendor(), ce.callId());
        boolean fresh = row == null;
        if (fresh) {
            // A late event for a call the journal never saw still makes a row: the vendor may have rung it
            // while the bar was closed. Rows are only ever made here, once per (vendor, call id).
            row = new CallRow(e.vendor(), ce.callId(), clock.instant());
            row.agent = agent;
        }
        boolean ended = row.endedAt != null;
        if (e instanceof Event.CallRinging x) {
            if (ended) return false;
            row.merge(x.call());
            if (row.ringingAt == null) row.ringingAt = at;
        } else if (e instanceof Event.CallDialing x) {
            if (ended) return false;
            row.merge(x.call());
        } else if (e instanceof Event.CallConnected x) {
            if (ended) return false;
            row.merge(x.call());
            if (row.answeredAt == null) row.answeredAt = at;
            row.endHold(at);
        } else if (e instanceof Event.CallUpdated x) {
            // Data the vendor changed during the call (AgentDesktop DATACHANGED); an update alone is no call.
            if (fresh) return false;
            row.merge(x.call());
        } else if (e instanceof Event.CallHeld) {
            if (ended || !row.startHold(at)) return false;
        } else if (e instanceof Event.CallResumed) {
            if (row.heldSince == null) return false;
            row.endHold(at);
        } else if (e instanceof Event.CallTransferred x) {
            if (x.target() != null) row.transferTarget = x.target();
        } else if (e instanceof Event.CallConferenced) {
            row.conference = true;
        } else if (e instanceof Event.CallEnded x) {
            if (ended) return false;
            row.endHold(at);
            row.endedAt = at;
            row.endCause = x.cause();
            row.vendorEnd = CallEnd.fromCause(endCauses.getOrDefault(e.vendor(), Map.of()), x.cause());
        } else if (e instanceof Event.CallWrapUp) {
            if (row.wrapUpAt == null) row.wrapUpAt = at;
        } else if (e instanceof Event.CallFinished) {
            if (row.finishedAt == null) row.finishedAt = at;
            row.save(db, fresh);
            CallLog.log(db, row, logging.destinations(), clock.instant(), logged);
            return true;
        } else if (e instanceof Event.CallRecording) {
            // The address may carry a token: the journal keeps only that there is a recording.
            row.recorded = true;
        } else {
            return false;
        }
        row.save(db, fresh);
        return true;
    }

    /** EPBX and UCS report after-call work as an agent state: it belongs to the call that just ended. */
    private void wrapUpLastEnded(String vendor, Instant at) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE calls SET wrap_up_at = ? WHERE id = (SELECT id FROM calls"
                + " WHERE vendor = ? AND ended_at IS NOT NULL AND wrap_up_at IS NULL ORDER BY ended_at DESC LIMIT 1)")) {
            p.setString(1, at.toString());
            p.setString(2, vendor);
            p.executeUpdate();
        }
    }

    /** Finishing calls for the CRM: dispositions, the outbox, who hears of logged calls (decision 0042). */
    public CallLogging logging() {
        return logging;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** One call by its vendor and id, or null. */
    public synchronized CallRecord call(String vendor, String callId) {
        try {
            return single(db, vendor, callId);
        } catch (SQLException e) {
            readFailed(e);
            return null;
        }
    }

    static CallRecord single(Connection db, String vendor, String callId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM calls WHERE vendor = ? AND call_id = ?")) {
            p.setString(1, vendor);
            p.setString(2, callId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? CallRow.record(r) : null;
            }
        }
    }

    /** Work in one transaction under the journal's lock; false (logged once, rolled back) when the database failed. */
    boolean transaction(Work work) {
        synchronized (this) {
            try {
                db.setAutoCommit(false);
                work.run(db);
                db.commit();
                return true;
            } catch (SQLException ex) {
                rollback();
                if (failures++ == 0) LOG.log(System.Logger.Level.WARNING, "Call journal write failed: " + ex.getMessage());
                return false;
            } finally {
                autoCommit();
            }
        }
    }

    interface Work {
        void run(Connection db) throws SQLException;
    }

    Connection db() {
        return db;
    }

    Clock clock() {
        return clock;
    }

    void readFailed(SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "Call journal read failed: " + e.getMessage());
    }

    /** Deletes calls and states older than the retention setting; returns how many calls went. */
    public synchronized int purge() {
        lastPurge = clock.instant();
        if (retention == null) return 0;
        String cutoff = clock.instant().minus(retention).toString();
        try (PreparedStatement calls = db.prepareStatement("DELETE FROM calls WHERE first_seen < ?");
             PreparedStatement states = db.prepareStatement("DELETE FROM agent_states WHERE at < ?");
             PreparedStatement sent = db.prepareStatement("DELETE FROM outbox WHERE created_at < ? AND state = 'delivered'")) {
            calls.setString(1, cutoff);
            states.setString(1, cutoff);
            sent.setString(1, cutoff);
            int n = calls.executeUpdate();
            states.executeUpdate();
            sent.executeUpdate();
            return n;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Call journal retention failed: " + e.getMessage());
            return 0;
        }
    }

    /** The newest calls first. */
    public synchronized List<CallRecord> recent(int limit) {
        return calls("SELECT * FROM calls ORDER BY first_seen DESC, id DESC LIMIT " + Math.max(0, limit));
    }

    /** Every call, oldest first (for export). */
    public synchronized List<CallRecord> all() {
        return calls("SELECT * FROM calls ORDER BY first_seen, id");
    }

    public synchronized List<AgentStateRecord> agentStates() {
        List<AgentStateRecord> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM agent_states ORDER BY id")) {
            while (r.next()) {
                int p = r.getInt("productive");
                Boolean productive = r.wasNull() ? null : p == 1;
                out.add(new AgentStateRecord(r.getString("vendor"), Instant.parse(r.getString("at")), r.getString("state"),
                        r.getString("reason"), productive));
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Call journal read failed: " + e.getMessage());
        }
        return out;
    }

    private List<CallRecord> calls(String sql) {
        List<CallRecord> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(CallRow.record(r));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Call journal read failed: " + e.getMessage());
        }
        return out;
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; the next write reports it
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // as above
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Call journal close failed: " + e.getMessage());
        }
    }

}
