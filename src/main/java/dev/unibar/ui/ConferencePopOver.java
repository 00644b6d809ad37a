package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Participant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Start a conference (with a number to call in, or where the vendor can, the held caller and the
 * consulted party), and while one runs: its participants, remove one, leave it, or cancel it.
 */
final class ConferencePopOver extends BarPopOver {

    private final TextField participant = new TextField();
    private final CheckBox internal;
    private final ListView<Participant> legs;
    private final javafx.beans.binding.BooleanBinding consulting;

    /** The conference button opens this pop-over to start a conference or to manage the running one. */
    static ObservableBooleanValue usable(BarViewModel vm) {
        return Bindings.or(Bindings.or(vm.enabledProperty(CommandKind.CONFERENCE),
                        vm.enabledProperty(CommandKind.LEAVE_CONFERENCE)),
                Bindings.or(vm.enabledProperty(CommandKind.CANCEL_CONFERENCE),
                        vm.enabledProperty(CommandKind.REMOVE_PARTICIPANT)));
    }

    /**
     * The number is required where the vendor's capabilities say a conference needs one (EPBX answers
     * "no participant added" otherwise): the hint then asks for it and Start stays off until it is typed.
     */
    ConferencePopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        boolean needsParticipant = vm.capabilities().requiresTarget(CommandKind.CONFERENCE);
        CallCommands calls = vm.callCommands();
        internal = InternalBox.create(msg, "conferenceInternal", distinguishesInternal);
        participant.setId("conferenceParticipant");
        participant.setPromptText(msg.get(needsParticipant ? "conference.participant.required"
                : "conference.participant.prompt"));
        participant.setAccessibleText(participant.getPromptText());
        // In a consultation a conference joins the held caller and the consulted party: there is no number to ask.
        consulting = vm.heldCallProperty().isNotNull();
        StableButton start = Ui.commandButton(msg, "conferenceStart", "button.conferenceStart", Material2AL.CALL_MERGE,
                null, vm.enabledProperty(CommandKind.CONFERENCE), vm.supportedProperty(CommandKind.CONFERENCE), () -> {
                    if (consulting.get()) {
                        calls.conference("", false);
                        hide();
                        return;
                    }
                    if (needsParticipant && participant.getText().isBlank()) return;
                    calls.conference(participant.getText(), internal.isSelected());
                    hide();
                });
        if (needsParticipant) start.disableProperty().bind(vm.enabledProperty(CommandKind.CONFERENCE).not()
                .or(participant.textProperty().isEmpty().and(consulting.not())));
        participant.setOnAction(e -> start.fire());
        Ui.visible(participant, consulting.not());
        if (distinguishesInternal) Ui.visible(internal, consulting.not());
        Label hint = new Label();
        hint.textProperty().bind(Bindings.when(consulting).then(msg.get("conference.hint.consultation"))
                .otherwise(msg.get(needsParticipant ? "conference.hint.participant" : "conference.hint")));
        hint.setId("conferenceHint");
        hint.setWrapText(true);
        hint.setMaxWidth(260);

        Label legsTitle = sectionTitle(msg.get("conference.participants"));
        legs = list("conferenceParticipants", legsTitle.getText(), msg.get("conference.participants.none"),
                vm.participants(), 260, 96);
        legs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Participant p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : describe(msg, p));
            }
        });
        StableButton remove = Ui.commandButton(msg, "conferenceRemove", "button.conferenceRemove",
                Material2MZ.PERSON_REMOVE, "conference.remove.tooltip",
                vm.enabledProperty(CommandKind.REMOVE_PARTICIPANT), vm.supportedProperty(CommandKind.REMOVE_PARTICIPANT),
                () -> {
                    Participant p = legs.getSelectionModel().getSelectedItem();
                    if (p != null) calls.removeParticipant(p.number());
                });
        remove.disableProperty().bind(vm.enabledProperty(CommandKind.REMOVE_PARTICIPANT).not()
                .or(legs.getSelectionModel().selectedItemProperty().isNull()));
        StableButton leave = Ui.commandButton(msg, "conferenceLeave", "button.conferenceLeave", Material2AL.EXIT_TO_APP,
                "conference.leave.tooltip", vm.enabledProperty(CommandKind.LEAVE_CONFERENCE),
                vm.supportedProperty(CommandKind.LEAVE_CONFERENCE), () -> {
                    calls.leaveConference();
                    hide();
                });
        StableButton cancel = Ui.commandButton(msg, "conferenceCancel", "button.conferenceCancel", Material2AL.CANCEL,
                "conference.cancel.tooltip", vm.enabledProperty(CommandKind.CANCEL_CONFERENCE),
                vm.supportedProperty(CommandKind.CANCEL_CONFERENCE), () -> {
                    calls.cancelConference();
                    hide();
                });
        VBox running = new VBox(6, legsTitle, legs, new HBox(6, remove, leave, cancel));
        running.setId("conferenceRunning");
        boolean manages = vm.isSupported(CommandKind.LEAVE_CONFERENCE) || vm.isSupported(CommandKind.CANCEL_CONFERENCE)
                || vm.isSupported(CommandKind.REMOVE_PARTICIPANT);
        running.setVisible(manages);
        running.setManaged(manages);
        content("conferencePane", msg.get("conference.title"), participant, internal, hint, start, running);
    }

    static String describe(Messages msg, Participant p) {
        String who = p.number() != null ? p.number() : p.id() != null ? p.id() : "?";
        String state = p.state() == null ? "" : msg.getOr("conference.leg." + p.state(), p.state());
        return state.isEmpty() ? who : who + " · " + state;
    }

    void open(Node anchor) {
        participant.clear();
        internal.setSelected(false);
        legs.getSelectionModel().clearSelection();
        show(anchor);
        if (!consulting.get()) participant.requestFocus();
    }
}
