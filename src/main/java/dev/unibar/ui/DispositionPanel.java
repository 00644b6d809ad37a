package dev.unibar.ui;

import dev.unibar.crm.Dispositions;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Wrap-up in the bar (issue 23): the disposition and notes of the call that just ended, shown until they are
 * saved or the call is logged without them. Keyboard first: the filter has the focus when the panel opens,
 * typing narrows the codes (the first match is chosen), arrows move the choice, Enter saves; in the notes Enter
 * saves too and Shift+Enter starts a new line. Enter with nothing typed and nothing chosen does nothing, so a key
 * pressed for something else saves no code.
 */
final class DispositionPanel extends VBox {

    private final Dispositions dispositions;
    private final Messages msg;
    private final Runnable resized;
    private final Label title = new Label();
    private final TextField filter = new TextField();
    private final FilteredList<String> shown;
    private final ListView<String> codes;
    private final TextArea notes = new TextArea();
    private final Label error = new Label();
    private Dispositions.Waiting call;

    DispositionPanel(Dispositions dispositions, Messages msg, Runnable resized) {
        this.dispositions = dispositions;
        this.msg = msg;
        this.resized = resized;
        setId("dispositionPanel");
        getStyleClass().add("disposition-panel");
        setSpacing(4);
        title.setId("dispositionTitle");
        title.getStyleClass().add("disposition-title");
        shown = new FilteredList<>(FXCollections.observableArrayList(dispositions.codes()));
        codes = new ListView<>(shown);
        codes.setId("dispositionCodes");
        codes.setPrefHeight(4 * 26 + 2);
        codes.setFocusTraversable(false);
        filter.setId("dispositionFilter");
        filter.setPromptText(msg.get("crm.disposition.filter"));
        filter.textProperty().addListener((o, a, text) -> filter(text));
        filter.addEventFilter(KeyEvent.KEY_PRESSED, this::filterKeys);
        notes.setId("dispositionNotes");
        notes.setPromptText(msg.get("crm.disposition.notes"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.setTextFormatter(new javafx.scene.control.TextFormatter<String>(ch ->
                ch.getControlNewText().length() <= dispositions.notesMaxLength() ? ch : null));
        notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                save();
            }
        });
        Button save = new Button(msg.get("crm.disposition.save"));
        save.setId("dispositionSave");
        save.setDefaultButton(false);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> save());
        error.setId("dispositionError");
        error.getStyleClass().add("disposition-error");
        Ui.visible(error, javafx.beans.binding.Bindings.isNotEmpty(error.textProperty()));
        HBox.setHgrow(notes, Priority.ALWAYS);
        HBox bottom = new HBox(6, notes, save);
        boolean hasCodes = !dispositions.codes().isEmpty();
        filter.setVisible(hasCodes);
        filter.setManaged(hasCodes);
        codes.setVisible(hasCodes);
        codes.setManaged(hasCodes);
        getChildren().addAll(title, filter, codes, bottom, error);
        setVisible(false);
        setManaged(false);
        dispositions.onWaiting(w -> Platform.runLater(() -> show(w)));
    }

    private void show(List<Dispositions.Waiting> waiting) {
        Dispositions.Waiting newest = waiting.isEmpty() ? null : waiting.get(waiting.size() - 1);
        boolean changed = newest == null ? call != null : call == null || !newest.callId().equals(call.callId());
        call = newest;
        boolean visible = newest != null && dispositions.asked();
        if (!changed && visible == isVisible()) return;
        setVisible(visible);
        setManaged(visible);
        if (visible) {
            String who = newest.name() != null ? newest.name() : newest.number();
            title.setText(msg.format("crm.disposition.title", who != null ? who : msg.get("crm.disposition.unknownCaller")));
            filter.clear();
            notes.clear();
            error.setText("");
            codes.getSelectionModel().clearSelection();
            (filter.isVisible() ? filter : notes).requestFocus();
        }
        resized.run();
    }

    private void filter(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(c -> t.isEmpty() || c.toLowerCase(Locale.ROOT).contains(t));
        if (t.isEmpty() || shown.isEmpty()) codes.getSelectionModel().clearSelection();
        else codes.getSelectionModel().select(0);
    }

    private void filterKeys(KeyEvent e) {
        int i = codes.getSelectionModel().getSelectedIndex();
        if (e.getCode() == KeyCode.DOWN && !shown.isEmpty()) {
            codes.getSelectionModel().select(Math.min(shown.size() - 1, i + 1));
            codes.scrollTo(codes.getSelectionModel().getSelectedIndex());
            e.consume();
        } else if (e.getCode() == KeyCode.UP && i > 0) {
            codes.getSelectionModel().select(i - 1);
            codes.scrollTo(i - 1);
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            save();
        }
    }

    /** Saves what is chosen and typed; nothing at all chosen or typed saves nothing. */
    void save() {
        if (call == null) return;
        String code = codes.getSelectionModel().getSelectedItem();
        String text = notes.getText() == null || notes.getText().isBlank() ? null : notes.getText().strip();
        if (code == null && text == null) return;
        Dispositions.Waiting target = call;
        dispositions.set(target.callId(), code, text).thenAccept(r -> Platform.runLater(() -> {
            if (r.ok()) return;
            error.setText(msg.getOr("crm.disposition.error." + r.error(), msg.format("crm.disposition.error.other", r.error())));
            resized.run();
        }));
    }
}
