package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.BarState;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Follow-me from the Session menu: the agent's calls go to one or several numbers (EPBX SigaMe /
 * SigaMeMultiplo) until cancelled (CancelaSigaMe). Both items are hidden for vendors without them.
 */
final class FollowMeDialog extends Dialog<Command.FollowMe> {

    final TextField numbers = new TextField();
    final CheckBox internal = new CheckBox();

    FollowMeDialog(Messages msg, BarState state, boolean distinguishesInternal) {
        setTitle(msg.get("followMe.title"));
        getDialogPane().setId("followMeDialog");
        numbers.setId("followMeNumbers");
        numbers.setPromptText(msg.get("followMe.prompt"));
        if (state != null && state.followMe() != null) numbers.setText(String.join(", ", state.followMe()));
        internal.setId("followMeInternal");
        internal.setText(msg.get("internal.extension"));
        internal.setVisible(distinguishesInternal);
        internal.setManaged(distinguishesInternal);
        Label hint = new Label(msg.get("followMe.hint"));
        hint.setWrapText(true);
        getDialogPane().setContent(new VBox(6, numbers, internal, hint));
        ButtonType ok = new ButtonType(msg.get("followMe.set"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(msg.get("followMe.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);
        getDialogPane().lookupButton(ok).setId("followMeOk");
        getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> parse(numbers.getText()).isEmpty(), numbers.textProperty()));
        setResultConverter(b -> b == ok ? new Command.FollowMe(parse(numbers.getText()), internal.isSelected()) : null);
    }

    /** Numbers separated by commas, semicolons or spaces. */
    static List<String> parse(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The Session menu's two items: set follow-me (opens the dialog) and cancel it. */
    static List<MenuItem> menuItems(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        MenuItem set = item("menuFollowMe", msg.get("menu.followMe"), vm, CommandKind.FOLLOW_ME);
        set.setOnAction(e -> {
            if (set.isDisable()) return;
            Optional<Command.FollowMe> c = new FollowMeDialog(msg, vm.stateProperty().get(), distinguishesInternal)
                    .showAndWait();
            c.ifPresent(vm::send);
        });
        MenuItem cancel = item("menuCancelFollowMe", msg.get("menu.cancelFollowMe"), vm, CommandKind.CANCEL_FOLLOW_ME);
        cancel.setOnAction(e -> {
            if (!cancel.isDisable()) vm.send(new Command.CancelFollowMe());
        });
        return List.of(set, cancel);
    }

    private static MenuItem item(String id, String text, BarViewModel vm, CommandKind k) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.disableProperty().bind(Bindings.not(vm.enabledProperty(k)));
        item.visibleProperty().bind(vm.supportedProperty(k));
        return item;
    }
}
