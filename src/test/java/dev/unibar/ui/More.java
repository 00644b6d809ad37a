package dev.unibar.ui;

import dev.unibar.testkit.Click;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/** The primary row's "More" menu, as a test opens it and reads it. */
final class More {

    private More() {
    }

    /** Opens "More" and clicks the entry with this id (it must be offered now). */
    static void choose(FxRobot robot, String id) {
        Click.on(robot, "#more");
        Fx.until("entry " + id + " in the open menu",
                () -> robot.lookup("#" + id).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        Click.on(robot, "#" + id);
    }

    /** The bar the robot sees (the one in the test's window). */
    static BarView bar(FxRobot robot) {
        return onFx(() -> (BarView) robot.lookup("#bar").query());
    }

    /** On the FX thread (also from inside {@code Fx.until}'s condition, which already runs there). */
    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        if (!javafx.application.Platform.isFxApplicationThread()) return Fx.get(c);
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean offered(FxRobot robot, String id) {
        return offered(bar(robot), id);
    }

    static MenuItem entry(BarView bar, String id) {
        return onFx(() -> bar.callControls().more().entry(id));
    }

    /** True while the entry is in the menu: the vendor offers it and it can be done now. */
    static boolean offered(BarView bar, String id) {
        return onFx(() -> bar.callControls().more().entry(id).isVisible());
    }
}
