package dev.unibar.ui;

import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.unibar.core.state.ConnectionStatus;
import javafx.animation.PauseTransition;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The last message for the agent (a vendor notice, a refusal, a session error). It always takes the
 * same two lines, shown or empty, so a message coming and going never moves the controls under the
 * mouse. Info goes after 10 s, errors after 20 s (a notice of the vendor window gone stays while the connection is
 * not back); a refusal goes as soon as the situation that caused
 * it changes (the view model clears it).
 */
final class MessageStrip extends Label {

    private final PauseTransition timer = new PauseTransition();
    /** The text and, below it, the vendor's own words behind a sentence Unibar knows (its detail). */
    private final StringProperty whole = new SimpleStringProperty(this, "whole", "");

    MessageStrip(BarViewModel vm, Messages msg) {
        setId("notice");
        getStyleClass().addAll("notice", "empty");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setAccessibleRole(AccessibleRole.TEXT);
        // A long notice may be cut to the strip's width; the tooltip holds it whole.
        Ui.tip(this, whole);
        vm.messageProperty().addListener((o, a, m) -> show(vm, msg, m));
        show(vm, msg, vm.messageProperty().get());
    }

    private void show(BarViewModel vm, Messages msg, BarViewModel.Message m) {
        getStyleClass().removeAll("info", "warning", "error", "empty");
        timer.stop();
        if (m == null) {
            setText("");
            whole.set("");
            setAccessibleHelp(null);
            getStyleClass().add("empty");
            return;
        }
        getStyleClass().add(m.level().wire());
        setText(m.text(msg));
        String detail = m.notice() == null ? null : Notices.detail(m.notice());
        setAccessibleHelp(detail);
        whole.set(detail == null ? getText() : getText() + "\n" + detail);
        timer.setDuration(Duration.seconds(m.level() == NoticeLevel.ERROR ? 20 : 10));
        timer.setOnFinished(e -> {
            if (vm.messageProperty().get() != m) return;
            // Why the bar does not know (the vendor window is closed) stays while it still does not.
            if (m.standing() && vm.connectionProperty().get() != ConnectionStatus.CONNECTED) timer.playFromStart();
            else vm.clearMessage();
        });
        timer.playFromStart();
    }
}
