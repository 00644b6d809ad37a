package dev.unibar.ui;

import dev.unibar.core.model.Direction;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is on the line, in three lines that always keep their place (so the controls below never move): the
 * caller's number and name with the call's timer; the details (direction, medium, queue or campaign, status,
 * customer id) with the badges (held, muted, conference); and the held caller during a consultation, the
 * conference's legs, the other open contacts, or why the last call ended. Number and name are never cut: the
 * card's minimum width keeps room for a long number and a name of ordinary length, and the details shorten
 * first. It takes the keyboard focus when the control that had it goes away: a safe place, where Space and
 * Enter do nothing. While the bar does not know (connection down) it shows the last known call, dimmed.
 */
final class CallCard extends VBox {

    /** A long international number and an ordinary full name: what the card keeps room for, at least. */
    static final String ROOM_FOR_NUMBER = "+55 11 98888-7777";
    static final String ROOM_FOR_NAME = "Maria Aparecida Silva";
    static final double PICTURE = 24;
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final Label number;
    private final Label name;
    private final Label duration;
    private final HBox line1;
    private final javafx.beans.property.BooleanProperty pictures = new javafx.beans.property.SimpleBooleanProperty();

    CallCard(BarViewModel vm, Messages msg) {
        super(2);
        setId("callCard");
        getStyleClass().add("call-card");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        // A click on the card gives it the keyboard: the safe place, from where Tab and Shift+Tab go on.
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());

        number = Ui.label("callNumber", "call-number");
        number.textProperty().bind(vm.activeNumberProperty());
        number.setMinWidth(USE_PREF_SIZE);
        // A chat has no number: its name starts the line.
        Ui.visible(number, vm.activeNumberProperty().isNotEmpty());
        name = Ui.label("callName", "call-name");
        name.textProperty().bind(vm.activeNameProperty());
        Ui.tip(name, vm.activeNameProperty());
        duration = Ui.readout("callDuration", "call-duration", msg.get("call.duration"));
        duration.textProperty().bind(vm.activeDurationProperty());
        duration.setMinWidth(USE_PREF_SIZE);
        Region gap1 = new Region();
        HBox.setHgrow(gap1, Priority.ALWAYS);
        // The lookup's picture: its square is kept for the whole session where the vendor takes a lookup (MAX)
        // and one is configured, and never exists elsewhere: the card's size does not change when a picture comes
        // or goes, and without a lookup the number stands where it stands for every vendor.
        CustomerPicture picture = new CustomerPicture("callPicture", PICTURE, vm.activePictureProperty(),
                vm.activeNameProperty(), msg);
        Ui.visible(picture, javafx.beans.binding.Bindings.and(
                vm.supportedProperty(dev.unibar.core.command.CommandKind.CONTACT_CARD), pictures));
        line1 = new HBox(8, picture, number, name, gap1, duration);
        line1.setAlignment(Pos.CENTER_LEFT);
        line1.setId("callLine");
        Label none = Ui.label("noCall", "no-call");
        none.setText(msg.get("call.none"));
        BooleanBinding hasCall = Bindings.isNotNull(vm.activeCallProperty());
        Ui.shown(none, hasCall.not());
        Ui.shown(line1, hasCall);
        // As tall as the number's line whether a number shows or not (a chat has none): the controls stay put.
        StackPane first = new StackPane(none, line1) {
            @Override
            protected double computeMinHeight(double width) {
                return Math.max(super.computeMinHeight(width), snappedTopInset() + number.prefHeight(-1) + snappedBottomInset());
            }

            @Override
            protected double computePrefHeight(double width) {
                return Math.max(super.computePrefHeight(width), computeMinHeight(width));
            }
        };
        first.setAlignment(Pos.CENTER_LEFT);

        Label direction = detail("callDirection", "call-direction");
        direction.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.activeCallProperty().get() == null) return "";
            return vm.activeDirectionProperty().get() == Direction.OUTBOUND ? msg.get("call.outbound")
                    : msg.get("call.inbound");
        }, vm.activeDirectionProperty(), vm.activeCallProperty()));
        Label media = Ui.label("callMedia", "badge");
        media.textProperty().bind(Bindings.createStringBinding(() -> mediumName(msg, vm.activeMediaProperty().get()),
                vm.activeMediaProperty()));
        Ui.visible(media, vm.activeMediaProperty().isNotEmpty());
        Label queue = detail("callQueue", "call-queue");
        queue.textProperty().bind(vm.activeQueueProperty());
        Label status = detail("callStatus", "call-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            CallStatus s = vm.activeStatusProperty().get();
            return s == null ? "" : msg.get("call.status." + s.name());
        }, vm.activeStatusProperty()));
        Label customerId = detail("callCustomerId", "call-customer-id");
        customerId.textProperty().bind(Bindings.createStringBinding(() -> {
            String id = vm.activeCustomerIdProperty().get();
            return id == null || id.isEmpty() ? "" : msg.format("call.customerId", id);
        }, vm.activeCustomerIdProperty()));
        Ui.visible(customerId, vm.activeCustomerIdProperty().isNotEmpty());
        Label held = badge(msg, "heldBadge", "call.held", vm.activeHeldProperty());
        Label muted = badge(msg, "mutedBadge", "call.muted", vm.mutedProperty());
        Label conference = badge(msg, "conferenceBadge", "call.conference", vm.conferenceRunningProperty());
        // With the legs the vendor reported, the badge counts them: "Conference (2)".
        conference.textProperty().bind(Bindings.createStringBinding(() -> vm.participants().isEmpty()
                ? msg.get("call.conference") : msg.format("call.conferenceCount", vm.participants().size()),
                vm.participants()));
        Label recording = badge(msg, "recordingBadge", "call.recording", vm.recordingProperty());
        Label masked = badge(msg, "maskedBadge", "call.masked", vm.maskedProperty());
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox line2 = new HBox(6, direction, media, queue, status, customerId, gap2, held, muted, conference,
                recording, masked);
        line2.setId("callDetails");
        line2.setAlignment(Pos.CENTER_LEFT);
        line2.setMinHeight(USE_PREF_SIZE);
        Ui.shown(line2, hasCall);
        StackPane second = new StackPane(line2);
        second.setAlignment(Pos.CENTER_LEFT);
        // Always one line's height, empty or not.
        second.setMinHeight(20);

        Label heldLabel = Ui.label("heldLabel", "held-label");
        heldLabel.setText(msg.get("call.heldLine"));
        Label heldNumber = Ui.label("heldNumber", "held-number");
        heldNumber.textProperty().bind(vm.heldNumberProperty());
        HBox heldLine = new HBox(6, heldLabel, heldNumber);
        heldLine.setId("heldLine");
        heldLine.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding consulting = Bindings.isNotNull(vm.heldCallProperty());
        Ui.shown(heldLine, consulting);
        // The same place, when no one is held: the conference's legs, else the other (non-voice) contacts.
        Label legs = detail("conferenceLine", "held-label");
        legs.textProperty().bind(Bindings.createStringBinding(() -> vm.participants().isEmpty() ? ""
                : msg.format("call.participants", String.join(", ",
                vm.participants().stream().map(p -> ConferencePopOver.describe(msg, p)).toList())), vm.participants()));
        Ui.shown(legs, consulting.not().and(Bindings.isNotEmpty(vm.participants())));
        Label contacts = detail("contactsLine", "held-label");
        contacts.textProperty().bind(Bindings.createStringBinding(() -> otherContacts(msg, vm),
                vm.calls(), vm.activeCallProperty()));
        Ui.shown(contacts, consulting.not().and(Bindings.isEmpty(vm.participants()))
                .and(contacts.textProperty().isNotEmpty()));
        EndCauseLabel endCause = new EndCauseLabel(vm, msg);
        StackPane third = new StackPane(heldLine, legs, contacts, endCause);
        third.setAlignment(Pos.CENTER_LEFT);
        third.setMinHeight(20);

        getChildren().addAll(first, second, third);
        vm.presentationProperty().addListener((o, a, p) -> pseudoClassStateChanged(STALE, p.stale()));
        pseudoClassStateChanged(STALE, vm.presentationProperty().get().stale());
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> vm.activeCallProperty().get() == null
                        ? none.getText()
                        : String.join(" ", direction.getText(), media.getText(), number.getText(), name.getText(),
                        queue.getText(), status.getText()).replaceAll(" +", " ").trim(),
                vm.activeCallProperty(), media.textProperty(), number.textProperty(), name.textProperty(),
                status.textProperty()));
    }

    /** A detail that shortens ("…") before the number or the name would. */
    private static Label detail(String id, String styleClass) {
        Label l = Ui.label(id, styleClass);
        l.getStyleClass().add(StatusLine.MAY_SHORTEN);
        return l;
    }

    /**
     * Never narrower than a long number, an ordinary name and the timer side by side, in the card's own fonts:
     * the window's minimum width follows, so the one thing the agent needs is never cut.
     */
    @Override
    protected double computeMinWidth(double height) {
        double room = SituationLook.widest(font(number), List.of(ROOM_FOR_NUMBER))
                + SituationLook.widest(font(name), List.of(ROOM_FOR_NAME))
                + SituationLook.widest(font(duration), List.of("0:00:00")) + 2 * line1.getSpacing();
        return snappedLeftInset() + room + snappedRightInset();
    }

    private static Font font(Label l) {
        return l.getFont();
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
        l.setMinWidth(USE_PREF_SIZE);
        Ui.visible(l, when);
        return l;
    }

    /** Whether a customer lookup that may give pictures is configured (the app knows; the card does not). */
    void showPictures(boolean on) {
        pictures.set(on);
    }
}
