package dev.unibar.ui;

import dev.unibar.core.state.PrimaryActions.Action;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * One of the primary row's fixed places: it shows the button of the action that fits the moment, or nothing,
 * and is always as wide as the widest button it may show, so the row never moves. When the button it shows
 * changes under the mouse (Answer becomes Hold), the second click of a double-click is not taken by the new
 * button: the agent meant the first one. Focus that sat on a button that goes away goes to the call card,
 * never on to the next button (which may be Hang up).
 */
final class Slot extends StackPane {

    private final Map<Action, StableButton> buttons = new EnumMap<>(Action.class);
    private final Node safeFocus;
    private Action shown = Action.NONE;
    /** The click count of the mouse press that led to the next action (0: the keyboard's). */
    private int clicks;
    /** The action the slot's last action event was for. */
    private Action lastActed = Action.NONE;

    Slot(String id, Node safeFocus) {
        this.safeFocus = safeFocus;
        setId(id);
        getStyleClass().add("slot");
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> clicks = e.getClickCount());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> clicks = 0);
    }

    /** Adds the button for {@code action}; hidden until the moment asks for it. */
    StableButton add(Action action, StableButton b) {
        buttons.put(action, b);
        // Shown by the moment (show()); whether the vendor offers it at all stays in "managed".
        b.visibleProperty().unbind();
        b.setVisible(action == shown);
        // Every button fills its slot: one size per place, whichever action it holds now.
        b.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(b);
        // An unmanaged button (an action the vendor lacks) is a layout root: its changes never reach this slot,
        // whose width is measured from it. Without these, a place the vendor cannot fill kept the icon-only width
        // of a narrow first frame, or the width of a font the stylesheet had not yet given (MAX's Transfer place).
        javafx.beans.InvalidationListener remeasure = o -> requestLayout();
        b.fontProperty().addListener(remeasure);
        b.insetsProperty().addListener(remeasure);
        b.contentDisplayProperty().addListener(remeasure);
        b.graphicTextGapProperty().addListener(remeasure);
        b.textProperty().addListener(remeasure);
        b.visibleProperty().addListener((o, was, now) -> leaveSafely(b, !now));
        b.disabledProperty().addListener((o, was, now) -> leaveSafely(b, now));
        // Before the button's own action: the second click of a double-click on the button that was here.
        b.addEventFilter(ActionEvent.ACTION, e -> {
            boolean secondClickOfAnother = clicks >= 2 && lastActed != action;
            lastActed = action;
            if (secondClickOfAnother) e.consume();
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

    // Every action the slot may hold counts, offered by this vendor or not: a place has one width in a language
    // whichever the vendor, so Hang up stands where it stands for every vendor.
    double widthWithText() {
        double w = 0;
        for (StableButton b : buttons.values()) w = Math.max(w, b.widthWithText());
        return w;
    }

    double widthIconOnly() {
        double w = 0;
        for (StableButton b : buttons.values()) w = Math.max(w, b.widthIconOnly());
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
}
