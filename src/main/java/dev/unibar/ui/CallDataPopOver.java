package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One field of the contact's data (a name and its value) for the call on the line, where the vendor takes it
 * (AgentDesktop's SetCallData); the call card shows the data the vendor then reports back.
 */
final class CallDataPopOver extends BarPopOver {

    private final TextField name = new TextField();
    private final TextField value = new TextField();

    CallDataPopOver(BarViewModel vm, Messages msg) {
        Ui.prompted(name, "callDataName", msg.get("callData.name"));
        Ui.prompted(value, "callDataValue", msg.get("callData.value"));
        StableButton save = Ui.commandButton(msg, "callDataSave", "button.save", Material2MZ.SAVE, null,
                vm.enabledProperty(CommandKind.SET_CALL_DATA), vm.supportedProperty(CommandKind.SET_CALL_DATA), () -> {
                    if (name.getText().isBlank()) return;
                    vm.callCommands().setCallData(name.getText(), value.getText());
                    hide();
                });
        save.disableProperty().bind(vm.enabledProperty(CommandKind.SET_CALL_DATA).not().or(name.textProperty().isEmpty()));
        name.setOnAction(e -> value.requestFocus());
        value.setOnAction(e -> save.fire());
        content("callDataPane", msg.get("callData.title"), name, value, save);
    }

    void open(Node anchor) {
        name.clear();
        value.clear();
        show(anchor);
        name.requestFocus();
    }
}
