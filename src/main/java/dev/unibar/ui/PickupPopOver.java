package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.material2.Material2AL;

/** Directed pick-up: take a call that rings at a colleague's extension. */
final class PickupPopOver extends BarPopOver {

    private final TextField extension = new TextField();

    PickupPopOver(BarViewModel vm, Messages msg) {
        Ui.prompted(extension, "pickupExtension", msg.get("pickup.prompt"));
        StableButton take = Ui.commandButton(msg, "pickupTake", "button.pickupTake", Material2AL.CALL_RECEIVED, null,
                vm.enabledProperty(CommandKind.PICKUP), vm.supportedProperty(CommandKind.PICKUP), () -> {
                    if (extension.getText().isBlank()) return;
                    vm.callCommands().pickup(extension.getText());
                    hide();
                });
        take.disableProperty().bind(vm.enabledProperty(CommandKind.PICKUP).not().or(extension.textProperty().isEmpty()));
        extension.setOnAction(e -> take.fire());
        content("pickupPane", msg.get("pickup.title"), extension, take);
    }

    void open(Node anchor) {
        extension.clear();
        show(anchor);
        extension.requestFocus();
    }
}
