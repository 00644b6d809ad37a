package dev.unibar.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks before something that drops a session or a call (log out, quit). The safe answer has the focus and is
 * the default: a stray Enter or Space keeps the agent signed in; only a deliberate click or Tab to the
 * destructive button (which is never the default) goes ahead.
 */
final class Confirm {

    private Confirm() {
    }

    /**
     * Shows the question (not modal-waiting: a nested event loop inside a menu action is fragile) and runs
     * {@code onYes} if the agent chose to go ahead. Texts: {@code prefix.title}, {@code .yes}, {@code .no}, and
     * {@code headerKey}, {@code textKey}; ids: {@code id} (the pane), {@code id}Confirm and {@code id}Cancel, with
     * "Confirmation" dropped from {@code id} for the buttons ({@code logoutConfirmation} → {@code logoutConfirm}).
     */
    static Alert ask(Node near, Messages msg, String id, String prefix, String headerKey, String textKey,
                     Runnable onYes) {
        ButtonType yes = new ButtonType(msg.get(prefix + ".yes"), ButtonBar.ButtonData.OTHER);
        ButtonType no = new ButtonType(msg.get(prefix + ".no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, msg.get(textKey), yes, no);
        alert.setTitle(msg.get(prefix + ".title"));
        alert.setHeaderText(msg.get(headerKey));
        alert.getDialogPane().setId(id);
        String base = id.replace("Confirmation", "");
        Button go = (Button) alert.getDialogPane().lookupButton(yes);
        Button stay = (Button) alert.getDialogPane().lookupButton(no);
        go.setId(base + "Confirm");
        stay.setId(base + "Cancel");
        go.setDefaultButton(false);
        stay.setDefaultButton(true);
        if (near != null && near.getScene() != null && near.getScene().getWindow() != null) {
            alert.initOwner(near.getScene().getWindow());
            if (!near.getScene().getStylesheets().isEmpty()) {
                alert.getDialogPane().getStylesheets().addAll(near.getScene().getStylesheets());
            }
        }
        alert.setOnShown(e -> Platform.runLater(stay::requestFocus));
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes) onYes.run();
        });
        alert.show();
        return alert;
    }
}
