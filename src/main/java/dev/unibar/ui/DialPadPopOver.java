package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.material2.Material2AL;

/** The dial pad: a number, optionally the outbound queue or campaign, and the keys. */
final class DialPadPopOver extends BarPopOver {

    private static final String[] DIGITS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};

    private final BarViewModel vm;
    private final TextField number = new TextField();
    private final TextField queue = new TextField();
    private final CheckBox internal;
    private final boolean distinguishesInternal;

    DialPadPopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        this.vm = vm;
        this.distinguishesInternal = distinguishesInternal;
        internal = InternalBox.create(msg, "dialInternal", distinguishesInternal);
        number.setId("dialNumber");
        number.setPromptText(msg.get("dial.prompt"));
        number.setAccessibleText(msg.get("dial.prompt"));
        number.setOnAction(e -> dialNow());
        GridPane keys = keys(number);
        StableButton dial = Ui.commandButton(msg, "dial", "button.dial", Material2AL.CALL, null,
                vm.enabledProperty(CommandKind.DIAL), vm.supportedProperty(CommandKind.DIAL), this::dialNow);
        queue.setId("dialQueue");
        queue.setPromptText(msg.get("dial.queue.prompt"));
        queue.setTooltip(new Tooltip(msg.get("dial.queue.tooltip")));
        queue.setAccessibleText(msg.get("dial.queue.prompt"));
        queue.setOnAction(e -> dialNow());
        content("dialPane", null, number, keys, queue, internal, dial);
    }

    /** Twelve keys that type into {@code field}; shared with the in-call DTMF keypad. */
    static GridPane keys(TextField field) {
        GridPane keys = new GridPane();
        keys.setHgap(4);
        keys.setVgap(4);
        for (int i = 0; i < DIGITS.length; i++) {
            String d = DIGITS[i];
            Button k = new Button(d);
            k.setId("key" + (d.equals("*") ? "Star" : d.equals("#") ? "Hash" : d));
            k.getStyleClass().add("dial-key");
            k.setFocusTraversable(false);
            k.setOnAction(e -> field.appendText(d));
            keys.add(k, i % 3, i / 3);
        }
        return keys;
    }

    void open(Node anchor) {
        show(anchor);
        number.requestFocus();
    }

    private void dialNow() {
        if (!vm.isEnabled(CommandKind.DIAL)) return;
        String n = number.getText();
        if (n == null || n.isBlank()) return;
        vm.dial(n, queue.getText(), distinguishesInternal && internal.isSelected());
        number.clear();
        internal.setSelected(false);
        hide();
    }
}
