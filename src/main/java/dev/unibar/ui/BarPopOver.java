package dev.unibar.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/** A pop-over of the bar: a titled pane of fields below the button that opened it. */
class BarPopOver extends PopOver {

    BarPopOver() {
        setDetachable(false);
        // No fade: a pop-over that is still transparent must not swallow the agent's first click.
        setAnimated(false);
        setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
    }

    /** A short titled list in a pop-over; its name is also the screen reader's. */
    static <T> javafx.scene.control.ListView<T> list(String id, String name, String placeholder,
                                                     javafx.collections.ObservableList<T> items, double width,
                                                     double height) {
        javafx.scene.control.ListView<T> l = new javafx.scene.control.ListView<>(items);
        l.setId(id);
        l.setAccessibleText(name);
        l.setPrefSize(width, height);
        l.setPlaceholder(new Label(placeholder));
        return l;
    }

    static Label sectionTitle(String text) {
        Label t = new Label(text);
        t.getStyleClass().add("section-title");
        return t;
    }

    final void content(String id, String title, Node... content) {
        VBox box = new VBox(6);
        if (title != null) box.getChildren().add(sectionTitle(title));
        box.getChildren().addAll(content);
        box.setId(id);
        box.getStyleClass().add("popover-pane");
        setContentNode(box);
    }
}
