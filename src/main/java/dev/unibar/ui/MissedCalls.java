package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Inbound calls that rang and were never answered, until the agent clears them: the bar shows a badge so a
 * call that rang out during a moment away is not lost. A call the agent rejected is not missed, nor one that
 * disappears because the agent logged out. It follows the session's normalized events one by one (the
 * inspector's feed, as screen-pop does), not the coalesced bar state, in which a call answered and ended
 * between two frames would look as if it never connected. Works whether or not the call journal is on.
 */
final class MissedCalls {

    /** One missed call, as the agent knows it. */
    record Missed(String callId, String number, String who, String through, Instant at) {
    }

    private static final int KEPT = 20;

    private final Clock clock;
    private final ObservableList<Missed> missed = FXCollections.observableArrayList();
    private final ObservableList<Missed> view = FXCollections.unmodifiableObservableList(missed);
    /** Inbound calls ringing now, by id; touched only on the inspector's thread (its listener). */
    private final Map<String, Call> ringing = new LinkedHashMap<>();

    MissedCalls(BarViewModel vm, Clock clock) {
        this.clock = clock;
        Session session = vm.session();
        Consumer<InspectorEntry> feed = this::seen;
        session.inspector().subscribe(feed);
    }

    private synchronized void seen(InspectorEntry e) {
        if (e.kind() == InspectorEntry.Kind.COMMAND) {
            // The agent turned it down: not missed. The session records the command before sending it.
            String raw = e.raw() == null ? "" : e.raw();
            ringing.keySet().removeIf(id -> raw.equals(new Command.Reject(id).toString()));
            return;
        }
        if (e.kind() != InspectorEntry.Kind.MAPPED) return;
        for (Event ev : e.events()) {
            if (ev instanceof Event.CallRinging r && r.call() != null && r.call().direction() == Direction.INBOUND) {
                ringing.merge(r.callId(), r.call(), Call::mergedWith);
            } else if (ev instanceof Event.CallConnected c) {
                ringing.remove(c.callId());
            } else if (ev instanceof Event.AgentLoggedOut) {
                ringing.clear();
            } else if (ev instanceof Event.CallEnded end) {
                Call call = ringing.remove(end.callId());
                if (call != null) add(new Missed(end.callId(), call.remoteNumber(), CallParty.who(call),
                        CallParty.through(call), clock.instant()));
            }
        }
        while (ringing.size() > KEPT) ringing.remove(ringing.keySet().iterator().next());
    }

    private void add(Missed m) {
        Runnable r = () -> {
            missed.add(0, m);
            if (missed.size() > KEPT) missed.remove(KEPT, missed.size());
        };
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    /** Newest first. */
    ObservableList<Missed> list() {
        return view;
    }

    /** The agent has seen them. */
    void clear() {
        missed.clear();
    }

    void remove(Missed m) {
        missed.remove(m);
    }

    List<Missed> snapshot() {
        return List.copyOf(missed);
    }
}
