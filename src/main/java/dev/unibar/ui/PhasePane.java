package dev.unibar.ui;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * Where the login form, the device picker and the call panel take turns. As wide as the widest of them
 * whichever shows (so the window keeps one width from the sign-in to the end of the session), as tall as the
 * one that shows.
 */
final class PhasePane extends StackPane {

    PhasePane() {
        setId("content");
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : getChildren()) w = Math.max(w, n.prefWidth(-1));
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        double w = 0;
        for (Node n : getChildren()) w = Math.max(w, n.minWidth(-1));
        return snappedLeftInset() + w + snappedRightInset();
    }
}
