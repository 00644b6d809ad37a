package dev.unibar.ui;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A window whose content asks for more than the screen's width gets the screen's width, at its left edge. */
@ExtendWith(ApplicationExtension.class)
class KeepOnScreenWindowTest {

    private Stage stage;
    private Region content;
    private double screen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        screen = Screen.getPrimary().getVisualBounds().getWidth();
        content = new Region();
        content.setMinWidth(300);
        content.setPrefSize(400, 100);
        stage.setScene(new Scene(content));
        stage.setX(200);
        stage.show();
        KeepOnScreen.attach(stage);
    }

    @Test
    void contentWiderThanTheScreenIsGivenTheScreensWidth() {
        Fx.run(() -> {
            content.setPrefWidth(screen + 300);
            stage.sizeToScene();
        });
        Fx.until("the window is back within the screen", () -> stage.getWidth() <= screen);
        assertEquals(screen, Fx.get(stage::getWidth), 0.5, "as wide as the screen, not narrower");
        assertTrue(Fx.get(stage::getX) <= Screen.getPrimary().getVisualBounds().getMinX() + 0.5, "at its left edge");
    }
}
