package dev.unibar.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.input.MouseEvent;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the bar's parts share, so every control is made (and labelled) the same way. */
final class Ui {

    private Ui() {
    }

    /**
     * A button bound to a command: disabled when the guard forbids, hidden (and out of the layout) when
     * the vendor lacks it. The tooltip and the screen-reader text carry the full name and the shortcut,
     * since the visible text may shrink to the icon alone.
     */
    /**
     * A toggle button as wide as its wider text, its state shown by text, icon and the {@code :on} look
     * (colour only, so the width stays). Hold, mute, record and mask all look this way.
     */
    static void toggleLook(StableButton b, ObservableBooleanValue on, Messages msg,
                           String offKey, String onKey, Ikon offIcon, Ikon onIcon) {
        b.setTexts(msg.get(offKey), msg.get(onKey));
        b.getStyleClass().add("toggle");
        javafx.beans.value.ChangeListener<Boolean> look = (o, a, now) -> {
            b.setText(msg.get(now ? onKey : offKey));
            b.setIcon(now ? onIcon : offIcon);
            b.pseudoClassStateChanged(CallControls.ON, now);
        };
        on.addListener(look);
        look.changed(null, null, on.get());
    }

    static StableButton commandButton(Messages msg, String id, String key, Ikon icon, String tooltipKey,
                                      ObservableBooleanValue enabledWhen, ObservableBooleanValue supportedWhen,
                                      Runnable action) {
        StableButton b = new StableButton(msg.get(key));
        b.setId(id);
        if (icon != null) b.setIcon(icon);
        String tip = msg.get(tooltipKey != null ? tooltipKey : key);
        tip(b, tip);
        b.setAccessibleText(tip);
        b.disableProperty().bind(Bindings.not(enabledWhen));
        visible(b, supportedWhen);
        b.setOnAction(e -> action.run());
        return b;
    }

    static FontIcon icon(Ikon ikon) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add("bar-icon");
        return i;
    }

    /**
     * A tooltip made when the mouse first enters the control, not with the bar: each one is a pop-up window
     * with its own scene, and the first frame's tooltips took about a tenth of building the bar (JFR,
     * demo start). Tooltips show on mouse movement after a delay, so one made on entering shows as before.
     */
    static void tip(Control c, String text) {
        tip(c, new ReadOnlyStringWrapper(text));
    }

    /** {@link #tip(Control, String)} with a text that follows {@code text}. */
    static void tip(Control c, ObservableStringValue text) {
        c.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                c.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (c.getTooltip() != null) return;
                Tooltip t = tooltip("");
                t.textProperty().bind(text);
                c.setTooltip(t);
            }
        });
    }

    static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        return l;
    }

    static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Names a field by its prompt, for the eye and for the screen reader alike. */
    static <T extends TextInputControl> T prompted(T field, String id, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        return field;
    }

    /** A read-only text that a screen reader announces with its meaning, not just its value. */
    static Label readout(String id, String styleClass, String meaning) {
        Label l = label(id, styleClass);
        l.setAccessibleRole(AccessibleRole.TEXT);
        l.accessibleTextProperty().bind(Bindings.concat(meaning, ": ", l.textProperty()));
        return l;
    }

    static void visible(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /** Hidden but still taking its place: for parts whose coming and going must not move anything. */
    static void shown(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
    }
}
