package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The Ctrl+Shift shortcuts, installed on every window of the bar (the bar, the incoming-call pop-up,
 * the inspector), so they work whichever of them has the keyboard. Each acts only when its command is
 * allowed right now.
 */
record Shortcuts(BarViewModel vm, Runnable openDialPad, Runnable toggleInspector) {

    void install(Scene scene) {
        scene.getAccelerators().put(combo(KeyCode.A), () -> {
            if (vm.isEnabled(CommandKind.ANSWER)) vm.answer();
        });
        scene.getAccelerators().put(combo(KeyCode.H), () -> {
            if (vm.isEnabled(CommandKind.HANGUP)) vm.hangup();
        });
        scene.getAccelerators().put(combo(KeyCode.O), () -> {
            if (vm.holdOrResumeAllowed()) vm.toggleHold();
        });
        scene.getAccelerators().put(combo(KeyCode.M), () -> {
            if (vm.muteOrUnmuteAllowed()) vm.toggleMute();
        });
        scene.getAccelerators().put(combo(KeyCode.D), openDialPad);
        scene.getAccelerators().put(combo(KeyCode.I), toggleInspector);
    }

    static KeyCombination combo(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
