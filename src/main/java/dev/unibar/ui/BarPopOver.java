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

    final void content(String id, String title, Node... content) {
        VBox box = new VBox(6);
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().add("section-title");
            box.getChildren().add(t);
        }
        box.getChildren().addAll(content);
        box.setId(id);
        box.getStyleClass().add("popover-pane");
        setContentNode(box);
    }
}
