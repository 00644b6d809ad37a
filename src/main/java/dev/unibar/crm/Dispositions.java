package dev.unibar.crm;

import dev.unibar.config.CrmConfig;
import dev.unibar.core.Failures;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallLogging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The disposition and notes of a call at wrap-up, from the bar's panel or the CRM through the local API (issue
 * 23): checked against the configured codes, saved in the journal (which logs the call when that finishes it),
 * and sent to a vendor that has a method for it (UCS account code, AgentDesktop call data) through the
 * commands its connector already takes, guard and all. Tells listeners of every saved one and keeps the list
 * of ended calls still waiting for theirs, which the bar's panel shows.
 */
public final class Dispositions implements AutoCloseable {

    /** Calls remembered as waiting: far more than an agent ever leaves open. */
    static final int WAITING_MAX = 20;
    static final int CODE_MAX = 100;
    /** The call data key AgentDesktop is sent the code under. */
    public static final String CALL_DATA_KEY = "disposition";

    /** A saved disposition, as events and the panel see it. */
    public record Saved(String vendor, String callId, String disposition, String notes, boolean logged) {
    }

    /** An ended call whose disposition the agent has not given yet. */
    public record Waiting(String vendor, String callId, String number, String name) {
    }

    /**
     * What saving gave. {@code error} is null on success, else one of {@code unknown_call}, {@code unknown_code},
     * {@code too_long}, {@code already_logged}, {@code failed}; {@code vendor} says what the vendor was told:
     * {@code sent}, {@code none} (no method, or not asked) or the refusal's text.
     */
    public record Result(String error, String vendor, boolean logged) {
        public boolean ok() {
            return error == null;
        }
    }

    private final Session session;
    private final CallJournal journal;
    private final CrmConfig.Dispositions config;
    private final List<String> codes;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final List<Consumer<Saved>> savedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Waiting>>> waitingListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Event.CallEvent> known = new LinkedHashMap<>();
    private final Consumer<InspectorEntry> inspectorListener = this::seen;
    private final Consumer<List<CallLogging.LoggedCall>> loggedListener = this::logged;

    /** @param codes what the agent may pick; empty accepts any short code (or none, notes only) */
    public Dispositions(Session session, CallJournal journal, CrmConfig.Dispositions config, List<String> codes) {
        this.session = session;
        this.journal = journal;
        this.config = config;
        this.codes = List.copyOf(codes);
        session.inspector().subscribe(inspectorListener);
        journal.logging().onLogged(loggedListener);
    }

    public List<String> codes() {
        return codes;
    }

    /** True when the bar asks for a disposition at wrap-up (the config has the section). */
    public boolean asked() {
        return config.enabled();
    }

    public int notesMaxLength() {
        return config.notesMaxLength();
    }

    public void onSaved(Consumer<Saved> l) {
        savedListeners.add(l);
    }

    /** Told the waiting calls (newest last) whenever the list changes, on the thread that changed it. */
    public void onWaiting(Consumer<List<Waiting>> l) {
        waitingListeners.add(l);
        l.accept(waiting());
    }

    public synchronized List<Waiting> waiting() {
        return new ArrayList<>(waiting.values());
    }

    /**
     * Saves {@code disposition} (null: unchanged) and {@code notes} (null: unchanged) for the session's vendor's
     * call {@code callId}; completes once the vendor has answered (or at once when it is not told).
     */
    public CompletionStage<Result> set(String callId, String disposition, String notes) {
        String vendor = session.connector().vendor();
        if (callId == null || callId.isBlank()) return done(new Result("unknown_call", "none", false));
        if (disposition != null && (disposition.isBlank() || disposition.length() > CODE_MAX
                || !codes.isEmpty() && !codes.contains(disposition))) {
            return done(new Result("unknown_code", "none", false));
        }
        if (notes != null && notes.length() > config.notesMaxLength()) return done(new Result("too_long", "none", false));
        CallLogging.DispositionResult r = journal.logging().setDisposition(vendor, callId, disposition, notes, done -> {
            if (done != CallLogging.DispositionResult.SAVED && done != CallLogging.DispositionResult.LOGGED) return;
            Saved saved = new Saved(vendor, callId, disposition, notes, done == CallLogging.DispositionResult.LOGGED);
            for (Consumer<Saved> l : savedListeners) l.accept(saved);
        });
        String error = switch (r) {
            case SAVED, LOGGED -> null;
            case ALREADY_LOGGED -> "already_logged";
            case UNKNOWN_CALL -> "unknown_call";
            case FAILED -> "failed";
        };
        if (error != null) return done(new Result(error, "none", false));
        boolean logged = r == CallLogging.DispositionResult.LOGGED;
        synchronized (this) {
            waiting.remove(callId);
        }
        publishWaiting();
        Command vendorCommand = disposition == null || !config.toVendor() ? null : vendorCommand(callId, disposition);
        if (vendorCommand == null) return done(new Result(null, "none", logged));
        return session.send(vendorCommand).handle((ok, err) -> new Result(null,
                err == null ? "sent" : String.valueOf(Failures.unwrap(err).getMessage()), logged));
    }

    /** The command that carries a code to this vendor, or null when it has none or it is not allowed now. */
    private Command vendorCommand(String callId, String code) {
        Capabilities caps = session.connector().capabilities();
        if (caps.supports(CommandKind.SET_ACCOUNT_CODE)
                && Guard.allowed(caps, session.store().state(), CommandKind.SET_ACCOUNT_CODE)) {
            return new Command.SetAccountCode(callId, code, null, true);
        }
        if (caps.supports(CommandKind.SET_CALL_DATA)
                && Guard.allowed(caps, session.store().state(), CommandKind.SET_CALL_DATA)) {
            return new Command.SetCallData(callId, Map.of(CALL_DATA_KEY, code));
        }
        return null;
    }

    private void seen(InspectorEntry e) {
        if (e.kind() != InspectorEntry.Kind.MAPPED || !config.enabled()) return;
        boolean changed = false;
        synchronized (this) {
            for (Event ev : e.events()) {
                if (ev instanceof Event.CallRinging || ev instanceof Event.CallDialing || ev instanceof Event.CallConnected) {
                    known.put(((Event.CallEvent) ev).callId(), (Event.CallEvent) ev);
                    while (known.size() > 4 * WAITING_MAX) known.remove(known.keySet().iterator().next());
                } else if (ev instanceof Event.CallEnded end && known.containsKey(end.callId())
                        && !waiting.containsKey(end.callId())) {
                    Waiting w = waitingFor(end.vendor(), end.callId());
                    if (w == null) continue;
                    waiting.put(end.callId(), w);
                    while (waiting.size() > WAITING_MAX) waiting.remove(waiting.keySet().iterator().next());
                    changed = true;
                }
            }
        }
        if (changed) publishWaiting();
    }

    /** Null when the call needs nothing more: logged already (the vendor closed it), or its disposition given. */
    private Waiting waitingFor(String vendor, String callId) {
        dev.unibar.journal.CallRecord r = journal.call(vendor, callId);
        if (r != null && (r.loggedAt() != null || r.disposition() != null)) return null;
        return new Waiting(vendor, callId, r == null ? null : r.remoteNumber(), r == null ? null : r.remoteName());
    }

    private void logged(List<CallLogging.LoggedCall> calls) {
        boolean changed = false;
        synchronized (this) {
            for (CallLogging.LoggedCall c : calls) changed |= waiting.remove(c.record().callId()) != null;
        }
        if (changed) publishWaiting();
    }

    private void publishWaiting() {
        List<Waiting> now = waiting();
        for (Consumer<List<Waiting>> l : waitingListeners) l.accept(now);
    }

    private static CompletionStage<Result> done(Result r) {
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public void close() {
        session.inspector().unsubscribe(inspectorListener);
        journal.logging().removeOnLogged(loggedListener);
    }
}
