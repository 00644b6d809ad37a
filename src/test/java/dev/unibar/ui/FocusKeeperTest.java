package dev.unibar.ui;

import dev.unibar.testkit.Click;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyboard stays in the vendor's page until the agent moves it out (issue 20: a state changed there). */
@ExtendWith(ApplicationExtension.class)
class FocusKeeperTest {

    private final TextField inPage = new TextField();
    private final Button inBar = new Button("Dial pad");

    @Start
    void start(Stage stage) {
        inPage.setId("inPage");
        inBar.setId("inBar");
        StackPane page = new StackPane(inPage);
        Theme.asTheVendorMadeIt(page);
        Scene scene = new Scene(new VBox(8, inBar, page), 300, 120);
        FocusKeeper.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aMoveOutOfThePageTheAgentDidNotMakeIsUndone(FxRobot robot) {
        Click.on(robot, "#inPage");
        Fx.until("the page has the keyboard", inPage::isFocused);
        // What a re-layout of the bar does after a state changed in the page: no key, no click.
        Fx.run(inBar::requestFocus);
        Fx.until("back in the page", inPage::isFocused);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(inPage::isFocused));
    }

    @Test
    void theAgentsOwnTabLeavesThePage(FxRobot robot) {
        Click.on(robot, "#inPage");
        Fx.until("the page has the keyboard", inPage::isFocused);
        robot.type(KeyCode.TAB);
        Fx.until("the bar has it", inBar::isFocused);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(inBar::isFocused), "and keeps it");
    }
}
