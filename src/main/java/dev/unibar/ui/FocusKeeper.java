package dev.unibar.ui;

import javafx.scene.Scene;

/** Placeholder: filled in once the cause is known. */
final class FocusKeeper {

    private FocusKeeper() {
    }

    static void attach(Scene scene) {
    }
}
