package dev.unibar.ui;

import dev.unibar.core.state.BarState;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

import java.util.Set;

/**
 * The call card's last line after a call that did not go through: why it ended ("Busy", "No answer").
 * Only causes an agent can act on are shown; a normal hang-up or a transfer says nothing. Bound to the
 * bar's state: a new call clears it (the reducer forgets the cause when a call is offered).
 */
final class EndCauseLabel extends Label {

    /** Causes of docs/events.md (call.ended) worth telling the agent; each has a call.endCause.* text. */
    static final Set<String> SHOWN = Set.of("busy", "no_answer", "congestion", "service", "failed", "missed",
            "lost", "extension_hangup");

    EndCauseLabel(BarViewModel vm, Messages msg) {
        setId("callEndCause");
        getStyleClass().add("call-end-cause");
        textProperty().bind(Bindings.createStringBinding(() -> text(vm.stateProperty().get(), msg),
                vm.stateProperty()));
        Ui.visible(this, Bindings.isNotEmpty(textProperty()));
    }

    static String text(BarState s, Messages msg) {
        if (s == null || !s.calls().isEmpty() || s.lastEndCause() == null) return "";
        String cause = s.lastEndCause();
        return SHOWN.contains(cause) ? msg.get("call.endCause." + cause) : "";
    }
}
