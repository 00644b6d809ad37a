package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * Ends the consultation and goes back to the held caller (EPBX LiberarConsulta). Shown only for vendors
 * that offer it, enabled while a consultation runs beside a held call.
 */
final class CancelConsultButton extends Button {

    CancelConsultButton(BarViewModel vm, Messages msg) {
        super(msg.get("button.cancelConsult"));
        setId("cancelConsult");
        setTooltip(new Tooltip(msg.get("cancelConsult.tooltip")));
        disableProperty().bind(Bindings.not(vm.enabledProperty(CommandKind.CANCEL_CONSULT)));
        BarView.visible(this, Bindings.and(vm.supportedProperty(CommandKind.CANCEL_CONSULT),
                vm.enabledProperty(CommandKind.CANCEL_CONSULT)));
        setOnAction(e -> consultLeg(vm.stateProperty().get()).ifPresent(id -> vm.send(new Command.CancelConsult(id))));
    }

    /** The consultation leg: the active call while another one is held. */
    static java.util.Optional<String> consultLeg(BarState s) {
        if (s == null || s.heldCall().isEmpty()) return java.util.Optional.empty();
        String held = s.heldCall().get().id();
        return s.activeCall().map(CallView::id).filter(id -> !id.equals(held));
    }
}
