package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;

/** Suspend or resume one queue by its id (the vendors take numeric ids; the field accepts digits only). */
final class QueuePopOver extends BarPopOver {

    private final TextField queueId = new TextField();

    QueuePopOver(BarViewModel vm, Messages msg) {
        Ui.prompted(queueId, "queueId", msg.get("queue.id.prompt"));
        queueId.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d*") ? c : null));
        StableButton suspend = Ui.commandButton(msg, "suspendQueue", "button.suspendQueue", null, null,
                vm.enabledProperty(CommandKind.SUSPEND_QUEUE), vm.supportedProperty(CommandKind.SUSPEND_QUEUE),
                () -> {
                    vm.suspendQueue(queueId.getText());
                    hide();
                });
        StableButton resume = Ui.commandButton(msg, "resumeQueue", "button.resumeQueue", null, null,
                vm.enabledProperty(CommandKind.RESUME_QUEUE), vm.supportedProperty(CommandKind.RESUME_QUEUE),
                () -> {
                    vm.resumeQueue(queueId.getText());
                    hide();
                });
        content("queuePane", msg.get("queue.title"), queueId, new HBox(6, suspend, resume));
    }

    void open(Node anchor) {
        show(anchor);
        queueId.requestFocus();
    }
}
