package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.SessionPhase;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Inbound calls that rang and were never answered, until the agent clears them: the bar shows a badge so a
 * call that rang out during a moment away is not lost. A call the agent rejected is not missed, nor one that
 * disappears because the session ended. Built from the bar's state only (no vendor payload), so it works
 * whether or not the call journal is on. FX thread, except the command listener.
 */
final class MissedCalls {

    /** One missed call, as the agent knows it. */
    record Missed(String callId, String number, String who, String through, Instant at) {
    }

    private static final int KEPT = 20;

    private final Clock clock;
    private final ObservableList<Missed> missed = FXCollections.observableArrayList();
    private final ObservableList<Missed> view = FXCollections.unmodifiableObservableList(missed);
    /** Calls the agent rejected, as the session recorded the command (it may arrive from any thread). */
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = new HashSet<>();

    MissedCalls(BarViewModel vm, Clock clock) {
        this.clock = clock;
        Session session = vm.session();
        Consumer<InspectorEntry> commands = e -> {
            if (e.kind() == InspectorEntry.Kind.COMMAND && e.raw() != null && e.raw().startsWith("Reject[")) {
                rejected.add(e.raw());
            }
        };
        session.inspector().subscribe(commands);
        vm.stateProperty().addListener((o, a, b) -> changed(a, b));
    }

    private void changed(BarState before, BarState now) {
        if (before == null || now == null) return;
        for (CallView c : now.calls().values()) {
            if (c.connectedAt() != null) answered.add(c.id());
        }
        // A log-out or lost session takes every call off the line: that is not the caller giving up.
        if (now.phase() != SessionPhase.READY) {
            answered.retainAll(now.calls().keySet());
            return;
        }
        for (CallView c : before.calls().values()) {
            if (now.calls().containsKey(c.id())) continue;
            boolean wasAnswered = answered.remove(c.id()) || c.connectedAt() != null;
            Call call = c.call();
            if (wasAnswered || call == null || call.direction() != Direction.INBOUND) continue;
            if (rejected.remove(new Command.Reject(c.id()).toString())) continue;
            missed.add(0, new Missed(c.id(), call.remoteNumber(), CallParty.who(call), CallParty.through(call),
                    clock.instant()));
            if (missed.size() > KEPT) missed.remove(KEPT, missed.size());
        }
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
