package dev.unibar.ui;

import dev.unibar.localapi.Pairings;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Map;
import java.util.function.Consumer;

/**
 * View → Connected apps…: the web apps the configuration lets ask for the bar, each with what the agent
 * answered, and the way back: Revoke an approval (its connections close at once), or Ask again after a denial.
 */
final class ConnectedApps {

    private final Pairings pairings;
    private final Messages msg;
    private final VBox rows = new VBox(6);
    private final Consumer<Pairings.Change> listener = c -> Platform.runLater(this::refresh);

    private ConnectedApps(Pairings pairings, Messages msg) {
        this.pairings = pairings;
        this.msg = msg;
    }

    static MenuItem menuItem(Window owner, Pairings pairings, Messages msg, String stylesheet) {
        MenuItem item = new MenuItem(msg.get("menu.connectedApps"));
        item.setId("menuConnectedApps");
        item.setOnAction(e -> open(owner, pairings, msg, stylesheet));
        return item;
    }

    static Stage open(Window owner, Pairings pairings, Messages msg, String stylesheet) {
        ConnectedApps view = new ConnectedApps(pairings, msg);
        Label header = new Label(msg.get("crm.apps.header"));
        header.setWrapText(true);
        Button close = new Button(msg.get("crm.apps.close"));
        close.setId("connectedAppsClose");
        VBox root = new VBox(10, header, view.rows, close);
        root.setId("connectedApps");
        root.setPadding(new Insets(12));
        root.setPrefWidth(460);
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(msg.get("crm.apps.title"));
        Scene scene = new Scene(root);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        pairings.subscribe(view.listener);
        stage.setOnHidden(e -> pairings.unsubscribe(view.listener));
        view.refresh();
        stage.show();
        return stage;
    }

    private void refresh() {
        rows.getChildren().clear();
        Map<String, Pairings.State> all = pairings.all();
        if (all.isEmpty()) {
            rows.getChildren().add(new Label(msg.get("crm.apps.none")));
            return;
        }
        all.forEach((origin, state) -> rows.getChildren().add(row(origin, state)));
    }

    private HBox row(String origin, Pairings.State state) {
        Label name = new Label(origin);
        name.getStyleClass().add("app-origin");
        Label st = new Label(msg.get("crm.apps.state." + state.name()));
        st.setId("appState-" + PairingPrompt.host(origin).replaceAll("[^A-Za-z0-9_-]", "_"));
        VBox text = new VBox(2, name, st);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (state == Pairings.State.APPROVED || state == Pairings.State.DENIED) {
            Button b = new Button(msg.get(state == Pairings.State.APPROVED ? "crm.apps.revoke" : "crm.apps.forget"));
            b.setId("appRevoke-" + PairingPrompt.host(origin).replaceAll("[^A-Za-z0-9_-]", "_"));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> pairings.revoke(origin));
            row.getChildren().add(b);
        }
        return row;
    }
}
