package dev.unibar.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: screen-pop in a tab of the bar's own window, which never takes the keyboard from the bar. */
@ExtendWith(ApplicationExtension.class)
class ScreenPopWindowTest {

    private Stage bar;
    private Button answer;
    private ScreenPopWindow pops;

    @Start
    void start(Stage stage) {
        bar = stage;
        answer = new Button("Answer");
        answer.setId("answer");
        stage.setScene(new Scene(new VBox(answer, new Button("Hang up")), 300, 100));
        stage.show();
        // A stand-in for the WebView: what a tab shows is not under test here, where it opens is.
        pops = new ScreenPopWindow(stage, Messages.forLanguage("pt-BR"), UnibarApp.stylesheet(), Label::new);
    }

    @Test
    void aPopOpensATabAndTheBarKeepsTheKeyboard() {
        Fx.run(() -> {
            bar.requestFocus();
            answer.requestFocus();
        });
        Fx.until("bar focused", () -> bar.isFocused() && answer.isFocused());
        pops.open("https://crm.example.com/cliente?tel=5511988887777");
        WaitForAsyncUtils.waitForFxEvents();
        Fx.until("window shown", () -> pops.stage() != null && pops.stage().isShowing());
        assertEquals("Ficha do cliente", Fx.get(() -> pops.stage().getTitle()));
        assertEquals(List.of("crm.example.com"), Fx.get(() -> pops.tabs().getTabs().stream().map(Tab::getText).toList()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(bar::isFocused), "the bar window keeps the keyboard");
        assertSame(answer, Fx.get(() -> bar.getScene().getFocusOwner()));
        // (Monocle may report the new window focused as well: it does not make focus exclusive.)
    }

    @Test
    void onlyWebPagesOpenAndOldTabsGiveWay() {
        pops.open("file:///etc/passwd");
        pops.open("javascript:alert(1)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) Fx.get(() -> pops.tabs().getTabs().size()));
        pops.open("HTTPS://crm.example.com/capitals");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) Fx.get(() -> pops.tabs().getTabs().size()), "a scheme in capitals is a web page too");
        for (int i = 0; i < ScreenPopWindow.MAX_TABS + 3; i++) pops.open("https://crm.example.com/c/" + i);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ScreenPopWindow.MAX_TABS, (int) Fx.get(() -> pops.tabs().getTabs().size()));
        assertEquals("https://crm.example.com/c/" + (ScreenPopWindow.MAX_TABS + 2), Fx.get(() ->
                pops.tabs().getSelectionModel().getSelectedItem().getTooltip().getText()));
    }
}
