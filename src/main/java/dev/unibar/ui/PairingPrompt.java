package dev.unibar.ui;

import dev.unibar.localapi.Pairings;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.net.URI;

/**
 * The question a web page's first connection puts to the agent, as a browser asks for the microphone
 * ("acme.my.salesforce.com wants to see your calls and dial for you: Deny / Allow"; decision 0041). One row
 * per origin waiting for an answer. Nothing here can be answered by a stray key: neither button is a default
 * or cancel button (Enter and Escape do nothing), the prompt never takes the focus, and Allow only accepts a
 * press once it has been on screen for {@link #ARMING} (a click meant for what was there before lands nowhere).
 */
final class PairingPrompt extends VBox {

    static final Duration ARMING = Duration.millis(800);

    private final Pairings pairings;
    private final Messages msg;
    private final Runnable resized;

    PairingPrompt(Pairings pairings, Messages msg, Runnable resized) {
        this.pairings = pairings;
        this.msg = msg;
        this.resized = resized;
        setId("pairingPrompt");
        getStyleClass().add("pairing-prompt");
        setSpacing(4);
        Ui.visible(this, javafx.beans.binding.Bindings.isNotEmpty(getChildren()));
        pairings.subscribe(c -> Platform.runLater(this::refresh));
        refresh();
    }

    private void refresh() {
        var pending = pairings.pending();
        getChildren().removeIf(n -> !pending.contains((String) n.getUserData()));
        for (String origin : pending) {
            boolean shown = getChildren().stream().anyMatch(n -> origin.equals(n.getUserData()));
            if (!shown) getChildren().add(row(origin));
        }
        resized.run();
    }

    private HBox row(String origin) {
        Label text = new Label(msg.format("crm.pairing.ask", host(origin)));
        text.setId("pairingText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Ui.tip(text, origin);
        Button deny = new Button(msg.get("crm.pairing.deny"));
        deny.setId("pairingDeny");
        Button allow = new Button(msg.get("crm.pairing.allow"));
        allow.setId("pairingAllow");
        for (Button b : new Button[]{deny, allow}) {
            b.setDefaultButton(false);
            b.setCancelButton(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        deny.setOnAction(e -> pairings.deny(origin));
        allow.setDisable(true);
        PauseTransition arm = new PauseTransition(ARMING);
        arm.setOnFinished(e -> allow.setDisable(false));
        arm.play();
        allow.setOnAction(e -> {
            if (!allow.isDisabled()) pairings.approve(origin);
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(6, text, deny, allow);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setUserData(origin);
        row.getStyleClass().add("pairing-row");
        return row;
    }

    /** What the agent recognises: the host, with its port when it is not the scheme's own. */
    static String host(String origin) {
        try {
            URI u = URI.create(origin);
            return u.getPort() == -1 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }
}
