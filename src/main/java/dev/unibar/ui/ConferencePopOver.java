package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.material2.Material2AL;

/** Start a conference: with a number to call in, or (where the vendor can) the held caller and the consulted party. */
final class ConferencePopOver extends BarPopOver {

    private final TextField participant = new TextField();
    private final CheckBox internal;

    /**
     * @param needsParticipant the vendor only conferences by calling a number in (EPBX answers "no participant
     *                         added" otherwise): the number is then required and the hint says so
     */
    ConferencePopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal, boolean needsParticipant) {
        internal = InternalBox.create(msg, "conferenceInternal", distinguishesInternal);
        participant.setId("conferenceParticipant");
        participant.setPromptText(msg.get(needsParticipant ? "conference.participant.required"
                : "conference.participant.prompt"));
        participant.setAccessibleText(participant.getPromptText());
        StableButton start = Ui.commandButton(msg, "conferenceStart", "button.conferenceStart", Material2AL.CALL_MERGE,
                null, vm.enabledProperty(CommandKind.CONFERENCE), vm.supportedProperty(CommandKind.CONFERENCE), () -> {
                    if (needsParticipant && participant.getText().isBlank()) return;
                    vm.conference(participant.getText(), internal.isSelected());
                    hide();
                });
        if (needsParticipant) start.disableProperty().bind(vm.enabledProperty(CommandKind.CONFERENCE).not()
                .or(participant.textProperty().isEmpty()));
        participant.setOnAction(e -> start.fire());
        Label hint = new Label(msg.get(needsParticipant ? "conference.hint.participant" : "conference.hint"));
        hint.setId("conferenceHint");
        hint.setWrapText(true);
        hint.setMaxWidth(260);
        content("conferencePane", msg.get("conference.title"), participant, internal, hint, start);
    }

    void open(Node anchor) {
        participant.clear();
        internal.setSelected(false);
        show(anchor);
        participant.requestFocus();
    }
}
