package dev.unibar.ui;

import javafx.scene.control.CheckBox;

/** The "internal extension" check box, shown only to vendors that route extensions differently (EPBX). */
final class InternalBox {

    private InternalBox() {
    }

    static CheckBox create(Messages msg, String id, boolean distinguishesInternal) {
        CheckBox box = new CheckBox(msg.get("internal.extension"));
        box.setId(id);
        box.setVisible(distinguishesInternal);
        box.setManaged(distinguishesInternal);
        return box;
    }
}
