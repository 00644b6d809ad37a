package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The one dial pad. With no call up it dials: a number, optionally the outbound queue or campaign, and the
 * keys type into the number. While a call is up the same keys send tones into it at once, as on a phone (an
 * IVR menu reacts to each), and the field shows what was sent. The keys never take the focus, so a Space or
 * Enter after a click does not repeat a digit.
 */
final class DialPadPopOver extends BarPopOver {

    private static final String[] DIGITS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};

    private final BarViewModel vm;
    private final TextField number = new TextField();
    private final TextField queue = new TextField();
    private final TextField sent = new TextField();
    private final CheckBox internal;
    private final boolean distinguishesInternal;
    private final BooleanBinding tones;

    DialPadPopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        this.vm = vm;
        this.distinguishesInternal = distinguishesInternal;
        // Tones while a call is up, dialling otherwise: the pad follows the line while it is open.
        tones = Bindings.isNotNull(vm.activeCallProperty());
        internal = InternalBox.create(msg, "dialInternal", distinguishesInternal);
        Ui.prompted(number, "dialNumber", msg.get("dial.prompt"));
        number.setOnAction(e -> dialNow());
        StableButton dial = Ui.commandButton(msg, "dial", "button.dial", Material2AL.CALL, null,
                vm.enabledProperty(CommandKind.DIAL), vm.supportedProperty(CommandKind.DIAL), this::dialNow);
        queue.setId("dialQueue");
        queue.setPromptText(msg.get("dial.queue.prompt"));
        queue.setTooltip(new Tooltip(msg.get("dial.queue.tooltip")));
        queue.setAccessibleText(msg.get("dial.queue.prompt"));
        queue.setOnAction(e -> dialNow());
        VBox dialling = new VBox(6, number, queue, internal, dial);
        dialling.setId("dialMode");

        sent.setId("dtmfSent");
        sent.setEditable(false);
        sent.setPromptText(msg.get("dtmf.prompt"));
        sent.setAccessibleText(msg.get("dtmf.prompt"));
        sent.setOnKeyTyped(e -> {
            String c = e.getCharacter();
            if (c != null && c.matches("[0-9*#]")) tone(c);
        });
        Label hint = new Label(msg.get("dtmf.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(200);
        VBox toneMode = new VBox(6, sent, hint);
        toneMode.setId("toneMode");

        GridPane keys = new GridPane();
        keys.setId("dialKeys");
        keys.setHgap(4);
        keys.setVgap(4);
        for (int i = 0; i < DIGITS.length; i++) {
            String d = DIGITS[i];
            Button k = new Button(d);
            k.setId("key" + (d.equals("*") ? "Star" : d.equals("#") ? "Hash" : d));
            k.getStyleClass().add("dial-key");
            k.setFocusTraversable(false);
            k.accessibleTextProperty().bind(Bindings.when(tones).then(msg.format("dtmf.key", d))
                    .otherwise(msg.format("dial.key", d)));
            k.setOnAction(e -> {
                if (tones.get()) tone(d);
                else number.appendText(d);
            });
            k.disableProperty().bind(Bindings.when(tones).then(vm.enabledProperty(CommandKind.SEND_DTMF).not())
                    .otherwise(vm.enabledProperty(CommandKind.DIAL).not()));
            keys.add(k, i % 3, i / 3);
        }
        Label title = sectionTitle("");
        title.textProperty().bind(Bindings.when(tones).then(msg.get("dtmf.title")).otherwise(msg.get("dial.title")));
        Ui.visible(dialling, tones.not());
        Ui.visible(toneMode, tones);
        content("dialPane", null, title, toneMode, number, keys, dialling);
        // The number sits above the keys in dialling; the tones' field takes its place during a call.
        Ui.visible(number, tones.not());
        dialling.getChildren().remove(number);
    }

    private void tone(String digits) {
        if (!vm.isEnabled(CommandKind.SEND_DTMF)) return;
        vm.callCommands().sendDtmf(digits);
        sent.appendText(digits);
    }

    void open(Node anchor) {
        sent.clear();
        show(anchor);
        (tones.get() ? sent : number).requestFocus();
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
