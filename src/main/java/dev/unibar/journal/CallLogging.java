package dev.unibar.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Finishing calls for the CRM, on the journal's connection and lock (decision 0042): the disposition and notes
 * of a call, the calls whose wait for them is over, and who hears of calls logged and of records added to the
 * outbox. What finishing writes is in {@link CallLog}.
 */
public final class CallLogging {

    /** A call finished for the CRM: its record as the outbox froze it, and the key every delivery carries. */
    public record LoggedCall(CallRecord record, String key) {
    }

    /** How saving a disposition went. */
    public enum DispositionResult {
        /** Saved; the call is still going or in after-call work, and is logged when that ends. */
        SAVED,
        /** Saved, and the call (ended, outside after-call work) was logged with it. */
        LOGGED,
        /** The call was logged before: its record went out without this. Nothing changed. */
        ALREADY_LOGGED,
        /** The journal has no such call. */
        UNKNOWN_CALL,
        /** The database failed (logged once). */
        FAILED
    }

    private final CallJournal journal;
    private final List<Consumer<List<LoggedCall>>> loggedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> outboxListeners = new CopyOnWriteArrayList<>();
    // Set once by the composition root, before calls flow.
    private volatile List<String> destinations = List.of();
    private volatile Duration wait = Duration.ofSeconds(5);

    CallLogging(CallJournal journal) {
        this.journal = journal;
    }

    /**
     * What finishing a call writes: one outbox row per receiver in {@code destinations} (webhook names), and how
     * long a call ended outside after-call work waits for its disposition before it is logged anyway.
     */
    public void logTo(List<String> destinations, Duration waitForDisposition) {
        this.destinations = List.copyOf(destinations);
        this.wait = waitForDisposition;
    }

    List<String> destinations() {
        return destinations;
    }

    /** Called with the calls just logged, after their transaction committed, on the thread that committed it. */
    public void onLogged(Consumer<List<LoggedCall>> listener) {
        loggedListeners.add(listener);
    }

    public void removeOnLogged(Consumer<List<LoggedCall>> listener) {
        loggedListeners.remove(listener);
    }

    /** Called whenever records were added to the outbox or put back in it. */
    public void onOutboxChange(Runnable listener) {
        outboxListeners.add(listener);
    }

    /**
     * Saves the disposition and notes of a call (either may be null: unchanged). A call that ended outside
     * after-call work is logged with them in the same transaction; one logged before is left as it went out.
     */
    public DispositionResult setDisposition(String vendor, String callId, String disposition, String notes) {
        return setDisposition(vendor, callId, disposition, notes, r -> { });
    }

    /**
     * The same; {@code saved} hears the result once it is committed and before the call's logging is announced,
     * so whoever follows both hears of the disposition first.
     */
    public DispositionResult setDisposition(String vendor, String callId, String disposition, String notes,
                                            Consumer<DispositionResult> saved) {
        List<CallLog.Logged> logged = new ArrayList<>();
        DispositionResult[] result = new DispositionResult[1];
        boolean ok = journal.transaction(db -> {
            logged.clear();
            CallRow row = CallRow.load(db, vendor, callId);
            if (row == null) {
                result[0] = DispositionResult.UNKNOWN_CALL;
            } else if (row.loggedAt != null) {
                result[0] = DispositionResult.ALREADY_LOGGED;
            } else {
                if (disposition != null) row.disposition = disposition;
                if (notes != null) row.notes = notes;
                row.save(db, false);
                if (row.endedAt != null && row.wrapUpAt == null) {
                    CallLog.log(db, row, destinations, journal.clock().instant(), logged);
                    result[0] = DispositionResult.LOGGED;
                } else {
                    result[0] = DispositionResult.SAVED;
                }
            }
        });
        if (!ok) return DispositionResult.FAILED;
        saved.accept(result[0]);
        announce(logged);
        return result[0];
    }

    /**
     * Logs the calls whose wait is over (ended outside after-call work longer ago than the wait, or stuck in it
     * for a day); true while ended calls still wait. Called every second or so while calls wait, and once at
     * start for what a killed bar left.
     */
    public boolean logDue() {
        List<CallLog.Logged> logged = new ArrayList<>();
        boolean[] waiting = new boolean[1];
        boolean ok = journal.transaction(db -> {
            logged.clear();
            CallLog.due(db, wait, destinations, journal.clock().instant(), logged);
            waiting[0] = CallLog.anyWaiting(db);
        });
        if (!ok) return false;
        announce(logged);
        return waiting[0];
    }

    void announce(List<CallLog.Logged> logged) {
        if (logged.isEmpty()) return;
        List<LoggedCall> calls = logged.stream().map(l -> new LoggedCall(l.record(), l.key())).toList();
        for (Consumer<List<LoggedCall>> l : loggedListeners) l.accept(calls);
        if (!destinations.isEmpty()) outboxChanged();
    }

    void outboxChanged() {
        for (Runnable r : outboxListeners) r.run();
    }
}
