package dev.unibar.app.desktop;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Puts the bar where the agent left it. The place is kept in the state folder and restored only when it
 * is still on a screen (a laptop taken off its docking station must not open the bar out of sight).
 */
public final class WindowMemory {

    private static final System.Logger LOG = System.getLogger(WindowMemory.class.getName());
    /** At least this much of the window must be on a screen to restore the place. */
    static final double VISIBLE = 48;

    private final Path file;

    public WindowMemory(Path file) {
        this.file = file;
    }

    public record Place(double x, double y, double width, double height) {
    }

    /** Restores the saved place (before the stage shows) and saves it again whenever the stage hides. */
    public void attach(Stage stage) {
        load().filter(p -> onScreen(p, Screen.getScreens().stream().map(Screen::getVisualBounds).toList()))
                .ifPresent(p -> {
                    stage.setX(p.x());
                    stage.setY(p.y());
                    if (p.width() > 0 && p.height() > 0) {
                        stage.setWidth(p.width());
                        stage.setHeight(p.height());
                    }
                });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING,
                e -> save(new Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }

    static boolean onScreen(Place p, List<Rectangle2D> screens) {
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) return false;
        double w = Math.max(p.width(), VISIBLE);
        // The title bar (top strip) must be reachable to move the window.
        Rectangle2D top = new Rectangle2D(p.x(), p.y(), w, VISIBLE);
        for (Rectangle2D s : screens) {
            double ix = Math.min(top.getMaxX(), s.getMaxX()) - Math.max(top.getMinX(), s.getMinX());
            double iy = Math.min(top.getMaxY(), s.getMaxY()) - Math.max(top.getMinY(), s.getMinY());
            if (ix >= VISIBLE && iy >= VISIBLE / 2) return true;
        }
        return false;
    }

    public Optional<Place> load() {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new Place(num(p, "x"), num(p, "y"), num(p, "width"), num(p, "height")));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.INFO, "window place not restored (" + file + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    public void save(Place place) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(place.x()));
        p.setProperty("y", Double.toString(place.y()));
        p.setProperty("width", Double.toString(place.width()));
        p.setProperty("height", Double.toString(place.height()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Unibar window place");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "window place not saved (" + file + "): " + e.getMessage());
        }
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no " + key);
        return Double.parseDouble(v.trim());
    }
}
