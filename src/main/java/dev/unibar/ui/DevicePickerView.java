package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Device;
import javafx.beans.binding.Bindings;
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

        Button pair = new Button(msg.get("device.pair"));
        pair.setId("pairDevice");
        BarView.visible(pair, vm.supportedProperty(CommandKind.SELECT_DEVICE));
        pair.disableProperty().bind(vm.enabledProperty(CommandKind.SELECT_DEVICE).not()
                .or(Bindings.isEmpty(identifier.textProperty())));
        pair.setOnAction(e -> vm.selectDevice(identifier.getText()));
        identifier.setOnAction(e -> pair.fire());

        Button confirm = new Button(msg.get("device.confirm"));
        confirm.setId("confirmDevice");
        BarView.visible(confirm, vm.supportedProperty(CommandKind.PROVISION));
        confirm.disableProperty().bind(vm.enabledProperty(CommandKind.PROVISION).not()
                .or(Bindings.isNull(vm.deviceProperty())));
        confirm.setOnAction(e -> vm.provision());

        Button change = new Button(msg.get("device.change"));
        change.setId("changeDevice");
        BarView.visible(change, vm.supportedProperty(CommandKind.IDENTIFY));
        change.disableProperty().bind(vm.enabledProperty(CommandKind.IDENTIFY).not()
                .or(Bindings.isNull(vm.deviceProperty())));
        change.setOnAction(e -> vm.identify());

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
}
