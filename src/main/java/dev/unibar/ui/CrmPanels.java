package dev.unibar.ui;

import dev.unibar.journal.Outbox;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * What the CRM link adds to the bar, in one self-contained part (issue 23): the pairing prompt, the wrap-up
 * disposition panel and the webhook delivery line, stacked under the call panel; and two View menu items
 * (Connected apps…, re-send undelivered call logs). {@link #mount} is the one place the bar is touched.
 */
public final class CrmPanels extends VBox {

    private final Label delivery = new Label();
    private final Button resend;
    private final HBox deliveryRow;

    private CrmPanels(CrmView crm, Messages msg, Runnable resized) {
        setId("crmPanels");
        setSpacing(6);
        crm.pairings().ifPresent(p -> getChildren().add(new PairingPrompt(p, msg, resized)));
        crm.dispositions().ifPresent(d -> getChildren().add(new DispositionPanel(d, msg, resized)));
        delivery.setId("webhookStatusText");
        delivery.setWrapText(true);
        delivery.setMinHeight(Region.USE_PREF_SIZE);
        resend = new Button(msg.get("crm.webhook.resend"));
        resend.setId("webhookResend");
        resend.setMinWidth(Region.USE_PREF_SIZE);
        resend.setOnAction(e -> crm.resendDead());
        HBox.setHgrow(delivery, Priority.ALWAYS);
        deliveryRow = new HBox(6, delivery, resend);
        deliveryRow.setId("webhookStatus");
        deliveryRow.getStyleClass().add("webhook-status");
        show(deliveryRow, false);
        getChildren().add(deliveryRow);
        crm.onDelivery(s -> Platform.runLater(() -> {
            delivery(s, msg);
            resized.run();
        }));
    }

    /** Mounts the panels under {@code bar}'s call panel and adds the View menu's items. FX thread. */
    public static CrmPanels mount(BarView bar, Menu view, CrmView crm, Messages msg, Window owner, String stylesheet) {
        CrmPanels panels = new CrmPanels(crm, msg, bar::refit);
        bar.mountBelowCalls(panels);
        int at = Math.max(0, view.getItems().size() - 1);
        crm.pairings().ifPresent(p -> view.getItems().add(at, ConnectedApps.menuItem(owner, p, msg, stylesheet)));
        MenuItem resend = new MenuItem(msg.get("menu.resendCallLogs"));
        resend.setId("menuResendCallLogs");
        resend.setOnAction(e -> crm.resendDead());
        view.getItems().add(Math.max(0, view.getItems().size() - 1), resend);
        return panels;
    }

    /** The first failing or dead-lettered receiver, said once; nothing while every record gets through. */
    private void delivery(List<Outbox.Status> all, Messages msg) {
        for (Outbox.Status s : all) {
            if (s.dead() > 0) {
                delivery.setText(msg.format("crm.webhook.dead", s.dead(), s.destination()));
                show(resend, true);
                show(deliveryRow, true);
                return;
            }
            if (s.failing()) {
                delivery.setText(msg.format("crm.webhook.failing", s.destination(), s.lastError(), s.pending()));
                show(resend, false);
                show(deliveryRow, true);
                return;
            }
        }
        delivery.setText("");
        show(deliveryRow, false);
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
