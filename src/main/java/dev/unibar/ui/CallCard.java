package dev.unibar.ui;

import dev.unibar.core.model.Direction;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Who is on the line, which queue or number they came through, the call's timer and its status; a
 * second line for the held caller during a consultation, the conference's participants, or the other
 * contacts (chats, e-mails) with their medium. Its height never changes with the calls
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
        Label conference = badge(msg, "conferenceBadge", "call.conference", vm.conferenceRunningProperty());
        // With the legs the vendor reported, the badge counts them: "Conference (2)".
        conference.textProperty().bind(Bindings.createStringBinding(() -> vm.participants().isEmpty()
                ? msg.get("call.conference") : msg.format("call.conferenceCount", vm.participants().size()),
                vm.participants()));
        Label media = Ui.label("callMedia", "badge");
        media.textProperty().bind(Bindings.createStringBinding(() -> mediumName(msg, vm.activeMediaProperty().get()),
                vm.activeMediaProperty()));
        Ui.visible(media, vm.activeMediaProperty().isNotEmpty());
        Label none = Ui.label("noCall", "no-call");
        none.setText(msg.get("call.none"));
        BooleanBinding hasCall = Bindings.isNotNull(vm.activeCallProperty());
        Ui.shown(none, hasCall.not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line1 = new HBox(8, direction, media, number, name, customerId, queue, status, spacer, held, muted, conference, duration);
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
        BooleanBinding consulting = Bindings.isNotNull(vm.heldCallProperty());
        Ui.shown(line2, consulting);

        // The same place, when no one is held: the conference's legs, else the other (non-voice) contacts.
        Label legs = Ui.label("conferenceLine", "held-label");
        legs.textProperty().bind(Bindings.createStringBinding(() -> vm.participants().isEmpty() ? ""
                : msg.format("call.participants", String.join(", ",
                vm.participants().stream().map(p -> ConferencePopOver.describe(msg, p)).toList())), vm.participants()));
        Ui.shown(legs, consulting.not().and(Bindings.isNotEmpty(vm.participants())));
        Label contacts = Ui.label("contactsLine", "held-label");
        contacts.textProperty().bind(Bindings.createStringBinding(() -> otherContacts(msg, vm),
                vm.calls(), vm.activeCallProperty()));
        Ui.shown(contacts, consulting.not().and(Bindings.isEmpty(vm.participants()))
                .and(contacts.textProperty().isNotEmpty()));
        StackPane second = new StackPane(line2, legs, contacts);
        second.setAlignment(Pos.CENTER_LEFT);
        second.setMinHeight(USE_PREF_SIZE);

        getChildren().addAll(first, second, new EndCauseLabel(vm, msg));
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> vm.activeCallProperty().get() == null
                        ? none.getText()
                        : String.join(" ", direction.getText(), media.getText(), number.getText(), name.getText(),
                        queue.getText(), status.getText()).replaceAll(" +", " ").trim(),
                vm.activeCallProperty(), media.textProperty(), number.textProperty(), name.textProperty(),
                status.textProperty()));
    }

    /** A medium's name in the agent's language; an unknown one as the vendor named it. */
    static String mediumName(Messages msg, String media) {
        if (media == null || media.isEmpty()) return "";
        return msg.getOr("media." + media.toLowerCase(java.util.Locale.ROOT), media);
    }

    /**
     * With a chat or other non-voice contact among them, the contacts other than the active one, each
     * with its medium (a phone call too). Calls alone keep the held-caller line of a consultation.
     */
    private static String otherContacts(Messages msg, BarViewModel vm) {
        if (vm.calls().stream().allMatch(c -> c.call().voice())) return "";
        CallView active = vm.activeCallProperty().get();
        List<String> parts = new ArrayList<>();
        for (CallView c : vm.calls()) {
            if (active != null && c.id().equals(active.id())) continue;
            String who = c.call().remoteName() != null ? c.call().remoteName() : c.call().remoteNumber();
            String medium = c.call().voice() ? msg.get("media.voice") : mediumName(msg, c.call().media());
            parts.add(msg.format("call.contact", medium, who == null ? "" : who));
        }
        return parts.isEmpty() ? "" : msg.format("call.contacts", String.join(" · ", parts));
    }

    private static Label badge(Messages msg, String id, String key, ObservableBooleanValue when) {
        Label l = Ui.label(id, "badge");
        l.setText(msg.get(key));
        Ui.visible(l, when);
        return l;
    }
}
