package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Device;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Phone pairing after login: pick a listed device or type an identifier, then confirm. */
public final class DevicePickerView extends VBox {

    public DevicePickerView(BarViewModel vm, Messages msg) {
        setId("devicePicker");
        getStyleClass().add("device-picker");
        setSpacing(6);
        Label title = new Label(msg.get("device.title"));
        title.getStyleClass().add("section-title");

        ListView<Device> list = new ListView<>(vm.devices());
        list.setId("deviceList");
        list.setPrefHeight(110);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Device d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null
                        : d.name() != null && !d.name().isBlank() && !d.name().equals(d.id())
                        ? msg.format("device.entry", d.name(), d.id()) : d.id());
            }
        });
        BarView.visible(list, Bindings.isNotEmpty(vm.devices()));

        TextField identifier = new TextField();
        identifier.setId("deviceIdentifier");
        identifier.setPromptText(msg.get("device.identifier.prompt"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) identifier.setText(d.id());
        });

        Button pair = command(vm, msg.get("device.pair"), "pairDevice", CommandKind.SELECT_DEVICE,
                Bindings.isEmpty(identifier.textProperty()), () -> vm.selectDevice(identifier.getText()));
        identifier.setOnAction(e -> pair.fire());
        Button confirm = command(vm, msg.get("device.confirm"), "confirmDevice", CommandKind.PROVISION,
                Bindings.isNull(vm.deviceProperty()), vm::provision);
        Button change = command(vm, msg.get("device.change"), "changeDevice", CommandKind.IDENTIFY,
                Bindings.isNull(vm.deviceProperty()), vm::identify);

        Label paired = new Label();
        paired.setId("pairedDevice");
        paired.textProperty().bind(Bindings.createStringBinding(() -> {
            Device d = vm.deviceProperty().get();
            return d == null ? "" : msg.format("device.paired", d.name() != null ? d.name() : d.id());
        }, vm.deviceProperty()));
        BarView.visible(paired, Bindings.isNotNull(vm.deviceProperty()));

        HBox buttons = new HBox(6, pair, confirm, change);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, list, identifier, buttons, paired);
    }

    /** Shown where the vendor has the command; enabled where the bar allows it and nothing is {@code missing}. */
    private static Button command(BarViewModel vm, String text, String id, CommandKind kind,
                                  ObservableBooleanValue missing, Runnable action) {
        Button b = Ui.button(id, text, action);
        BarView.visible(b, vm.supportedProperty(kind));
        b.disableProperty().bind(vm.enabledProperty(kind).not().or(missing));
        return b;
    }
}
