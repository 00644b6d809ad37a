package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;
import dev.unibar.connectors.epbx.EpbxModule;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class LoginViewTest {

    private static final String PASSWORD = "s3cr3t-Pa55";

    private FakeConnector connector;
    private Session session;
    private BarViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        session = new Session(connector, Clock.systemUTC());
        vm = new BarViewModel(session);
        show(false);
        session.start();
    }

    private void show(boolean pairsAtLogin) {
        BarView bar = new BarView(vm, Messages.forLanguage("en"), new LoginForm(false, pairsAtLogin ? EpbxModule.DEVICE_TYPES : List.of(), false, null, null, null), null, null);
        stage.setScene(new Scene(bar));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private void credentials() {
        connector.push(new Event.CredentialsRequired(Scenes.V, null));
        Fx.until("login form shown", () -> vm.phaseProperty().get() == SessionPhase.CREDENTIALS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void loginSendsCredentialsAndThePasswordIsNeverLogged(FxRobot robot) {
        credentials();
        assertTrue(Fx.get(() -> robot.lookup("#loginView").query().isVisible()));
        assertFalse(Fx.get(() -> robot.lookup("#device").match(NodeQueryUtils.isVisible()).tryQuery().isPresent()),
                "this vendor pairs after login");
        Click.on(robot, "#username").write("ana");
        Click.on(robot, "#password").write(PASSWORD);
        Click.on(robot, "#remember");
        Click.on(robot, "#login");
        Fx.until("Login recorded", () -> !connector.recorded(Command.Login.class).isEmpty());
        Command.Login login = connector.recorded(Command.Login.class).get(0);
        assertEquals(new Command.Login("ana", PASSWORD, true), login);
        assertEquals("", Fx.get(() -> ((PasswordField) robot.lookup("#password").query()).getText()),
                "the field is cleared once sent");

        assertFalse(login.toString().contains(PASSWORD));
        List<InspectorEntry> log = session.inspector().snapshot();
        assertTrue(log.stream().anyMatch(e -> e.kind() == InspectorEntry.Kind.COMMAND && e.raw().contains("ana")),
                "the command was logged");
        for (InspectorEntry e : log) {
            assertFalse(String.valueOf(e).contains(PASSWORD), "password in the inspector: " + e);
        }
    }

    @Test
    void vendorsThatPairAtLoginSendTheDevice(FxRobot robot) {
        Fx.run(() -> show(true));
        credentials();
        Click.on(robot, "#username").write("ana");
        Click.on(robot, "#password").write(PASSWORD);
        Click.on(robot, "#device").write("10.0.0.7");
        Click.on(robot, "#deviceType");
        Click.on(robot, "IP address");
        Click.on(robot, "#login");
        Fx.until("Login recorded", () -> connector.commands.contains(
                new Command.Login("ana", PASSWORD, false, "10.0.0.7", "ip")));
    }

    @Test
    void ssoAndTheVendorsLoginError(FxRobot robot) {
        credentials();
        Click.on(robot, "#username").write("ana");
        Click.on(robot, "#sso");
        Fx.until("Sso recorded", () -> connector.commands.contains(new Command.Sso("ana")));
        connector.push(new Event.SessionError(Scenes.V, null, "Usuário ou senha inválidos", "401"));
        Label error = robot.lookup("#loginError").query();
        Fx.until("error shown", () -> "Usuário ou senha inválidos".equals(error.getText()) && error.isVisible());
    }

    @Test
    void devicePickerPairsConfirmsAndChanges(FxRobot robot) {
        connector.push(new Event.DeviceSelectionRequired(Scenes.V, null,
                List.of(new Device("SEP001", "Desk phone"), new Device("SIP7", "Softphone"))));
        Fx.until("picker shown", () -> robot.lookup("#devicePicker").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.get(() -> robot.lookup("#confirmDevice").query().isDisabled()), "nothing paired yet");
        Click.on(robot, "Desk phone (SEP001)");
        Click.on(robot, "#pairDevice");
        Fx.until("SelectDevice", () -> connector.commands.contains(new Command.SelectDevice("SEP001")));
        connector.push(new Event.DevicePaired(Scenes.V, null, new Device("SEP001", "Desk phone")));
        Fx.until("confirm enabled", () -> !robot.lookup("#confirmDevice").query().isDisabled());
        Click.on(robot, "#confirmDevice");
        Fx.until("Provision", () -> connector.commands.contains(new Command.Provision()));
        Click.on(robot, "#changeDevice");
        Fx.until("Identify", () -> connector.commands.contains(new Command.Identify()));
    }
}
