package dev.unibar.journal;

import dev.unibar.core.Session;
import dev.unibar.core.model.Event;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The child JVM of {@link JournalKillTest}: a session with the journal attached takes simulated calls one after
 * another and prints {@code ended ID} only once the session has returned from the call's end (so the journal
 * committed it). On start it first replays its last few calls, as a vendor replays state after a reconnect.
 * Runs until killed. Arguments: journal file, first call number, random seed.
 */
public final class JournalSoak {

    private JournalSoak() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        ScriptedConnector connector = new ScriptedConnector();
        Session session = new Session(connector, Clock.systemUTC());
        CallJournal journal = CallJournal.open(file, null, Clock.systemUTC());
        journal.attach(session);
        session.start();
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        for (int n = Math.max(0, first - 3); n < first; n++) {
            for (Event e : ScriptedConnector.call("c" + n, t0.plusSeconds(60L * n))) connector.emit(e);
        }
        System.out.println("replayed");
        System.out.flush();
        for (int n = first; ; n++) {
            List<Event> call = ScriptedConnector.call("c" + n, t0.plusSeconds(60L * n));
            for (Event e : call) {
                connector.emit(e);
                if (random.nextInt(4) == 0) Thread.sleep(random.nextInt(3));
            }
            System.out.println("ended c" + n);
            System.out.flush();
        }
    }
}
