package dev.unibar.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of command buttons that never moves under the mouse: each button keeps its place and width,
 * and when the row is narrower than its words every button shows its icon alone. When the focused
 * button becomes disabled the focus goes to {@code safeFocus} (the call card), before the scene would
 * pass it to the next button in line, which may be Hang up.
 */
class ButtonRow extends HBox {

    private final List<StableButton> buttons = new ArrayList<>();
    private final Node safeFocus;
    private ButtonRow leader;
    private boolean compact;

    ButtonRow(String id, Node safeFocus) {
        super(4);
        this.safeFocus = safeFocus;
        setId(id);
        getStyleClass().add("call-controls");
        setAlignment(Pos.CENTER_LEFT);
    }

    final StableButton add(StableButton b) {
        buttons.add(b);
        getChildren().add(b);
        b.disabledProperty().addListener((o, was, disabled) -> {
            // The scene's focus owner, not isFocused(): while the incoming-call pop-up has the keyboard the
            // bar's window is not focused, yet its focus owner is still this button and would be passed on.
            if (disabled && b.getScene() != null && b.getScene().getFocusOwner() == b) safeFocus.requestFocus();
        });
        return b;
    }

    final List<StableButton> buttons() {
        return List.copyOf(buttons);
    }

    private double widthWithText() {
        double w = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (StableButton b : buttons) {
            if (!b.isManaged()) continue;
            w += b.widthWithText();
            shown++;
        }
        return w + Math.max(0, shown - 1) * getSpacing();
    }

    @Override
    protected double computeMinWidth(double height) {
        // Icons only: the narrowest the row can be without cutting anything off.
        double w = widthWithText();
        for (StableButton b : buttons) if (b.isManaged()) w -= b.widthWithText() - b.widthIconOnly();
        return w;
    }

    @Override
    protected double computePrefWidth(double height) {
        return widthWithText();
    }

    /** Icons alone whenever {@code leader} (the row above, laid out first) shows icons alone: one look for both. */
    final void follow(ButtonRow leader) {
        this.leader = leader;
        leader.widthProperty().addListener((o, a, b) -> requestLayout());
    }

    final boolean isCompact() {
        return compact;
    }

    @Override
    protected void layoutChildren() {
        compact = getWidth() + 0.5 < widthWithText() || (leader != null && leader.isCompact());
        for (StableButton b : buttons) b.setCompact(compact);
        super.layoutChildren();
    }
}
