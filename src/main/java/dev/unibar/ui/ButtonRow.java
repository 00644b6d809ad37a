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

    /**
     * The width of {@code row} with its managed {@code nodes} at full width: buttons with their texts, any
     * other node at its preferred width. The status line, a row of its own, is measured the same way.
     */
    static double widthWithText(HBox row, List<? extends Node> nodes) {
        double w = row.snappedLeftInset() + row.snappedRightInset();
        int shown = 0;
        for (Node n : nodes) {
            if (!n.isManaged()) continue;
            w += n instanceof StableButton b ? b.widthWithText() : n.prefWidth(-1);
            shown++;
        }
        return w + Math.max(0, shown - 1) * row.getSpacing();
    }

    /** How much narrower the managed {@code buttons} are with icons alone than with their texts. */
    static double savedByIcons(List<StableButton> buttons) {
        double saved = 0;
        for (StableButton b : buttons) if (b.isManaged()) saved += b.widthWithText() - b.widthIconOnly();
        return saved;
    }

    private double widthWithText() {
        return widthWithText(this, buttons);
    }

    @Override
    protected double computeMinWidth(double height) {
        // Icons only: the narrowest the row can be without cutting anything off.
        return widthWithText() - savedByIcons(buttons);
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
