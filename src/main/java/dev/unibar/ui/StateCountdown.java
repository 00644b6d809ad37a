package dev.unibar.ui;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The countdown of a state the vendor limits: a pause with a maximum (Evolux) or after-call work with one
 * (an {@code agent.state} WRAP_UP carrying {@code maxDurationSeconds}). It counts down to the limit, then up
 * past it with a "+" and {@link #exceededProperty()} set, so the view changes colour and nothing else.
 * It ticks with the view model's time-in-state, which changes every second.
 */
final class StateCountdown {

    private final Clock clock;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper exceeded = new ReadOnlyBooleanWrapper(this, "exceeded");
    private final ReadOnlyBooleanWrapper wrapUp = new ReadOnlyBooleanWrapper(this, "wrapUp");
    private BarState state;

    StateCountdown(BarViewModel vm, Clock clock) {
        this.clock = clock;
        vm.stateProperty().addListener((o, a, b) -> update(b));
        vm.timeInStateProperty().addListener((o, a, b) -> update(state));
        update(vm.stateProperty().get());
    }

    private void update(BarState s) {
        state = s;
        Long left = secondsLeft(s, clock.instant());
        text.set(left == null ? "" : format(left));
        exceeded.set(left != null && left < 0);
        wrapUp.set(left != null && s.agentState() == AgentState.WRAP_UP);
    }

    /** Seconds until the state's limit (negative once past it), or null when the state has no limit. */
    static Long secondsLeft(BarState s, Instant now) {
        if (s == null || s.stateMaxSeconds() == null || s.stateSince() == null) return null;
        if (s.agentState() != AgentState.NOT_READY && s.agentState() != AgentState.WRAP_UP) return null;
        return s.stateMaxSeconds() - Duration.between(s.stateSince(), now).getSeconds();
    }

    /** "-01:05" before the limit, "+00:10" past it: the same width either side, so nothing moves. */
    static String format(long left) {
        long a = Math.abs(left);
        String hms = a >= 3600 ? String.format("%d:%02d:%02d", a / 3600, (a % 3600) / 60, a % 60)
                : String.format("%02d:%02d", a / 60, a % 60);
        return (left >= 0 ? "-" : "+") + hms;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty exceededProperty() {
        return exceeded.getReadOnlyProperty();
    }

    /** True when the limit is the after-call work's (the tooltip says so). */
    ReadOnlyBooleanProperty wrapUpProperty() {
        return wrapUp.getReadOnlyProperty();
    }
}
