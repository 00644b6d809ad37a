package dev.unibar.testkit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * {@code robot.clickOn(query)} with the node found and its centre computed on the FX thread. TestFX does both
 * on the test thread; a test thread computing a parent's bounds while the FX thread changed its children
 * once broke JavaFX's bounds cache for good (IndexOutOfBoundsException in Parent.updateCachedBounds at every
 * later pulse), and every UI test after it in that JVM failed.
 */
public final class Click {

    private Click() {
    }

    /** Clicks the centre of the first visible node {@code query} finds; fails if there is none. */
    public static FxRobot on(FxRobot robot, String query) {
        Point2D centre;
        try {
            centre = OnFx.get(() -> {
                Node n = robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
                if (n == null) throw new AssertionError("no visible node for " + query);
                return robot.point(n).query();
            });
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot click on " + query + ": " + e, e);
        }
        return robot.clickOn(centre);
    }
}
