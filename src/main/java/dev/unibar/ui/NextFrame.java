package dev.unibar.ui;

import javafx.scene.Scene;

/** Work that waits for a scene's next frame: the first frame, when asked for before the window shows. */
public final class NextFrame {

    private NextFrame() {
    }

    /**
     * Runs {@code action} once, on the FX thread, right after the next layout pulse of {@code scene}. It runs
     * inside the pulse: heavy work should queue itself with {@code Platform.runLater}, so the frame is drawn
     * first.
     */
    public static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
