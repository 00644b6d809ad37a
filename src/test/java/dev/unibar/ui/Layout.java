package dev.unibar.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Layout checks for the tests: which visible labels show less than their whole text. */
final class Layout {

    private Layout() {
    }

    /**
     * Every visible control that runs past the window's right edge, and every one whose skin shows a clipped text ("Hang…"): the skin's text node then differs
     * from the control's text. Wrapped multi-line texts (the message strip) are left to their own test.
     */
    static List<String> cutOff(Node root) {
        // A label whose text just changed (the state timer ticking) shows its old text until the next layout pass:
        // lay out first, so only a clipped text differs.
        if (root instanceof javafx.scene.Parent p) {
            p.applyCss();
            p.layout();
        }
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) return;
        // Details that give way first ("…", whole in their tooltips) are not cut-off words.
        if (n instanceof Labeled l && !l.isWrapText() && l.getText() != null && !l.getText().isEmpty()
                && !l.getStyleClass().contains(StatusLine.MAY_SHORTEN)
                && l.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
            // A titled pane's own words are in its title; lookup() would go on into its content (a vendor's page).
            Node scope = l instanceof javafx.scene.control.TitledPane ? l.lookup(".title") : l;
            Node t = scope == null ? null : scope.lookup(".text");
            if (t instanceof Text text && !l.getText().equals(text.getText())) {
                out.add((l.getId() == null ? l.getClass().getSimpleName() : l.getId()) + ": \"" + l.getText()
                        + "\" shown as \"" + text.getText() + "\"");
            }
        }
        if (n instanceof javafx.scene.control.Control && n.getScene() != null) {
            double right = n.localToScene(n.getLayoutBounds()).getMaxX();
            if (right > n.getScene().getWidth() + 0.5) {
                out.add((n.getId() == null ? n.getClass().getSimpleName() : n.getId()) + ": runs past the window's edge ("
                        + Math.round(right) + " > " + Math.round(n.getScene().getWidth()) + ")");
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, out);
    }
}
