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

    private static volatile long multiClickNanos = -1;
    private static volatile Point2D lastClick;
    private static volatile long lastClickNanos;

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
        return jump(robot, centre);
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
        Point2D last = lastClick;
        if (last != null && last.distance(target) < 12) {
            jump(robot, target.add(0, 16));
            awaitMultiClickTime();
        }
        jump(robot, target);
        Point2D at = centre(robot, query);
        lastClick = at;
        lastClickNanos = System.nanoTime();
        return robot.clickOn(at);
    }

    /**
     * JavaFX counts a press on the spot of the last one within the toolkit's multi-click time as its second
     * click, whatever the mouse did in between; TestFX's slow glide used to hide that. The wait is the
     * gesture's own length, not a guess at the machine's speed.
     */
    private static void awaitMultiClickTime() {
        long left = multiClickNanos() - (System.nanoTime() - lastClickNanos);
        if (left > 0) WaitForAsyncUtils.sleep(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        // The toolkit forgets the last press on a pulse after that time: let one pass.
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The mouse goes straight to {@code p} in one move. TestFX's moveTo glides there in up to 200 steps, each
     * a round trip to the FX thread: on a loaded machine that was most of a UI test's time (sampled with
     * jstack: 46 of 64 samples of UcsEndToEndTest's test thread were in the glide and its waits).
     */
    /** The toolkit's multi-click time (asked on the FX thread, as Glass wants) and a pulse to spare. */
    private static long multiClickNanos() {
        if (multiClickNanos < 0) {
            try {
                multiClickNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
                        OnFx.get(() -> com.sun.javafx.tk.Toolkit.getToolkit().getMultiClickTime()) + 20);
            } catch (Exception e) {
                throw new AssertionError("the toolkit's multi-click time", e);
            }
        }
        return multiClickNanos;
    }

    private static FxRobotInterface jump(FxRobot robot, Point2D p) {
        robot.robotContext().getMouseRobot().move(p);
        return robot;
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
