package dev.unibar.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * A window that grows (its minimum follows the texts of the agent's language) grows to the right from where
 * the desktop placed it for its first, smaller size: measured in Czech, 858 px wide at x 462 on a 1280 px
 * screen, the Log out button cut off. Whenever the width changes the window is moved back onto the screen
 * it is on, and made no wider than that screen, so no control is ever off screen.
 */
final class KeepOnScreen {

    private KeepOnScreen() {
    }

    static void attach(Stage stage) {
        stage.widthProperty().addListener((o, a, b) -> fit(stage));
        stage.heightProperty().addListener((o, a, b) -> fit(stage));
    }

    static void fit(Stage stage) {
        List<Rectangle2D> screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(),
                Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight())).stream().map(Screen::getVisualBounds).toList();
        Rectangle2D s = screens.isEmpty() ? Screen.getPrimary().getVisualBounds() : screens.get(0);
        double w = width(stage.getWidth(), stage.getMinWidth(), s.getWidth());
        if (w < stage.getWidth()) {
            // The width listener comes back here to place the narrower window.
            stage.setWidth(w);
            return;
        }
        double x = placed(stage.getX(), stage.getWidth(), s.getMinX(), s.getMaxX());
        double y = placed(stage.getY(), stage.getHeight(), s.getMinY(), s.getMaxY());
        if (x != stage.getX()) stage.setX(x);
        if (y != stage.getY()) stage.setY(y);
    }

    /**
     * No wider than the screen, unless the window's minimum is: the bar's rows then show their icons alone
     * rather than words cut off at the screen's edge. Measured in French with EPBX's controls: 1,304 px on a
     * 1,280 px screen, Log out and Recording cut off.
     */
    static double width(double width, double min, double screen) {
        if (!Double.isFinite(width) || !Double.isFinite(screen) || screen <= 0) return width;
        return Math.min(width, Math.max(min, screen));
    }

    /** The start that keeps {@code [start, start + size]} inside {@code [min, max]}, or at {@code min} if larger. */
    static double placed(double start, double size, double min, double max) {
        if (!Double.isFinite(start) || !Double.isFinite(size)) return start;
        if (start + size > max) start = max - size;
        return Math.max(start, min);
    }
}
