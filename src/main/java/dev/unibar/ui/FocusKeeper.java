package dev.unibar.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The keyboard stays in the vendor's page until the agent moves it: a state changed in the page re-lays the bar
 * out, and a focus that left the page then (to the dial pad, say) would make the agent's next key press act on
 * the bar. A focus move out of the page that no key or click of the agent caused is undone.
 */
final class FocusKeeper {

    private boolean agentActing;

    private FocusKeeper() {
    }

    static void attach(Scene scene) {
        FocusKeeper k = new FocusKeeper();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> k.acting());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> k.acting());
        scene.focusOwnerProperty().addListener((o, was, now) -> k.moved(was, now));
    }

    /** The agent is acting: focus moves until this event is handled are the agent's. */
    private void acting() {
        agentActing = true;
        Platform.runLater(() -> agentActing = false);
    }

    private void moved(Node was, Node now) {
        if (agentActing || was == null || !inVendorPage(was) || (now != null && inVendorPage(now))) return;
        if (!usable(was)) return;
        Platform.runLater(() -> {
            if (usable(was)) was.requestFocus();
        });
    }

    /** Still in the scene, enabled and shown (a collapsed panel hides its content without touching it). */
    private static boolean usable(Node n) {
        if (n.getScene() == null || n.isDisabled()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    static boolean inVendorPage(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains(Theme.VENDOR_PAGE)) return true;
        }
        return false;
    }
}
