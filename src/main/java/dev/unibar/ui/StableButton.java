package dev.unibar.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.text.Text;

import java.util.List;

/**
 * A button as wide as its widest text: a toggle (Hold/Resume, Mute/Unmute) keeps its width when its
 * text changes, so nothing beside it moves, and no label is ever cut short ("Rej…"). When the row is
 * too narrow for words the owner switches it to its icon alone ({@link #setCompact}); the tooltip and
 * the screen-reader text still name it.
 */
public class StableButton extends Button {

    private static final double ICON_SLOT = 16;

    private List<String> texts;
    private FontIcon icon;

    public StableButton(String text) {
        super(text);
        texts = List.of(text);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
    }

    /**
     * The button's icon, in a slot of fixed size: glyphs differ in width, and a toggle changing its
     * icon (pause to play) must not change its width.
     */
    public void setIcon(Ikon ikon) {
        if (icon == null) {
            icon = new FontIcon();
            icon.getStyleClass().add("bar-icon");
            StackPane slot = new StackPane(icon);
            slot.setMinSize(ICON_SLOT, ICON_SLOT);
            slot.setPrefSize(ICON_SLOT, ICON_SLOT);
            slot.setMaxSize(ICON_SLOT, ICON_SLOT);
            setGraphic(slot);
        }
        icon.setIconCode(ikon);
    }

    /** Every text this button may show; its width fits the widest. */
    public void setTexts(String... all) {
        texts = List.of(all);
        requestLayout();
    }

    public void setCompact(boolean compact) {
        ContentDisplay d = compact && getGraphic() != null ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        if (getContentDisplay() != d) setContentDisplay(d);
    }

    /** The width with words, whatever the current display: what the row compares to its own width. */
    double widthWithText() {
        double gap = getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap();
        return snappedLeftInset() + gap + widest() + snappedRightInset() + 2;
    }

    /** The width with the icon alone (what the row may shrink it to). */
    double widthIconOnly() {
        if (getGraphic() == null) return widthWithText();
        return snappedLeftInset() + ICON_SLOT + snappedRightInset() + 2;
    }

    private double widest() {
        double max = 0;
        for (String t : texts) {
            Text probe = new Text(t);
            probe.setFont(getFont());
            max = Math.max(max, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(max);
    }

    @Override
    protected double computePrefWidth(double height) {
        if (getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) return super.computePrefWidth(height);
        return Math.max(super.computePrefWidth(height), widthWithText());
    }
}
