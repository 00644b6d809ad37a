package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.material2.Material2MZ;

/** An account (tabulation) code for the call on the line, or the one that just ended. */
final class AccountCodePopOver extends BarPopOver {

    private final TextField field = new TextField();

    AccountCodePopOver(BarViewModel vm, Messages msg) {
        field.setId("accountCodeField");
        field.setPromptText(msg.get("accountCode.prompt"));
        field.setAccessibleText(msg.get("accountCode.prompt"));
        StableButton save = Ui.commandButton(msg, "accountCodeSave", "button.save", Material2MZ.SAVE, null,
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                () -> {
                    vm.setAccountCode(field.getText());
                    field.clear();
                    hide();
                });
        field.setOnAction(e -> save.fire());
        content("accountCodePane", msg.get("accountCode.title"), field, save);
    }

    void open(Node anchor) {
        show(anchor);
        field.requestFocus();
    }
}
