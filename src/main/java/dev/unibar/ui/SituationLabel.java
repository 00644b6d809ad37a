package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/**
 * The state pill where the vendor changes the state only in its own panel (MAX, Evolux): the same word, colour
 * and width as {@link StateSelector}, without a menu; its tooltip says where the state changes.
 */
final class SituationLabel extends Label {

    private final Messages msg;

    SituationLabel(BarViewModel vm, Messages msg) {
        this.msg = msg;
        setId("stateReadOnly");
        getStyleClass().addAll("state-read-only", SituationLook.BASE);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        Ui.visible(this, vm.supportedProperty(CommandKind.SET_STATE).not());
        Ui.tip(this, Bindings.createStringBinding(() -> SituationLook.detail(msg, vm.presentationProperty().get())
                + "\n" + msg.format("state.changeInVendorPanel", msg.vendorName(vm.vendorProperty().get())),
                vm.presentationProperty(), vm.vendorProperty()));
        vm.presentationProperty().addListener((o, a, p) -> SituationLook.apply(this, msg, p));
        SituationLook.apply(this, msg, vm.presentationProperty().get());
    }

    @Override
    protected double computePrefWidth(double height) {
        return SituationLook.fixedWidth(this, super.computePrefWidth(height), getText(), msg);
    }
}
