package dev.unibar.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bar is killed (SIGKILL, no shutdown hook) at random moments while calls flow into the journal; after each
 * restart the journal holds every call that had ended before the kill, each exactly once, with its hold counted
 * once although the restarted process replays its last calls.
 */
class JournalKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void everyCallThatEndedBeforeAKillIsThereExactlyOnce() throws Exception {
        Path db = dir.resolve("journal.db");
        // -Djournal.kill.seed=N replays a failed run.
        long seed = Long.getLong("journal.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Set<String> ended = new LinkedHashSet<>();
        int next = 0;
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JournalSoak.class.getName(),
                    db.toString(), String.valueOf(next), String.valueOf(random.nextLong())).redirectErrorStream(true).start();
            int want = 5 + random.nextInt(40);
            int seen = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < want && (line = r.readLine()) != null) {
                    if (line.startsWith("ended ")) {
                        ended.add(line.substring(6));
                        next = Math.max(next, Integer.parseInt(line.substring(7)) + 1);
                        seen++;
                    } else if (!line.equals("replayed")) {
                        throw new AssertionError("child said: " + line + " (seed " + seed + ")");
                    }
                }
                // A random moment after the last line read: mid-call, mid-commit, or between calls.
                Thread.sleep(random.nextInt(20));
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe.
                p.toHandle().destroyForcibly();
                // Lines the child printed before it died still count: their calls had ended.
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("ended ")) {
                        ended.add(line.substring(6));
                        next = Math.max(next, Integer.parseInt(line.substring(7)) + 1);
                    }
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed");
            assertTrue(seen > 0, "round " + round + " ran calls");
        }

        Map<String, int[]> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                assertEquals("ok", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT call_id, count(*), max(hold_count), max(ended_at IS NOT NULL) FROM calls GROUP BY call_id")) {
                while (r.next()) rows.put(r.getString(1), new int[]{r.getInt(2), r.getInt(3), r.getInt(4)});
            }
        }
        assertTrue(ended.size() >= rounds * 5, "calls ended: " + ended.size());
        for (String id : ended) {
            int[] row = rows.get(id);
            assertTrue(row != null, id + " ended before a kill but is not in the journal (seed " + seed + ")");
            assertEquals(1, row[0], id + " is there exactly once (seed " + seed + ")");
            assertEquals(1, row[2], id + " is recorded as ended (seed " + seed + ")");
            assertEquals(1, row[1], id + " was held once, replays notwithstanding (seed " + seed + ")");
        }
    }
}
