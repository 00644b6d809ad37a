package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Transfer the call, blind or after a consultation, to a typed number or one from the directory: the
 * agent's favourites, then this session's recent numbers. Picking an entry only fills the number (the
 * transfer is still the agent's click), so a stray Enter in the list never transfers anyone.
 */
final class TransferPopOver extends BarPopOver {

    /** A directory line: a favourite or a recent number. */
    record Entry(String number, boolean favourite) {
    }

    private final TextField target = new TextField();
    private final CheckBox internal;
    private final ListView<Entry> directory;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final Label hint = new Label();

    TransferPopOver(BarViewModel vm, Messages msg, boolean distinguishesInternal, Favourites favourites) {
        internal = InternalBox.create(msg, "transferInternal", distinguishesInternal);
        target.setId("transferTarget");
        target.setPromptText(msg.get("transfer.prompt"));
        target.setAccessibleText(msg.get("transfer.prompt"));
        StableButton blind = Ui.commandButton(msg, "blindTransfer", "button.blindTransfer",
                Material2MZ.PHONE_FORWARDED, null, vm.enabledProperty(CommandKind.BLIND_TRANSFER),
                vm.supportedProperty(CommandKind.BLIND_TRANSFER), () -> {
                    vm.blindTransfer(target.getText(), internal.isSelected());
                    hide();
                });
        StableButton consult = Ui.commandButton(msg, "consult", "button.consult", Material2AL.CALL_SPLIT, null,
                vm.enabledProperty(CommandKind.CONSULT), vm.supportedProperty(CommandKind.CONSULT), () -> {
                    vm.consult(target.getText(), internal.isSelected());
                    hide();
                });

        // Enter in the number does what its first button says (a transfer), or says why it cannot.
        target.setOnAction(e -> {
            boolean blindNow = vm.isEnabled(CommandKind.BLIND_TRANSFER);
            if (!blindNow && !vm.isEnabled(CommandKind.CONSULT)) hint.setText(msg.get("transfer.enter.notNow"));
            else if (target.getText().isBlank()) hint.setText(msg.get("transfer.enter.empty"));
            else if (blindNow) blind.fire();
            else consult.fire();
        });
        target.textProperty().addListener((o, a, b) -> hint.setText(""));

        StableButton star = new StableButton(msg.get("button.favouriteAdd"));
        star.setId("favouriteToggle");
        star.setTexts(msg.get("button.favouriteAdd"), msg.get("button.favouriteRemove"));
        star.setTooltip(Ui.tooltip(msg.get("favourite.tooltip")));
        star.disableProperty().bind(target.textProperty().isEmpty());
        Runnable starLook = () -> {
            boolean fav = favourites.contains(target.getText());
            star.setText(msg.get(fav ? "button.favouriteRemove" : "button.favouriteAdd"));
            star.setIcon(fav ? Material2MZ.STAR : Material2MZ.STAR_BORDER);
            star.setAccessibleText(star.getText() + " — " + msg.get("favourite.tooltip"));
        };
        star.setOnAction(e -> {
            favourites.toggle(target.getText());
            starLook.run();
        });
        target.textProperty().addListener((o, a, b) -> starLook.run());
        starLook.run();

        Label title = sectionTitle(msg.get("transfer.directory"));
        directory = list("transferDirectory", title.getText(), msg.get("transfer.directory.empty"), entries, 240, 120);
        directory.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null
                        : msg.format(e.favourite() ? "transfer.entry.favourite" : "transfer.entry.recent", e.number()));
                setGraphic(empty || e == null ? null : Ui.icon(e.favourite() ? Material2MZ.STAR : Material2AL.HISTORY));
                setOnMouseClicked(ev -> {
                    if (!isEmpty()) pick(getItem());
                });
            }
        });
        directory.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)
                    && directory.getSelectionModel().getSelectedItem() != null) {
                pick(directory.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Runnable refill = () -> refill(favourites.numbers(), vm.recentNumbers(), onTheLine(vm));
        favourites.numbers().addListener((ListChangeListener<String>) c -> refill.run());
        vm.recentNumbers().addListener((ListChangeListener<String>) c -> refill.run());
        vm.calls().addListener((ListChangeListener<dev.unibar.core.state.CallView>) c -> refill.run());
        refill.run();

        hint.setId("transferHint");
        hint.getStyleClass().add("error-text");
        hint.setWrapText(true);
        hint.setMaxWidth(260);
        Ui.visible(hint, hint.textProperty().isNotEmpty());
        content("transferPane", msg.get("transfer.title"), new HBox(6, target, star), internal,
                new HBox(6, blind, consult), hint, title, directory);
    }

    /** The numbers of the calls on the line now: transferring a caller to their own number makes no sense. */
    private static java.util.Set<String> onTheLine(BarViewModel vm) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (dev.unibar.core.state.CallView c : vm.calls()) {
            if (c.call().remoteNumber() != null) out.add(c.call().remoteNumber());
        }
        return out;
    }

    private void refill(java.util.List<String> favs, java.util.List<String> recent, java.util.Set<String> onLine) {
        java.util.List<Entry> all = new java.util.ArrayList<>();
        for (String f : favs) all.add(new Entry(f, true));
        for (String r : recent) if (!favs.contains(r) && !onLine.contains(r)) all.add(new Entry(r, false));
        entries.setAll(all);
    }

    /** Fills the number and hands the keyboard back to it: the transfer itself stays a deliberate click. */
    private void pick(Entry e) {
        target.setText(e.number());
        target.requestFocus();
        target.end();
    }

    ObservableList<Entry> entries() {
        return entries;
    }

    void open(Node anchor) {
        target.clear();
        hint.setText("");
        internal.setSelected(false);
        directory.getSelectionModel().clearSelection();
        show(anchor);
        target.requestFocus();
    }
}
