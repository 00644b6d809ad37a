package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.PrimaryActions;
import dev.unibar.core.state.PrimaryActions.Action;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The primary row: four fixed {@link Slot}s holding the actions that fit the moment
 * ({@link PrimaryActions}: ringing, Answer and Reject; talking, Hold, Mute, Transfer, Hang up; wrap-up, codes and
 * Ready), then the one dial pad (dialling, or tones while a call is up) and "More" with everything else the
 * vendor can do now. Nothing in it moves or changes width between moments; when the row is narrower than its
 * words every button shows its icon alone (the tooltip and the screen-reader text still name it).
 */
final class CallControls extends HBox {

    static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final List<Slot> slots = new ArrayList<>();
    private final StableButton dialPad;
    private final MoreMenu more;
    private boolean compact;

    /** What the buttons open; the bar owns the pop-overs. */
    interface Openers {
        void transfer();

        void conference();

        void dialPad();

        void accountCode();

        void downloadRecording();

        void pickup();

        void callData();
    }

    CallControls(BarViewModel vm, Messages msg, Node safeFocus, Openers open) {
        super(4);
        setId("callControls");
        getStyleClass().add("call-controls");
        setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < PrimaryActions.SLOTS; i++) slots.add(new Slot("slot" + i, safeFocus));

        StableButton answer = put(Action.ANSWER, Ui.commandButton(msg, "answer", "button.answer", Material2AL.CALL,
                "shortcut.answer", vm.enabledProperty(CommandKind.ANSWER), vm.supportedProperty(CommandKind.ANSWER),
                vm::answer));
        // AtlantaFX colours: green to answer, red to hang up; Reject stays plain so the two never compete.
        answer.getStyleClass().addAll("answer", atlantafx.base.theme.Styles.SUCCESS);
        put(Action.REJECT, Ui.commandButton(msg, "reject", "button.reject", Material2MZ.PHONE_DISABLED, null,
                vm.enabledProperty(CommandKind.REJECT), vm.supportedProperty(CommandKind.REJECT), vm::reject))
                .getStyleClass().add("reject");
        put(Action.HANGUP, Ui.commandButton(msg, "hangup", "button.hangup", Material2AL.CALL_END, "shortcut.hangup",
                vm.enabledProperty(CommandKind.HANGUP), vm.supportedProperty(CommandKind.HANGUP), vm::hangup))
                .getStyleClass().addAll("hangup", atlantafx.base.theme.Styles.DANGER);

        StableButton hold = put(Action.HOLD, Ui.commandButton(msg, "hold", "button.hold", Material2MZ.PAUSE,
                "shortcut.hold", either(vm, true, CommandKind.HOLD, CommandKind.RESUME),
                either(vm, false, CommandKind.HOLD, CommandKind.RESUME), vm::toggleHold));
        // Resume whenever resuming is what the button would do; the pseudo-class makes it look pressed.
        Ui.toggleLook(hold, vm.enabledProperty(CommandKind.RESUME), msg, "button.hold", "button.resume",
                Material2MZ.PAUSE, Material2MZ.PLAY_ARROW);
        StableButton mute = put(Action.MUTE, Ui.commandButton(msg, "mute", "button.mute", Material2MZ.MIC_OFF,
                "shortcut.mute", either(vm, true, CommandKind.MUTE, CommandKind.UNMUTE),
                either(vm, false, CommandKind.MUTE, CommandKind.UNMUTE), vm::toggleMute));
        Ui.toggleLook(mute, vm.mutedProperty(), msg, "button.mute", "button.unmute", Material2MZ.MIC_OFF, Material2MZ.MIC);

        put(Action.TRANSFER, Ui.commandButton(msg, "transfer", "button.transfer", Material2MZ.PHONE_FORWARDED, null,
                either(vm, true, CommandKind.BLIND_TRANSFER, CommandKind.CONSULT),
                either(vm, false, CommandKind.BLIND_TRANSFER, CommandKind.CONSULT), open::transfer));
        put(Action.COMPLETE_TRANSFER, Ui.commandButton(msg, "completeTransfer", "button.completeTransfer",
                Material2AL.DONE_ALL, null, vm.enabledProperty(CommandKind.COMPLETE_TRANSFER),
                vm.supportedProperty(CommandKind.COMPLETE_TRANSFER), vm::completeTransfer));
        put(Action.CODES, Ui.commandButton(msg, "accountCode", "button.accountCode", Material2MZ.RECEIPT, null,
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                open::accountCode));
        put(Action.READY, Ui.commandButton(msg, "goReady", "button.ready", Material2AL.CHECK_CIRCLE, "state.change",
                vm.enabledProperty(CommandKind.SET_STATE), vm.supportedProperty(CommandKind.SET_STATE), vm::ready))
                .getStyleClass().add("go-ready");

        // One pad for dialling and for tones: it knows whether a call is up.
        dialPad = Ui.commandButton(msg, "dialPad", "button.dialPad", Material2AL.DIALPAD, "shortcut.dialPad",
                either(vm, true, CommandKind.DIAL, CommandKind.SEND_DTMF),
                either(vm, false, CommandKind.DIAL, CommandKind.SEND_DTMF), open::dialPad);
        dialPad.disabledProperty().addListener((o, was, now) -> {
            if (now && getScene() != null && getScene().getFocusOwner() == dialPad) safeFocus.requestFocus();
        });
        more = new MoreMenu(vm, msg, open);

        getChildren().addAll(slots);
        getChildren().addAll(dialPad, more);

        Set<Action> offered = offered(vm);
        Runnable place = () -> {
            List<Action> now = PrimaryActions.slots(vm.presentationProperty().get(), offered);
            for (int i = 0; i < slots.size(); i++) slots.get(i).show(now.get(i));
        };
        vm.presentationProperty().addListener((o, a, b) -> place.run());
        place.run();
        // The same places for every vendor: a slot this vendor cannot fill stays empty but keeps its room, so
        // the row reads the same after a change of vendor. Only a vendor with no primary action at all (its
        // calls are handled in its own page) gives the row's room back.
        boolean anyOffered = slots.stream().anyMatch(Slot::offersAny);
        for (Slot s : slots) {
            s.setVisible(s.offersAny());
            s.setManaged(anyOffered);
        }
    }

    private StableButton put(Action a, StableButton b) {
        return slots.get(PrimaryActions.slotOf(a)).add(a, b);
    }

    private static ObservableBooleanValue either(BarViewModel vm, boolean enabled, CommandKind a, CommandKind b) {
        return enabled ? Bindings.or(vm.enabledProperty(a), vm.enabledProperty(b))
                : Bindings.or(vm.supportedProperty(a), vm.supportedProperty(b));
    }

    /** The primary actions this vendor can do at all (its capabilities). */
    static Set<Action> offered(BarViewModel vm) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (vm.isSupported(CommandKind.ANSWER)) out.add(Action.ANSWER);
        if (vm.isSupported(CommandKind.REJECT)) out.add(Action.REJECT);
        if (vm.isSupported(CommandKind.HOLD) || vm.isSupported(CommandKind.RESUME)) out.add(Action.HOLD);
        if (vm.isSupported(CommandKind.MUTE) || vm.isSupported(CommandKind.UNMUTE)) out.add(Action.MUTE);
        if (vm.isSupported(CommandKind.BLIND_TRANSFER) || vm.isSupported(CommandKind.CONSULT)) out.add(Action.TRANSFER);
        if (vm.isSupported(CommandKind.COMPLETE_TRANSFER)) out.add(Action.COMPLETE_TRANSFER);
        if (vm.isSupported(CommandKind.HANGUP)) out.add(Action.HANGUP);
        if (vm.isSupported(CommandKind.SET_ACCOUNT_CODE)) out.add(Action.CODES);
        if (vm.isSupported(CommandKind.SET_STATE)) out.add(Action.READY);
        return out;
    }

    /** Every button of the row, shown or not (for tests and the layout checks). */
    List<StableButton> buttons() {
        List<StableButton> out = new ArrayList<>();
        for (Slot s : slots) out.addAll(s.buttons());
        out.add(dialPad);
        return out;
    }

    List<Slot> slots() {
        return List.copyOf(slots);
    }

    StableButton button(Action a) {
        return slots.get(PrimaryActions.slotOf(a)).button(a);
    }

    StableButton transferButton() {
        return button(Action.TRANSFER);
    }

    StableButton dialPadButton() {
        return dialPad;
    }

    StableButton accountCodeButton() {
        return button(Action.CODES);
    }

    MoreMenu more() {
        return more;
    }

    boolean isCompact() {
        return compact;
    }

    /** The row's width with words (or icons alone): the slots, the pad and "More". */
    double widthWithText() {
        return measured(false);
    }

    private double measured(boolean iconsOnly) {
        double w = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (Slot s : slots) {
            if (!s.isManaged()) continue;
            w += iconsOnly ? s.widthIconOnly() : s.widthWithText();
            shown++;
        }
        if (dialPad.isManaged()) {
            w += iconsOnly ? dialPad.widthIconOnly() : dialPad.widthWithText();
            shown++;
        }
        w += more.isManaged() ? more.prefWidth(-1) : 0;
        return w + Math.max(0, more.isManaged() ? shown : shown - 1) * getSpacing();
    }

    @Override
    protected double computeMinWidth(double height) {
        return measured(true);
    }

    @Override
    protected double computePrefWidth(double height) {
        return widthWithText();
    }

    @Override
    protected void layoutChildren() {
        compact = getWidth() + 0.5 < widthWithText();
        for (Slot s : slots) s.setCompact(compact);
        dialPad.setCompact(compact);
        super.layoutChildren();
    }
}
