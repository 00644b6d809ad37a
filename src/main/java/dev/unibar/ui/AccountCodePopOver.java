package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * An account (tabulation, wrap-up) code for the call on the line, or the one that just ended (during
 * after-call work). It names the call as the agent knows it (who, which queue), offers the configured codes
 * as one-click choices, and still takes a typed one.
 */
final class AccountCodePopOver extends BarPopOver {

    private final BarViewModel vm;
    private final Messages msg;
    private final TextField field = new TextField();
    private final Label call = new Label();
    private final FlowPane codes = new FlowPane(4, 4);
    private final StableButton save;

    AccountCodePopOver(BarViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
        call.setId("accountCodeCall");
        call.getStyleClass().add("account-code-call");
        Ui.prompted(field, "accountCodeField", msg.get("accountCode.prompt"));
        save = Ui.commandButton(msg, "accountCodeSave", "button.save", Material2MZ.SAVE, null,
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                () -> {
                    vm.setAccountCode(field.getText());
                    field.clear();
                    hide();
                });
        field.setOnAction(e -> save.fire());
        codes.setId("accountCodeChoices");
        codes.setPrefWrapLength(260);
        Ui.visible(codes, javafx.beans.binding.Bindings.isNotEmpty(codes.getChildren()));
        // Who the call is with changes as calls come and go; the line follows while the pop-over is open.
        vm.stateProperty().addListener((o, a, b) -> {
            if (isShowing()) describe(b);
        });
        content("accountCodePane", msg.get("accountCode.title"), call, codes, field, save);
    }

    /** The codes the agent may pick with one click (configured, {@code wrapUp: codes:}). */
    void setCodes(List<String> list) {
        codes.getChildren().clear();
        int i = 0;
        for (String code : list) {
            Button b = new Button(code);
            b.setId("accountCodeChoice" + i++);
            b.setMnemonicParsing(false);
            b.getStyleClass().add("small");
            b.disableProperty().bind(save.disableProperty());
            b.setOnAction(e -> {
                field.setText(code);
                save.fire();
            });
            codes.getChildren().add(b);
        }
    }

    private void describe(BarState s) {
        CallView v = target(s);
        call.setText(v == null ? "" : CallParty.describe(msg, v.call()));
    }

    /** The call the code goes to, as the view model picks it (the one on the line, else the one that ended). */
    private CallView target(BarState s) {
        if (s == null) return null;
        String id = vm.accountCodeCallId().orElse(null);
        if (id == null) return null;
        CallView v = s.calls().get(id);
        if (v == null && s.lastEnded() != null && id.equals(s.lastEnded().id())) v = s.lastEnded();
        return v;
    }

    void open(Node anchor) {
        describe(vm.stateProperty().get());
        show(anchor);
        field.requestFocus();
    }

    /** The line naming the call, for tests. */
    Label callLine() {
        return call;
    }
}
