package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Call;
import dev.unibar.core.state.BarState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calls waiting in the agent's queue (queue.callWaiting), oldest first, each with a button that
 * takes it (EPBX AtendeChamadaNaFila). Shown only for vendors that offer taking a queued call, and
 * only while someone waits; the buttons are enabled while the agent has no call of their own.
 */
final class QueuedCallsView extends VBox {

    private final BarViewModel vm;
    private final Messages msg;
    private final Runnable resized;
    private List<String> shown = List.of();

    /** @param resized asks the compact window to fit its content again (rows come and go) */
    QueuedCallsView(BarViewModel vm, Messages msg, Runnable resized) {
        super(2);
        this.vm = vm;
        this.msg = msg;
        this.resized = resized;
        setId("queuedCalls");
        getStyleClass().add("queued-calls");
        boolean supported = vm.isSupported(CommandKind.TAKE_QUEUED_CALL);
        Ui.visible(this, Bindings.createBooleanBinding(() -> supported && !queued().isEmpty(),
                vm.stateProperty()));
        vm.stateProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private Map<String, Call> queued() {
        BarState s = vm.stateProperty().get();
        return s == null ? Map.of() : s.queuedCalls();
    }

    /** Rebuilt only when the waiting calls change, not on every state update. */
    private void refresh() {
        Map<String, Call> q = queued();
        List<String> ids = new ArrayList<>(q.keySet());
        if (ids.equals(shown)) return;
        shown = ids;
        getChildren().clear();
        resized.run();
        if (ids.isEmpty()) return;
        Label title = new Label(msg.format("queuedCalls.title", ids.size()));
        title.setId("queuedCallsTitle");
        getChildren().add(title);
        for (int i = 0; i < ids.size(); i++) getChildren().add(row(i, ids.get(i), q.get(ids.get(i))));
    }

    private HBox row(int index, String callId, Call call) {
        String number = call == null || call.remoteNumber() == null ? "" : call.remoteNumber();
        Label who = new Label(number.isBlank() ? msg.get("queuedCalls.unknown") : number);
        who.setId("queuedNumber" + index);
        Button take = new Button(msg.get("button.takeQueued"));
        take.setId("takeQueued" + index);
        take.disableProperty().bind(Bindings.not(vm.enabledProperty(CommandKind.TAKE_QUEUED_CALL)));
        take.setOnAction(e -> vm.send(new Command.TakeQueuedCall(callId)));
        HBox row = new HBox(6, who, take);
        row.getStyleClass().add("queued-call");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
