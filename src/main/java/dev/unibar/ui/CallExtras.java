package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * The second row of call buttons, for what not every vendor offers: tones, swap, recording, masking,
 * voicemail and directed pick-up. Each is there only where the vendor's capabilities list it, and keeps
 * its place and width in every state, like the first row. It owns the pop-overs its buttons open.
 */
final class CallExtras extends ButtonRow {

    private final Lazy<DtmfPopOver> dtmf;
    private final Lazy<PickupPopOver> pickup;

    CallExtras(BarViewModel vm, Messages msg, Node safeFocus) {
        super("callExtras", safeFocus);
        CallCommands calls = vm.callCommands();
        // Made when first opened (see Lazy).
        dtmf = new Lazy<>(() -> new DtmfPopOver(vm, msg));
        pickup = new Lazy<>(() -> new PickupPopOver(vm, msg));

        StableButton keypad = add(Ui.commandButton(msg, "dtmf", "button.dtmf", Material2AL.DIALPAD, "dtmf.tooltip",
                vm.enabledProperty(CommandKind.SEND_DTMF), vm.supportedProperty(CommandKind.SEND_DTMF), () -> { }));
        keypad.setOnAction(e -> {
            if (vm.isEnabled(CommandKind.SEND_DTMF)) dtmf.get().open(keypad);
        });
        add(Ui.commandButton(msg, "swap", "button.swap", Material2MZ.SWAP_CALLS, "swap.tooltip",
                vm.enabledProperty(CommandKind.SWAP), vm.supportedProperty(CommandKind.SWAP), calls::swap));

        StableButton record = add(Ui.commandButton(msg, "recordToggle", "button.record", Material2MZ.RADIO_BUTTON_CHECKED,
                "record.tooltip", Bindings.or(vm.enabledProperty(CommandKind.START_RECORDING),
                        vm.enabledProperty(CommandKind.STOP_RECORDING)),
                Bindings.or(vm.supportedProperty(CommandKind.START_RECORDING),
                        vm.supportedProperty(CommandKind.STOP_RECORDING)), calls::toggleRecording));
        toggle(record, vm.recordingProperty(), msg, "button.record", "button.stopRecord",
                Material2MZ.RADIO_BUTTON_CHECKED, Material2MZ.STOP);

        StableButton mask = add(Ui.commandButton(msg, "maskToggle", "button.mask", Material2MZ.SECURITY, "mask.tooltip",
                Bindings.or(vm.enabledProperty(CommandKind.MASK), vm.enabledProperty(CommandKind.UNMASK)),
                Bindings.or(vm.supportedProperty(CommandKind.MASK), vm.supportedProperty(CommandKind.UNMASK)),
                calls::toggleMask));
        toggle(mask, vm.maskedProperty(), msg, "button.mask", "button.unmask", Material2MZ.SECURITY,
                Material2AL.LOCK_OPEN);

        add(Ui.commandButton(msg, "toVoicemail", "button.toVoicemail", Material2MZ.VOICEMAIL, "voicemail.tooltip",
                vm.enabledProperty(CommandKind.TO_VOICEMAIL), vm.supportedProperty(CommandKind.TO_VOICEMAIL),
                calls::toVoicemail));
        StableButton take = add(Ui.commandButton(msg, "pickup", "button.pickup", Material2AL.CALL_RECEIVED,
                "pickup.tooltip", vm.enabledProperty(CommandKind.PICKUP), vm.supportedProperty(CommandKind.PICKUP),
                () -> { }));
        take.setOnAction(e -> {
            if (vm.isEnabled(CommandKind.PICKUP)) pickup.get().open(take);
        });
        // A row with nothing the vendor offers takes no room.
        boolean any = buttons().stream().anyMatch(b -> b.isVisible());
        setVisible(any);
        setManaged(any);
    }

    /** The shared toggle look, and for a screen reader the state in the accessible text. */
    private static void toggle(StableButton b, javafx.beans.value.ObservableBooleanValue on, Messages msg,
                               String offKey, String onKey, org.kordamp.ikonli.Ikon offIcon, org.kordamp.ikonli.Ikon onIcon) {
        Ui.toggleLook(b, on, msg, offKey, onKey, offIcon, onIcon);
        String tip = b.getAccessibleText();
        ChangeListener<Boolean> spoken = (o, a, now) -> b.setAccessibleText(msg.get(now ? onKey : offKey) + " — " + tip);
        on.addListener(spoken);
        spoken.changed(null, null, on.get());
    }

    /** The pop-overs' contents (making them), for the test that no text is hard-coded. */
    List<Node> popoverContents() {
        return List.of(dtmf.get().getContentNode(), pickup.get().getContentNode());
    }

    /** How many of this row's pop-overs have been made so far. */
    int popOversMade() {
        return (dtmf.made() ? 1 : 0) + (pickup.made() ? 1 : 0);
    }
}
