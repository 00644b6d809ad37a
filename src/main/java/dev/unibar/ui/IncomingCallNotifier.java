package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.CallView;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import java.util.Objects;

/**
 * A small always-on-top popup in the screen corner when a new inbound call rings, so an agent working
 * in another window notices it. It closes itself when that call stops ringing.
 */
public final class IncomingCallNotifier {

    private final BarViewModel vm;
    private final Messages msg;
    private final Window owner;
    private final String stylesheet;
    private Stage stage;
    private java.util.function.Consumer<Scene> shortcuts = s -> { };
    /** The last call announced: dismissing or answering it must not bring the popup back. */
    private String announced;
    /** The shown pop-up's name line. */
    private Label shownName;
    /** The ringing call's picture address, as the lookup found it; the pop-up's picture follows it. */
    private final javafx.beans.property.StringProperty picture = new javafx.beans.property.SimpleStringProperty("");

    public IncomingCallNotifier(BarViewModel vm, Messages msg, Window owner, String stylesheet) {
        this.vm = vm;
        this.msg = msg;
        this.owner = owner;
        this.stylesheet = stylesheet;
        vm.ringingInboundProperty().addListener((o, a, b) -> update(b));
        update(vm.ringingInboundProperty().get());
    }

    /** The bar's keyboard shortcuts, for the pop-up's own scene: it has the keyboard while it shows. */
    public void setShortcuts(java.util.function.Consumer<Scene> installer) {
        this.shortcuts = installer;
    }

    private void update(CallView ringing) {
        String id = ringing == null ? null : ringing.id();
        if (id == null) {
            hide();
        } else if (!Objects.equals(id, announced)) {
            hide();
            show(ringing);
        } else if (shownName != null) {
            // The same call, known better now (a customer lookup's answer): the pop-up says the name found.
            String name = ringing.call().remoteName();
            shownName.setText(name == null ? "" : name);
            picture.set(CallProperties.pictureOf(ringing.call()));
        }
    }

    private void show(CallView c) {
        announced = c.id();
        String number = c.call().remoteNumber();
        String name = c.call().remoteName();
        Label title = new Label(msg.get("incoming.title"));
        title.getStyleClass().add("section-title");
        Label who = new Label(number != null && !number.isBlank() ? number : msg.get("incoming.unknown"));
        who.setId("incomingNumber");
        who.getStyleClass().add("call-number");
        Label nameLabel = new Label(name == null ? "" : name);
        nameLabel.setId("incomingName");
        // Room for a name that arrives later, so the pop-up never grows under the mouse.
        nameLabel.setMinWidth(220);
        shownName = nameLabel;
        picture.set(CallProperties.pictureOf(c.call()));
        // Always there, so the pop-up keeps its size when the picture arrives or fails.
        HBox person = new HBox(6, new CustomerPicture("incomingPicture", 32, picture, nameLabel.textProperty(), msg),
                nameLabel);
        person.setAlignment(Pos.CENTER_LEFT);
        Button answer = new Button(msg.get("button.answer"));
        answer.setGraphic(Ui.icon(org.kordamp.ikonli.material2.Material2AL.CALL));
        answer.setTooltip(Ui.tooltip(msg.get("shortcut.answer")));
        answer.setAccessibleText(msg.get("shortcut.answer"));
        answer.setId("incomingAnswer");
        answer.getStyleClass().addAll("answer", atlantafx.base.theme.Styles.SUCCESS);
        answer.disableProperty().bind(vm.enabledProperty(CommandKind.ANSWER).not());
        answer.setOnAction(e -> {
            if (vm.isEnabled(CommandKind.ANSWER)) vm.answer();
            hide();
        });
        Button dismiss = Ui.button("incomingDismiss", msg.get("incoming.dismiss"), this::hide);
        HBox buttons = new HBox(6, answer, dismiss);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(4, title, who, person, buttons);
        box.setId("incomingCall");
        box.getStyleClass().add("incoming-call");

        stage = new Stage(StageStyle.UTILITY);
        if (owner != null) stage.initOwner(owner);
        stage.setAlwaysOnTop(true);
        stage.setTitle(msg.get("incoming.title"));
        Scene scene = new Scene(box);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        shortcuts.accept(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        // Bottom-right corner, away from the bar, like the desktop's own notifications.
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        stage.setX(b.getMaxX() - stage.getWidth() - 16);
        stage.setY(b.getMaxY() - stage.getHeight() - 16);
    }

    private void hide() {
        if (stage != null) stage.hide();
        stage = null;
    }

    /** The popup currently shown, if any (for tests). */
    public Stage stage() {
        return stage;
    }
}
