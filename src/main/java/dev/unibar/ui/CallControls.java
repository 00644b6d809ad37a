package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The call buttons. Each keeps its place and width in every state (disabled, not removed, when the
 * guard forbids; toggles as wide as their widest text), and when the row is narrower than its words
 * every button shows its icon alone. Focus never moves onto a control by itself: when the focused
 * button is disabled (Answer, once answered) the focus goes to the call card, not to the next
 * button in line, which would be Hang up.
 */
final class CallControls extends ButtonRow {

    static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final StableButton transfer;
    private final StableButton dialPad;
    private final StableButton accountCode;
    private final StableButton conference;

    /** What the pop-over buttons open; the bar owns the pop-overs. */
    interface Openers {
        void transfer();

        void conference();

        void dialPad();

        void accountCode();

        void downloadRecording();
    }

    CallControls(BarViewModel vm, Messages msg, Node safeFocus, Openers open) {
        super("callControls", safeFocus);

        StableButton answer = add(Ui.commandButton(msg, "answer", "button.answer", Material2AL.CALL,
                "shortcut.answer", vm.enabledProperty(CommandKind.ANSWER), vm.supportedProperty(CommandKind.ANSWER),
                vm::answer));
        // AtlantaFX colours: green to answer, red to hang up; Reject stays plain so the two never compete.
        answer.getStyleClass().addAll("answer", atlantafx.base.theme.Styles.SUCCESS);
        add(Ui.commandButton(msg, "reject", "button.reject", Material2MZ.PHONE_DISABLED, null,
                vm.enabledProperty(CommandKind.REJECT), vm.supportedProperty(CommandKind.REJECT), vm::reject))
                .getStyleClass().add("reject");
        add(Ui.commandButton(msg, "hangup", "button.hangup", Material2AL.CALL_END, "shortcut.hangup",
                vm.enabledProperty(CommandKind.HANGUP), vm.supportedProperty(CommandKind.HANGUP), vm::hangup))
                .getStyleClass().addAll("hangup", atlantafx.base.theme.Styles.DANGER);

        StableButton hold = add(Ui.commandButton(msg, "hold", "button.hold", Material2MZ.PAUSE, "shortcut.hold",
                Bindings.or(vm.enabledProperty(CommandKind.HOLD), vm.enabledProperty(CommandKind.RESUME)),
                Bindings.or(vm.supportedProperty(CommandKind.HOLD), vm.supportedProperty(CommandKind.RESUME)),
                vm::toggleHold));
        // Resume whenever resuming is what the button would do; the pseudo-class makes it look pressed.
        Ui.toggleLook(hold, vm.enabledProperty(CommandKind.RESUME), msg, "button.hold", "button.resume",
                Material2MZ.PAUSE, Material2MZ.PLAY_ARROW);

        StableButton mute = add(Ui.commandButton(msg, "mute", "button.mute", Material2MZ.MIC_OFF, "shortcut.mute",
                Bindings.or(vm.enabledProperty(CommandKind.MUTE), vm.enabledProperty(CommandKind.UNMUTE)),
                Bindings.or(vm.supportedProperty(CommandKind.MUTE), vm.supportedProperty(CommandKind.UNMUTE)),
                vm::toggleMute));
        Ui.toggleLook(mute, vm.mutedProperty(), msg, "button.mute", "button.unmute", Material2MZ.MIC_OFF, Material2MZ.MIC);

        transfer = add(Ui.commandButton(msg, "transfer", "button.transfer", Material2MZ.PHONE_FORWARDED, null,
                Bindings.or(vm.enabledProperty(CommandKind.BLIND_TRANSFER), vm.enabledProperty(CommandKind.CONSULT)),
                Bindings.or(vm.supportedProperty(CommandKind.BLIND_TRANSFER), vm.supportedProperty(CommandKind.CONSULT)),
                open::transfer));
        add(Ui.commandButton(msg, "completeTransfer", "button.completeTransfer", Material2AL.DONE_ALL, null,
                vm.enabledProperty(CommandKind.COMPLETE_TRANSFER), vm.supportedProperty(CommandKind.COMPLETE_TRANSFER),
                vm::completeTransfer));
        // Always in its place (disabled until a consultation runs): a button that appeared would move the row.
        add(Ui.commandButton(msg, "cancelConsult", "button.cancelConsult", Material2MZ.UNDO, "cancelConsult.tooltip",
                vm.enabledProperty(CommandKind.CANCEL_CONSULT), vm.supportedProperty(CommandKind.CANCEL_CONSULT),
                () -> ConsultLeg.of(vm.stateProperty().get()).ifPresent(id -> vm.send(new Command.CancelConsult(id)))));
        // A pop-over, not a one-click action: EPBX needs the number to call into the conference.
        // Also while a conference runs: its pop-over lists the participants and leaves or cancels it.
        conference = add(Ui.commandButton(msg, "conference", "button.conference", Material2AL.CALL_MERGE, null,
                ConferencePopOver.usable(vm), vm.supportedProperty(CommandKind.CONFERENCE), open::conference));
        add(Ui.commandButton(msg, "endConference", "button.endConference", Material2AL.CALL_SPLIT, null,
                vm.enabledProperty(CommandKind.END_CONFERENCE), vm.supportedProperty(CommandKind.END_CONFERENCE),
                vm::endConference));
        dialPad = add(Ui.commandButton(msg, "dialPad", "button.dialPad", Material2AL.DIALPAD, "shortcut.dialPad",
                vm.enabledProperty(CommandKind.DIAL), vm.supportedProperty(CommandKind.DIAL), open::dialPad));
        accountCode = add(Ui.commandButton(msg, "accountCode", "button.accountCode", Material2MZ.RECEIPT, null,
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                open::accountCode));
        add(Ui.commandButton(msg, "downloadRecording", "button.downloadRecording", Material2AL.GET_APP, null,
                vm.enabledProperty(CommandKind.DOWNLOAD_RECORDING),
                vm.supportedProperty(CommandKind.DOWNLOAD_RECORDING), open::downloadRecording));
    }

    StableButton transferButton() {
        return transfer;
    }

    StableButton dialPadButton() {
        return dialPad;
    }

    StableButton accountCodeButton() {
        return accountCode;
    }

    StableButton conferenceButton() {
        return conference;
    }
}
