package dev.unibar.ui;

import dev.unibar.core.model.CallEnd;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.Presenter;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

import java.util.Map;
import java.util.Set;

/**
 * The call card's last line once the call is gone: how it ended, in the one vocabulary every vendor shares
 * (decision 0055: "Failed: busy", "Missed"), the words Recent calls uses. An answered or transferred call says
 * nothing: it went as meant. Bound to the bar's state: a new call takes the line's place.
 */
final class EndCauseLabel extends Label {

    /** Ends that went as the agent meant: nothing to tell. */
    static final Set<CallEnd> SILENT = Set.of(CallEnd.ANSWERED, CallEnd.TRANSFERRED, CallEnd.IN_PROGRESS);

    EndCauseLabel(BarViewModel vm, Messages msg) {
        setId("callEndCause");
        getStyleClass().add("call-end-cause");
        Map<String, CallEnd> table = vm.endCauses();
        textProperty().bind(Bindings.createStringBinding(() -> text(vm.stateProperty().get(), table, msg),
                vm.stateProperty()));
        Ui.visible(this, Bindings.isNotEmpty(textProperty()));
    }

    static String text(BarState s, Map<String, CallEnd> table, Messages msg) {
        CallEnd end = s == null ? null : Presenter.lastEnd(s, table);
        return end == null || SILENT.contains(end) ? "" : msg.get("callEnd." + end.word());
    }
}
