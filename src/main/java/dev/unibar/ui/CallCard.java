package dev.unibar.ui;

import dev.unibar.core.model.Direction;
import dev.unibar.core.state.CallStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Who is on the line, which queue or number they came through, the call's timer and its status; a
 * second line for the held caller during a consultation. Its height never changes with the calls
 * (both lines always take their place), so the controls below it stay where the agent's mouse is.
 * It takes the keyboard focus when the control that had it goes away (see {@link CallControls}):
 * a safe place, where Space and Enter do nothing.
 */
final class CallCard extends VBox {

    CallCard(BarViewModel vm, Messages msg) {
        super(2);
        setId("callCard");
        getStyleClass().add("call-card");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);

        Label direction = Ui.label("callDirection", "call-direction");
        direction.textProperty().bind(Bindings.createStringBinding(() -> {
            Direction d = vm.activeDirectionProperty().get();
            if (vm.activeCallProperty().get() == null) return "";
            return d == Direction.OUTBOUND ? msg.get("call.outbound") : msg.get("call.inbound");
        }, vm.activeDirectionProperty(), vm.activeCallProperty()));
        Label number = Ui.label("callNumber", "call-number");
        number.textProperty().bind(vm.activeNumberProperty());
        Label name = Ui.label("callName", "call-name");
        name.textProperty().bind(vm.activeNameProperty());
        Label customerId = Ui.label("callCustomerId", "call-customer-id");
        customerId.textProperty().bind(Bindings.createStringBinding(() -> {
            String id = vm.activeCustomerIdProperty().get();
            return id == null || id.isEmpty() ? "" : msg.format("call.customerId", id);
        }, vm.activeCustomerIdProperty()));
        Ui.visible(customerId, vm.activeCustomerIdProperty().isNotEmpty());
        Label queue = Ui.label("callQueue", "call-queue");
        queue.textProperty().bind(vm.activeQueueProperty());
        Label status = Ui.label("callStatus", "call-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            CallStatus s = vm.activeStatusProperty().get();
            return s == null ? "" : msg.get("call.status." + s.name());
        }, vm.activeStatusProperty()));
        Label duration = Ui.readout("callDuration", "call-duration", msg.get("call.duration"));
        duration.textProperty().bind(vm.activeDurationProperty());
        Label held = badge(msg, "heldBadge", "call.held", vm.activeHeldProperty());
        Label muted = badge(msg, "mutedBadge", "call.muted", vm.mutedProperty());
        Label conference = badge(msg, "conferenceBadge", "call.conference", vm.activeConferenceProperty());
        Label none = Ui.label("noCall", "no-call");
        none.setText(msg.get("call.none"));
        BooleanBinding hasCall = Bindings.isNotNull(vm.activeCallProperty());
        Ui.shown(none, hasCall.not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line1 = new HBox(8, direction, number, name, customerId, queue, status, spacer, held, muted, conference, duration);
        line1.setAlignment(Pos.CENTER_LEFT);
        line1.setId("callLine");
        Ui.shown(line1, hasCall);
        StackPane first = new StackPane(none, line1);
        first.setAlignment(Pos.CENTER_LEFT);

        Label heldLabel = Ui.label("heldLabel", "held-label");
        heldLabel.setText(msg.get("call.heldLine"));
        Label heldNumber = Ui.label("heldNumber", "held-number");
        heldNumber.textProperty().bind(vm.heldNumberProperty());
        HBox line2 = new HBox(6, heldLabel, heldNumber);
        line2.setId("heldLine");
        line2.setAlignment(Pos.CENTER_LEFT);
        line2.setMinHeight(USE_PREF_SIZE);
        Ui.shown(line2, Bindings.isNotNull(vm.heldCallProperty()));

        getChildren().addAll(first, line2, new EndCauseLabel(vm, msg));
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> vm.activeCallProperty().get() == null
                        ? none.getText()
                        : String.join(" ", direction.getText(), number.getText(), name.getText(), queue.getText(),
                        status.getText()).trim(),
                vm.activeCallProperty(), number.textProperty(), name.textProperty(), status.textProperty()));
    }

    private static Label badge(Messages msg, String id, String key, ObservableBooleanValue when) {
        Label l = Ui.label(id, "badge");
        l.setText(msg.get(key));
        Ui.visible(l, when);
        return l;
    }
}
