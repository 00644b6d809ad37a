package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Event;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The bar's own login form, for vendors whose login the bar draws itself. The password goes from the
 * field straight into the Login command and the field is cleared; it is never bound to a property
 * anything else observes, and Login's toString masks it in the inspector.
 */
public final class LoginView extends VBox {

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox remember;
    private final TextField device = new TextField();
    private final ComboBox<String> deviceType = new ComboBox<>();
    private final Label demo = new Label();
    private final Messages msg;

    /** @param deviceTypes the pairing kinds the vendor's login takes, by the names the Login command carries; empty: none */
    public LoginView(BarViewModel vm, Messages msg, java.util.List<String> deviceTypes) {
        boolean pairsDeviceAtLogin = !deviceTypes.isEmpty();
        this.msg = msg;
        setId("loginView");
        getStyleClass().add("login-view");
        setSpacing(6);
        Label title = new Label(msg.get("login.title"));
        title.getStyleClass().add("section-title");
        username.setId("username");
        username.setPromptText(msg.get("login.username"));
        password.setId("password");
        password.setPromptText(msg.get("login.password"));
        remember = new CheckBox(msg.get("login.remember"));
        remember.setId("remember");

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, new Label(msg.get("login.username")), username);
        grid.addRow(1, new Label(msg.get("login.password")), password);

        device.setId("device");
        device.setPromptText(msg.get("login.device.prompt"));
        deviceType.setId("deviceType");
        deviceType.getItems().addAll(deviceTypes);
        deviceType.getSelectionModel().selectFirst();
        deviceType.setCellFactory(l -> typeCell(msg));
        deviceType.setButtonCell(typeCell(msg));
        Label deviceLabel = new Label(msg.get("login.device"));
        HBox deviceRow = new HBox(6, device, deviceType);
        grid.addRow(2, deviceLabel, deviceRow);
        deviceLabel.setVisible(pairsDeviceAtLogin);
        deviceLabel.setManaged(pairsDeviceAtLogin);
        for (javafx.scene.Node n : new javafx.scene.Node[]{deviceRow, device, deviceType}) {
            n.setVisible(pairsDeviceAtLogin);
            n.setManaged(pairsDeviceAtLogin);
        }

        Button login = new Button(msg.get("login.submit"));
        login.setId("login");
        login.setDefaultButton(true);
        login.disableProperty().bind(vm.enabledProperty(CommandKind.LOGIN).not()
                .or(Bindings.isEmpty(username.textProperty())));
        login.setOnAction(e -> {
            vm.login(username.getText().trim(), password.getText().toCharArray(), remember.isSelected(),
                    pairsDeviceAtLogin ? device.getText() : null,
                    pairsDeviceAtLogin ? deviceType.getValue() : null);
            password.clear();
        });
        password.setOnAction(e -> login.fire());

        Button sso = new Button(msg.get("login.sso"));
        sso.setId("sso");
        BarView.visible(sso, vm.supportedProperty(CommandKind.SSO));
        sso.disableProperty().bind(vm.enabledProperty(CommandKind.SSO).not());
        sso.setOnAction(e -> vm.sso(username.getText() == null ? "" : username.getText().trim()));

        Label error = new Label();
        error.setId("loginError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Event.SessionError e = vm.lastErrorProperty().get();
            if (e == null) return "";
            return e.message() != null && !e.message().isBlank() ? msg.sessionError(e) : msg.get("login.failed");
        }, vm.lastErrorProperty()));
        // Its two lines are kept from the first frame (as the message strip's): an error appearing moves nothing
        // below the form, such as the vendor panel, out of the window.
        error.getStyleClass().add("login-error");
        error.visibleProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        // The vendor's own words behind a sentence Unibar knows ("The user name or password is incorrect."): for the
        // screen reader and the tooltip, never in place of the agent's language.
        error.accessibleHelpProperty().bind(Bindings.createStringBinding(() -> {
            Event.SessionError e = vm.lastErrorProperty().get();
            return e == null ? null : dev.unibar.core.model.Notices.detail(e);
        }, vm.lastErrorProperty()));
        Ui.tip(error, Bindings.createStringBinding(() -> error.getAccessibleHelp() == null ? error.getText()
                : error.getText() + "\n" + error.getAccessibleHelp(), error.textProperty(), error.accessibleHelpProperty()));

        HBox buttons = new HBox(6, remember, login, sso);
        buttons.setAlignment(Pos.CENTER_LEFT);
        demo.setId("loginDemo");
        demo.setWrapText(true);
        Ui.visible(demo, Bindings.isNotEmpty(demo.textProperty()));
        getChildren().addAll(title, demo, grid, buttons, error);
    }

    private static ListCell<String> typeCell(Messages msg) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : msg.get("deviceType." + item));
            }
        };
    }

    /** Demo mode: the simulator's account, said on the form (the agent need not look it up in README). */
    public void showDemo(dev.unibar.core.LoginForm.Demo d) {
        demo.setText(d == null ? "" : msg.format("login.demo", d.user(), d.password()));
    }

    /** Fills what configuration knows; the password is always typed. */
    public void prefill(LoginDefaults d) {
        if (d == null) return;
        if (d.username() != null && username.getText().isEmpty()) username.setText(d.username());
        if (d.device() != null && device.getText().isEmpty()) device.setText(d.device());
        if (d.deviceType() != null && deviceType.getItems().contains(d.deviceType())) {
            deviceType.getSelectionModel().select(d.deviceType());
        }
    }
}
