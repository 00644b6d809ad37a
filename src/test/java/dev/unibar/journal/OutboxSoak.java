package dev.unibar.journal;

import dev.unibar.config.CrmConfig;
import dev.unibar.config.Secret;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.crm.WebhookSender;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The child JVM of {@link OutboxKillTest}: a session with the journal and a webhook sender takes calls one after
 * another, each closed by the vendor ({@code call.finished}), and prints {@code finished ID} once the session has
 * returned from it (the record is then in the outbox, committed). On start it replays its last calls, as a vendor
 * does after a reconnect. Runs until killed. Arguments: journal file, receiver URL, first call number, seed, and
 * {@code deliver} for a run that only delivers what earlier runs left (no new calls).
 */
public final class OutboxSoak {

    private OutboxSoak() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        URI url = URI.create(args[1]);
        int first = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        ScriptedConnector connector = new ScriptedConnector();
        Session session = new Session(connector, Clock.systemUTC());
        CallJournal journal = CallJournal.open(file, null, Clock.systemUTC());
        journal.logging().logTo(List.of("crm"), Duration.ofSeconds(120));
        journal.attach(session);
        WebhookSender sender = new WebhookSender(new CrmConfig.Webhook("crm", url, Secret.of("kill-test-secret"), 2),
                journal.outbox(), Clock.systemUTC(), new WebhookSender.Backoff(Duration.ofMillis(10), Duration.ofMillis(150)),
                WebhookSender.DEAD_AFTER, s -> { }).start();
        journal.logging().onOutboxChange(sender::poke);
        session.start();
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        for (int n = Math.max(0, first - 3); n < first; n++) {
            for (Event e : call("k" + n, t0.plusSeconds(60L * n))) connector.emit(e);
        }
        System.out.println("replayed");
        System.out.flush();
        if (args.length > 4 && args[4].equals("deliver")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        for (int n = first; ; n++) {
            for (Event e : call("k" + n, t0.plusSeconds(60L * n))) {
                connector.emit(e);
                if (random.nextInt(4) == 0) Thread.sleep(random.nextInt(3));
            }
            System.out.println("finished k" + n);
            System.out.flush();
            Thread.sleep(random.nextInt(15));
        }
    }

    private static List<Event> call(String id, Instant t0) {
        List<Event> c = new java.util.ArrayList<>(ScriptedConnector.call(id, t0));
        c.add(new Event.CallFinished("epbx", t0.plusSeconds(40), id));
        return c;
    }
}
