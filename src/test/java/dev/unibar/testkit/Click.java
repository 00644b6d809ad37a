package dev.unibar.testkit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code robot.clickOn(query)} with the node found and its centre computed on the FX thread. TestFX does both
 * on the test thread; a test thread computing a parent's bounds while the FX thread changed its children
 * once broke JavaFX's bounds cache for good (IndexOutOfBoundsException in Parent.updateCachedBounds at every
 * later pulse), and every UI test after it in that JVM failed.
 */
public final class Click {

    private Click() {
    }

    /** Moves the mouse to the centre of {@code node}, computed on the FX thread. */
    public static FxRobotInterface hover(FxRobot robot, Node node) {
        Point2D centre;
        try {
            centre = OnFx.get(() -> robot.point(node).query());
        } catch (Exception e) {
            throw new AssertionError("cannot move to " + node + ": " + e, e);
        }
        return robot.moveTo(centre);
    }

    /**
     * Clicks the centre of the first visible node {@code query} finds; fails if there is none. Like TestFX,
     * it looks again once the mouse has arrived, in case the node moved meanwhile (a control appearing
     * shifts its neighbours), and clicks where the node is then.
     */
    public static FxRobotInterface on(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D target = centre(robot, query);
        // Every click a gesture of its own: two clicks on one spot in quick succession are a double-click to JavaFX
        // (the bar's slots ignore the second click of a double-click on a button that replaced the first).
        Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
        if (mouse != null && mouse.distance(target) < 12) robot.moveTo(target.add(0, 16));
        robot.moveTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(centre(robot, query));
    }

    private static Point2D centre(FxRobot robot, String query) {
        try {
            return OnFx.get(() -> {
                Node n = robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
                if (n == null) throw new AssertionError("no visible node for " + query);
                return robot.point(n).query();
            });
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot click on " + query + ": " + e, e);
        }
    }
}
