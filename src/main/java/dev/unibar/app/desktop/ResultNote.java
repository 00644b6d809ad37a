package dev.unibar.app.desktop;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import javafx.stage.Stage;

/**
 * The result of something the agent asked for from a menu (the support bundle saved, or why not): it stays until
 * the agent dismisses it (a click on it, Escape) or does anything else in the bar (a click there), never replaced
 * by a vendor notice or a timer as the message strip's texts are (issue 22: "saved to …" went before it was read).
 * Laid over the message strip, so nothing in the bar moves, and it takes no focus: the next key press goes where
 * it would have gone.
 */
final class ResultNote {

    static final String ID = "resultNote";
    private Popup shown;

    /** FX thread. Replaces the previous result, if one is still shown. */
    void show(Stage stage, String text, boolean failed) {
        hide();
        if (stage == null || !stage.isShowing()) return;
        Label label = new Label(text);
        label.setId(ID);
        label.setWrapText(true);
        label.getStyleClass().addAll("notice", failed ? "error" : "info");
        Node strip = stage.getScene().lookup("#notice");
        double width = strip != null ? strip.getBoundsInLocal().getWidth() : stage.getWidth() - 16;
        label.setMaxWidth(Math.max(160, width));
        label.setStyle("-fx-padding: 6 10 6 10; -fx-background-radius: 4; -fx-border-radius: 4;"
                + " -fx-border-color: -color-border-default, transparent; -fx-background-color: -color-bg-default;");
        Popup p = new Popup();
        p.getContent().add(label);
        p.setAutoHide(true);
        p.setHideOnEscape(true);
        p.setAutoFix(true);
        p.getScene().getStylesheets().setAll(stage.getScene().getStylesheets());
        label.setOnMouseClicked(e -> p.hide());
        Bounds at = strip != null ? strip.localToScreen(strip.getBoundsInLocal()) : null;
        double x = at != null ? at.getMinX() : stage.getX() + 8;
        double y = at != null ? at.getMinY() : stage.getY() + stage.getHeight() / 2;
        p.show(stage, x, y);
        shown = p;
    }

    void hide() {
        if (shown != null) shown.hide();
        shown = null;
    }
}
