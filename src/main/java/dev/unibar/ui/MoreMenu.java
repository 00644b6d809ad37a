package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.Situation;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;

/**
 * "More": everything the vendor can do right now that is not in the primary row (cancel a consultation,
 * conference, swap, recording, masking, voicemail, pick-up, an account code during the call, the recording's
 * download). An entry shows only while its command is allowed, so the menu never lists what cannot be done, and
 * the button is off when nothing can. Entries a vendor lacks are never there.
 */
final class MoreMenu extends MenuButton {

    private final List<MenuItem> entries = new ArrayList<>();

    MoreMenu(BarViewModel vm, Messages msg, CallControls.Openers open) {
        setId("more");
        setText(msg.get("button.more"));
        setGraphic(Ui.icon(Material2MZ.MORE_HORIZ));
        setMnemonicParsing(false);
        getStyleClass().add("more");
        setAccessibleText(msg.get("more.tooltip"));
        Ui.tip(this, msg.get("more.tooltip"));
        CallCommands calls = vm.callCommands();

        entry(vm, msg, "cancelConsult", "button.cancelConsult", Material2MZ.UNDO,
                vm.enabledProperty(CommandKind.CANCEL_CONSULT), vm.supportedProperty(CommandKind.CANCEL_CONSULT),
                () -> ConsultLeg.of(vm.stateProperty().get()).ifPresent(id -> vm.send(new Command.CancelConsult(id))));
        // A pop-over: EPBX needs the number to call in; while a conference runs it lists and manages the legs.
        entry(vm, msg, "conference", "button.conference", Material2AL.CALL_MERGE, ConferencePopOver.usable(vm),
                vm.supportedProperty(CommandKind.CONFERENCE), open::conference);
        entry(vm, msg, "endConference", "button.endConference", Material2AL.CALL_SPLIT,
                vm.enabledProperty(CommandKind.END_CONFERENCE), vm.supportedProperty(CommandKind.END_CONFERENCE),
                vm::endConference);
        entry(vm, msg, "swap", "button.swap", Material2MZ.SWAP_CALLS, vm.enabledProperty(CommandKind.SWAP),
                vm.supportedProperty(CommandKind.SWAP), calls::swap);
        MenuItem record = entry(vm, msg, "recordToggle", "button.record", Material2MZ.RADIO_BUTTON_CHECKED,
                Bindings.or(vm.enabledProperty(CommandKind.START_RECORDING), vm.enabledProperty(CommandKind.STOP_RECORDING)),
                Bindings.or(vm.supportedProperty(CommandKind.START_RECORDING),
                        vm.supportedProperty(CommandKind.STOP_RECORDING)), calls::toggleRecording);
        record.textProperty().bind(Bindings.when(vm.recordingProperty()).then(msg.get("button.stopRecord"))
                .otherwise(msg.get("button.record")));
        MenuItem mask = entry(vm, msg, "maskToggle", "button.mask", Material2MZ.SECURITY,
                Bindings.or(vm.enabledProperty(CommandKind.MASK), vm.enabledProperty(CommandKind.UNMASK)),
                Bindings.or(vm.supportedProperty(CommandKind.MASK), vm.supportedProperty(CommandKind.UNMASK)),
                calls::toggleMask);
        mask.textProperty().bind(Bindings.when(vm.maskedProperty()).then(msg.get("button.unmask"))
                .otherwise(msg.get("button.mask")));
        entry(vm, msg, "toVoicemail", "button.toVoicemail", Material2MZ.VOICEMAIL,
                vm.enabledProperty(CommandKind.TO_VOICEMAIL), vm.supportedProperty(CommandKind.TO_VOICEMAIL),
                calls::toVoicemail);
        entry(vm, msg, "pickup", "button.pickup", Material2AL.CALL_RECEIVED, vm.enabledProperty(CommandKind.PICKUP),
                vm.supportedProperty(CommandKind.PICKUP), open::pickup);
        // In after-call work the codes are in the row itself.
        entry(vm, msg, "moreAccountCode", "button.accountCode", Material2MZ.RECEIPT,
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE).and(vm.situationProperty().isNotEqualTo(Situation.WRAP_UP)),
                vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE), open::accountCode);
        entry(vm, msg, "callData", "button.callData", Material2AL.DESCRIPTION,
                vm.enabledProperty(CommandKind.SET_CALL_DATA), vm.supportedProperty(CommandKind.SET_CALL_DATA), open::callData);
        entry(vm, msg, "downloadRecording", "button.downloadRecording", Material2AL.GET_APP,
                vm.enabledProperty(CommandKind.DOWNLOAD_RECORDING),
                vm.supportedProperty(CommandKind.DOWNLOAD_RECORDING), open::downloadRecording);

        // Only what this vendor can do at all is in the menu.
        getItems().setAll(entries.stream().filter(i -> Boolean.TRUE.equals(i.getProperties().get("supported"))).toList());
        BooleanBinding anyNow = Bindings.createBooleanBinding(
                () -> entries.stream().anyMatch(MenuItem::isVisible),
                entries.stream().map(MenuItem::visibleProperty).toArray(javafx.beans.Observable[]::new));
        disableProperty().bind(anyNow.not());
        // A vendor that offers none of these gets no "More" at all.
        boolean offered = !getItems().isEmpty();
        setVisible(offered);
        setManaged(offered);
    }

    private MenuItem entry(BarViewModel vm, Messages msg, String id, String key, Ikon icon,
                           ObservableBooleanValue enabledNow, ObservableBooleanValue supported, Runnable action) {
        MenuItem item = new MenuItem(msg.get(key));
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setGraphic(Ui.icon(icon));
        item.getProperties().put("supported", supported.get());
        item.visibleProperty().bind(Bindings.and(supported, enabledNow));
        item.setOnAction(e -> {
            if (item.isVisible()) action.run();
        });
        entries.add(item);
        return item;
    }

    /** The entry with this id (shown or not), for tests. */
    MenuItem entry(String id) {
        return entries.stream().filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + id));
    }

    List<MenuItem> entries() {
        return List.copyOf(entries);
    }
}
