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

    private Schema() {
    }
}
