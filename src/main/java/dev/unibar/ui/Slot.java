package dev.unibar.ui;

import dev.unibar.core.state.PrimaryActions.Action;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One of the primary row's fixed places: it shows the button of the action that fits the moment, or nothing,
 * and is always as wide as the widest button it may show, so the row never moves. When the button it shows
 * changes under the mouse (Answer becomes Hold), a second click of the same double-click is not taken by the
 * new button: the agent meant the first one. Focus that sat on a button that goes away goes to the call card,
 * never on to the next button (which may be Hang up).
 */
final class Slot extends StackPane {

    /** A click this soon after the last one here, on a button that was not there then, is the same gesture. */
    static final long SAME_GESTURE_NANOS = 500_000_000L;

    private final Map<Action, StableButton> buttons = new EnumMap<>(Action.class);
    private final Node safeFocus;
    private final LongSupplier nanos;
    private Action shown = Action.NONE;
    private long lastPress = Long.MIN_VALUE / 2;
    private Action pressedWhileShown = Action.NONE;

    Slot(String id, Node safeFocus, LongSupplier nanos) {
        this.safeFocus = safeFocus;
        this.nanos = nanos;
        setId(id);
        getStyleClass().add("slot");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Adds the button for {@code action}; hidden until the moment asks for it. */
    StableButton add(Action action, StableButton b) {
        buttons.put(action, b);
        b.setVisible(false);
        // Every button fills its slot: one size per place, whichever action it holds now.
        b.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(b);
        b.visibleProperty().addListener((o, was, now) -> leaveSafely(b, !now));
        b.disabledProperty().addListener((o, was, now) -> leaveSafely(b, now));
        // Before the button's own action: a second press of one double-click lands here first.
        b.addEventFilter(ActionEvent.ACTION, e -> {
            long at = nanos.getAsLong();
            boolean sameGesture = at - lastPress < SAME_GESTURE_NANOS && pressedWhileShown != action;
            lastPress = at;
            pressedWhileShown = action;
            if (sameGesture) e.consume();
        });
        return b;
    }

    private void leaveSafely(StableButton b, boolean gone) {
        // The scene's focus owner, not isFocused(): while the incoming-call pop-up has the keyboard the bar's
        // window is not focused, yet its focus owner is still this button and would be passed on.
        if (gone && b.getScene() != null && b.getScene().getFocusOwner() == b) safeFocus.requestFocus();
    }

    /** Shows {@code action}'s button (or none); the slot keeps its width either way. */
    void show(Action action) {
        if (action == shown) return;
        shown = action;
        for (Map.Entry<Action, StableButton> e : buttons.entrySet()) e.getValue().setVisible(e.getKey() == action);
    }

    Action shown() {
        return shown;
    }

    List<StableButton> buttons() {
        return List.copyOf(buttons.values());
    }

    StableButton button(Action a) {
        return buttons.get(a);
    }

    double widthWithText() {
        double w = 0;
        for (StableButton b : buttons.values()) if (b.isManaged()) w = Math.max(w, b.widthWithText());
        return w;
    }

    double widthIconOnly() {
        double w = 0;
        for (StableButton b : buttons.values()) if (b.isManaged()) w = Math.max(w, b.widthIconOnly());
        return w;
    }

    void setCompact(boolean compact) {
        for (StableButton b : buttons.values()) b.setCompact(compact);
    }

    /** True when the vendor offers one of this slot's actions at all. */
    boolean offersAny() {
        return buttons.values().stream().anyMatch(Node::isManaged);
    }

    private boolean compact() {
        return buttons.values().stream().anyMatch(b -> b.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + (compact() ? widthIconOnly() : widthWithText()) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }
}
