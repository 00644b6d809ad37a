package dev.unibar.ui;

import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** In demo mode the sign-in form says the simulator's user and password; a live vendor's form says nothing of it. */
@ExtendWith(ApplicationExtension.class)
class DemoSignInTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void theDemoFormSaysTheAccountInTheAgentsLanguage() throws Exception {
        EpbxSimulator sim = EpbxSimulator.builder().port(0).build().start();
        try {
            VendorSetup setup = EpbxModule.forSimulator(sim, "classic");
            LoginForm.Demo demo = setup.loginForm().demo();
            assertEquals(new LoginForm.Demo(EpbxSimulator.DEMO_USER, EpbxSimulator.DEMO_PASSWORD), demo);
            assertEquals("Demo: uživatel agent, heslo agent", shown(demo, "cs"));
            assertEquals("Demo: user agent, password agent", shown(demo, "en"));
            setup.close();
        } finally {
            sim.stop();
        }
        assertNull(LoginForm.plain("ana").demo(), "a live vendor's form has no demo account");
        assertEquals("", shown(null, "cs"));
    }

    private String shown(LoginForm.Demo demo, String lang) {
        Session session = new Session(new FakeConnector(FakeConnector.capabilitiesWithout()), Clock.systemUTC());
        LoginView view = Fx.get(() -> {
            LoginView v = new LoginView(new BarViewModel(session), Messages.forLanguage(lang), List.of());
            v.showDemo(demo);
            stage.setScene(new Scene(v));
            return v;
        });
        Label l = (Label) view.lookup("#loginDemo");
        if (demo == null) assertFalse(Fx.get(l::isVisible), "nothing to say outside the demo");
        return Fx.get(l::getText);
    }
}
