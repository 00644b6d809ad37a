package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A session error Unibar worded itself is read in the bar's language, on the sign-in form and in the strip. */
@ExtendWith(ApplicationExtension.class)
class SessionErrorLanguageTest {

    private FakeConnector connector;
    private BarViewModel vm;
    private final Messages cs = Messages.forLanguage("cs");

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        vm = new BarViewModel(session);
        stage.setScene(new Scene(new LoginView(vm, cs, List.of())));
        stage.show();
        session.start();
    }

    @Test
    void theSignInFormShowsAKeyedErrorInCzechAndTheVendorsTextAsWritten(FxRobot robot) {
        connector.push(new Event.CredentialsRequired(Scenes.V, null));
        connector.push(Event.SessionError.keyed(Scenes.V, null, null, "epbx.connectFailed", "negotiate answered HTTP 502"));
        Label error = robot.lookup("#loginError").query();
        Fx.until("Czech error", () -> "K EPBX se nelze připojit: negotiate answered HTTP 502".equals(error.getText()));
        connector.push(new Event.SessionError(Scenes.V, null, "Usuário ou senha inválidos", "invalid_grant"));
        Fx.until("vendor's own text", () -> "Usuário ou senha inválidos".equals(error.getText()));
    }

    @Test
    void aKeyedErrorWhileWorkingIsInTheStripInCzech() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.agentStateProperty().get() == AgentState.READY
                && vm.phaseProperty().get() == SessionPhase.READY);
        connector.push(Event.SessionError.keyed(Scenes.V, null, "session_expired", "epbx.sessionNotRenewed", "invalid_grant"));
        Fx.until("message", () -> vm.messageProperty().get() != null);
        BarViewModel.Message m = Fx.get(() -> vm.messageProperty().get());
        assertEquals("Relaci EPBX nelze obnovit (invalid_grant); přihlaste se znovu.", m.text(cs));
        assertEquals("The EPBX session could not be renewed (invalid_grant); please log in again.",
                m.text(Messages.forLanguage("en")));
    }
}
