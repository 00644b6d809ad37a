package dev.unibar.journal;

/** The journal's tables. Times are ISO-8601 UTC text, which sorts as time does. */
final class Schema {

    static final String CALLS = """
            CREATE TABLE IF NOT EXISTS calls (
              id INTEGER PRIMARY KEY,
              vendor TEXT NOT NULL, call_id TEXT NOT NULL,
              direction TEXT, from_number TEXT, from_name TEXT, to_number TEXT, to_name TEXT,
              queue_id TEXT, queue_name TEXT, campaign_id TEXT, campaign_name TEXT,
              customer_name TEXT, customer_number TEXT, customer_id TEXT, data TEXT,
              first_seen TEXT NOT NULL, ringing_at TEXT, answered_at TEXT,
              hold_count INTEGER NOT NULL DEFAULT 0, held_ms INTEGER NOT NULL DEFAULT 0, held_since TEXT, last_hold_at TEXT,
              ended_at TEXT, end_cause TEXT, wrap_up_at TEXT, finished_at TEXT,
              transfer_target TEXT, conference INTEGER NOT NULL DEFAULT 0, recorded INTEGER NOT NULL DEFAULT 0,
              UNIQUE (vendor, call_id))""";

    static final String CALLS_STARTED = "CREATE INDEX IF NOT EXISTS calls_first_seen ON calls(first_seen)";

    static final String STATES = """
            CREATE TABLE IF NOT EXISTS agent_states (
              id INTEGER PRIMARY KEY,
              vendor TEXT NOT NULL, at TEXT NOT NULL, state TEXT NOT NULL, reason TEXT, productive INTEGER)""";

    /**
     * Columns added by issue 23 (disposition and notes at wrap-up, when the call was logged for the CRM, the agent):
     * added to a journal made before them, which keeps every row it had.
     */
    static final String[][] ADDED_CALL_COLUMNS = {
            {"disposition", "TEXT"}, {"notes", "TEXT"}, {"logged_at", "TEXT"}, {"agent", "TEXT"},
            // decision 0055: the vendor's end cause in the common vocabulary, when it said one
            {"vendor_end", "TEXT"}};

    /**
     * Call records waiting for (or done with) a webhook, written in the transaction that finished the call
     * (decision 0042). One row per call and receiver; {@code id} orders them as the calls were finished.
     */
    static final String OUTBOX = """
            CREATE TABLE IF NOT EXISTS outbox (
              id INTEGER PRIMARY KEY,
              destination TEXT NOT NULL, idempotency_key TEXT NOT NULL,
              vendor TEXT NOT NULL, call_id TEXT NOT NULL, created_at TEXT NOT NULL, payload TEXT NOT NULL,
              state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL,
              last_error TEXT, delivered_at TEXT, retry_since TEXT NOT NULL,
              UNIQUE (destination, idempotency_key))""";

    static final String OUTBOX_PENDING = "CREATE INDEX IF NOT EXISTS outbox_waiting ON outbox(destination, state, id)";

    /** Ended calls not yet logged: what the sweep looks at. */
    static final String CALLS_UNLOGGED = "CREATE INDEX IF NOT EXISTS calls_unlogged ON calls(logged_at, ended_at)";

    /** Brings a journal of any earlier version to this one; idempotent. */
    static void migrate(java.sql.Connection db) throws java.sql.SQLException {
        java.util.Set<String> have = new java.util.HashSet<>();
        try (java.sql.Statement s = db.createStatement();
             java.sql.ResultSet r = s.executeQuery("PRAGMA table_info(calls)")) {
            while (r.next()) have.add(r.getString("name"));
        }
        try (java.sql.Statement s = db.createStatement()) {
            for (String[] c : ADDED_CALL_COLUMNS) {
                if (!have.contains(c[0])) s.execute("ALTER TABLE calls ADD COLUMN " + c[0] + " " + c[1]);
            }
            s.execute(OUTBOX);
            s.execute(OUTBOX_PENDING);
            s.execute(CALLS_UNLOGGED);
            s.execute("PRAGMA user_version = 1");
        }
    }

    private Schema() {
    }
}
