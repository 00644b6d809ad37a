package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Tones into the call on the line: each key sends its digit at once, as on a phone (an IVR menu reacts
 * to each), and the field shows what was sent. Typing 0-9, * and # in the field sends them as well. The
 * keys never take the focus, so a Space or Enter after a click does not repeat a digit.
 */
final class DtmfPopOver extends BarPopOver {

    private final TextField sent = new TextField();

    DtmfPopOver(BarViewModel vm, Messages msg) {
        sent.setId("dtmfSent");
        sent.setEditable(false);
        sent.setPromptText(msg.get("dtmf.prompt"));
        sent.setAccessibleText(msg.get("dtmf.prompt"));
        // The shared pad types into a scratch field; every key typed is sent at once and shown in "sent".
        TextField pad = new TextField();
        pad.textProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) return;
            send(vm, now);
            pad.clear();
        });
        GridPane keys = DialPadPopOver.keys(pad);
        keys.setId("dtmfKeys");
        for (Node k : keys.getChildren()) {
            Button b = (Button) k;
            b.setId("dtmf" + b.getId().substring(3));
            b.disableProperty().bind(vm.enabledProperty(CommandKind.SEND_DTMF).not());
            b.setAccessibleText(msg.format("dtmf.key", b.getText()));
        }
        sent.setOnKeyTyped(e -> {
            String c = e.getCharacter();
            if (c != null && c.matches("[0-9*#]")) send(vm, c);
        });
        Label hint = new Label(msg.get("dtmf.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(200);
        content("dtmfPane", msg.get("dtmf.title"), sent, keys, hint);
    }

    private void send(BarViewModel vm, String digits) {
        if (!vm.isEnabled(CommandKind.SEND_DTMF)) return;
        vm.callCommands().sendDtmf(digits);
        sent.appendText(digits);
    }

    void open(Node anchor) {
        sent.clear();
        show(anchor);
        sent.requestFocus();
    }
}
