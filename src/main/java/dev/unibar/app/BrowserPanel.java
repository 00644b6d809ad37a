package dev.unibar.app;

import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.bridge.browser.BrowserPageChannel.WindowState;
import dev.unibar.ui.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The vendor panel in browser mode: where the page is, and a way back to a window the agent closed. */
final class BrowserPanel extends VBox {

    private final Label status = new Label();
    private final Button reopen = new Button();

    BrowserPanel(BrowserPageChannel page, Messages msg) {
        super(8);
        setId("browserPanel");
        setPadding(new Insets(8));
        status.setId("browserWindowStatus");
        status.setWrapText(true);
        reopen.setId("reopenVendorWindow");
        reopen.setText(msg.get("browser.reopen"));
        reopen.setOnAction(e -> page.reopen());
        getChildren().addAll(status, reopen);
        show(page.state(), msg);
        page.onWindowState(s -> Platform.runLater(() -> show(s, msg)));
    }

    private void show(WindowState s, Messages msg) {
        String key = switch (s) {
            case STARTING, RESTARTING -> "browser.panel.starting";
            case OPEN -> "browser.panel.open";
            case CLOSED, SHUT -> "browser.panel.closed";
            case FAILED -> "browser.panel.failed";
        };
        status.setText(msg.get(key));
        boolean offer = s == WindowState.CLOSED || s == WindowState.FAILED;
        reopen.setVisible(offer);
        reopen.setManaged(offer);
    }
}
