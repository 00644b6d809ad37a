package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Transfer the call: blind, or consult first. */
final class TransferPopOver extends BarPopOver {

    private final TextField target = new TextField();
    private final CheckBox internal;

    TransferPopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        internal = InternalBox.create(msg, "transferInternal", distinguishesInternal);
        target.setId("transferTarget");
        target.setPromptText(msg.get("transfer.prompt"));
        target.setAccessibleText(msg.get("transfer.prompt"));
        StableButton blind = Ui.commandButton(msg, "blindTransfer", "button.blindTransfer",
                Material2MZ.PHONE_FORWARDED, null, vm.enabledProperty(CommandKind.BLIND_TRANSFER),
                vm.supportedProperty(CommandKind.BLIND_TRANSFER), () -> {
                    vm.blindTransfer(target.getText(), internal.isSelected());
                    hide();
                });
        StableButton consult = Ui.commandButton(msg, "consult", "button.consult", Material2AL.CALL_SPLIT, null,
                vm.enabledProperty(CommandKind.CONSULT), vm.supportedProperty(CommandKind.CONSULT), () -> {
                    vm.consult(target.getText(), internal.isSelected());
                    hide();
                });
        content("transferPane", msg.get("transfer.title"), target, internal, new HBox(6, blind, consult));
    }

    void open(Node anchor) {
        target.clear();
        internal.setSelected(false);
        show(anchor);
        target.requestFocus();
    }
}
