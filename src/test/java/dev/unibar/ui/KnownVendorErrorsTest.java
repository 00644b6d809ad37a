package dev.unibar.ui;

import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.agentdesktop.AgentDesktopMapper;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.ucs.UcsMapper;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.SessionPhase;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendors' errors Unibar knows (wrong password, not logged in, extension busy or in use, UCS's account-code
 * confirmation, a call AgentDesktop refused) read in the agent's language on the sign-in form and in the message strip, in all five languages,
 * with the vendor's own words as the detail (screen reader, tooltip). A text that is the English one in another
 * language fails, unless it is a product name or a number. In demo mode the form also says the simulator's account.
 */
@ExtendWith(ApplicationExtension.class)
class KnownVendorErrorsTest {

    /** The vendors' words, as their connectors receive them (docs/vendors: EPBX OAuth and hub, UCS seed 002, Evolux's API). */
    private static final Map<String, String> SIGN_IN = new LinkedHashMap<>();
    private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

    static {
        SIGN_IN.put("vendor.wrongPassword", "The user name or password is incorrect.");
        SIGN_IN.put("vendor.extensionInUse", "Ramal já está logado");
        REFUSALS.put("vendor.notLoggedIn", "Ramal não logado no Atendimento");
        REFUSALS.put("vendor.extensionBusy", "Ramal já possui uma chamada em curso");
        // Evolux's click-to-call: the simulator's refuse-call scenario answers both (EvoluxCallApiTest).
        REFUSALS.put("evolux.tokenRefused", "Invalid token.");
    }

    /** Product names and numbers are the same in every language. */
    private static final List<String> SHARED = List.of("UCS", "EPBX", "REKL/vada");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void everyKnownErrorIsInTheAgentsLanguageWithTheVendorsWordsAsDetail() throws Exception {
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) seen.put(lang, render(lang));
        Map<String, String> english = seen.get("en");
        assertEquals(SIGN_IN.size() + REFUSALS.size() + 3, english.size(), english.toString());
        List<String> problems = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            if (lang.equals("en")) continue;
            for (Map.Entry<String, String> e : seen.get(lang).entrySet()) {
                String t = e.getValue();
                String stripped = t;
                for (String s : SHARED) stripped = stripped.replace(s, "");
                if (t.equals(english.get(e.getKey())) || stripped.matches("[\\p{Punct}\\s\\d]*")) {
                    problems.add(lang + " " + e.getKey() + " = \"" + t + "\"");
                }
            }
        }
        assertEquals(List.of(), problems, "English left in other languages");
    }

    /** Each known error as the agent reads it in {@code lang}: the sign-in form's line and the strip's text. */
    private Map<String, String> render(String lang) throws Exception {
        Messages msg = Messages.forLanguage(lang);
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        BarViewModel vm = new BarViewModel(session);
        LoginView login = new LoginView(vm, msg, List.of());
        MessageStrip strip = new MessageStrip(vm, msg);
        Fx.run(() -> {
            Scene scene = new Scene(new VBox(login, strip), 480, 400);
            scene.getStylesheets().add(UnibarApp.stylesheet());
            stage.setScene(scene);
        });
        session.start();
        Label error = (Label) login.lookup("#loginError");
        Map<String, String> out = new LinkedHashMap<>();

        connector.push(new Event.CredentialsRequired(Scenes.V, null));
        Fx.until("sign-in form", () -> vm.phaseProperty().get() == SessionPhase.CREDENTIALS);
        WaitForAsyncUtils.waitForFxEvents();
        double before = Fx.get(login::getHeight);
        for (Map.Entry<String, String> k : SIGN_IN.entrySet()) {
            Event.SessionError e = Event.SessionError.known(Scenes.V, null, null, k.getValue(), k.getKey());
            connector.push(e);
            Fx.until(lang + " " + k.getKey(), () -> vm.lastErrorProperty().get() == e && !error.getText().isEmpty());
            out.put(k.getKey(), Fx.get(error::getText));
            assertEquals(k.getValue(), Fx.get(error::getAccessibleHelp), "the vendor's words are the detail");
        }
        // The UCS login error as its mapper makes it: seed 002's onLoginError(code, message).
        Event ucs = new UcsMapper().mapLine("{\"callback\":\"onLoginError\",\"args\":[401,\"Invalid credentials\"]}").get(0);
        connector.push(ucs);
        Fx.until(lang + " UCS", () -> vm.lastErrorProperty().get() == ucs);
        out.put("ucs.invalidCredentials", Fx.get(error::getText));
        assertEquals("Invalid credentials", Fx.get(error::getAccessibleHelp));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, Fx.get(login::getHeight), 0.5,
                "the error line has its place from the start: nothing below it moves when it appears");

        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.phaseProperty().get() == SessionPhase.READY);
        for (Map.Entry<String, String> k : REFUSALS.entrySet()) {
            connector.respondWith(c -> CompletableFuture.failedFuture(Notices.Refusal.known(k.getValue(), k.getKey())));
            session.send(new Command.Dial("11987654321"));
            Fx.until(lang + " " + k.getKey(), () -> vm.messageProperty().get() != null
                    && vm.messageProperty().get().notice() != null
                    && k.getKey().equals(vm.messageProperty().get().notice().key()));
            WaitForAsyncUtils.waitForFxEvents();
            out.put(k.getKey(), Fx.get(strip::getText));
            assertEquals(k.getValue(), Fx.get(strip::getAccessibleHelp), "the vendor's words are the detail");
        }
        Event account = new UcsMapper().mapLine("{\"callback\":\"onMessage\",\"args\":[{\"message\":"
                + "\"Account kód {accountCode} byl nastaven\",\"type\":\"success\",\"group\":\"accountCode\","
                + "\"data\":{\"values\":{\"accountCode\":\"REKL/vada\"}}}]}").get(0);
        String said = stripSays(connector, vm, strip, account, lang + " account code");
        assertTrue(said.contains("REKL/vada"), said);
        out.put("ucs.accountCodeSet", said);
        // A manual call AgentDesktop refused, as its mapper reads it (docs/vendors/agentdesktop.md, decision 0068).
        Event refused = new AgentDesktopMapper().mapLine("{\"event\":\"CONNECTIONCLEARED\",\"id\":\"4a-6571f3a0@B2BUAEP"
                + ".enghouse.com\",\"type\":\"outbound\",\"media_type\":\"telephony\",\"job_type\":\"manual\","
                + "\"ani\":\"80165@B2BUAEP.enghouse.com\",\"dnis\":\"603555000\",\"reason\":\"rejected\"}").stream()
                .filter(e -> e instanceof Event.Notice).findFirst().orElseThrow();
        String refusal = stripSays(connector, vm, strip, refused, lang + " AgentDesktop refusal");
        assertTrue(refusal.contains("603555000"), refusal);
        assertEquals("rejected", Fx.get(strip::getAccessibleHelp), "AgentDesktop's words are the detail");
        out.put("agentdesktop.dialRefused", refusal);
        session.stop();
        return out;
    }

    /** What the strip says once {@code notice}, pushed by the vendor, is its message. */
    private static String stripSays(FakeConnector connector, BarViewModel vm, MessageStrip strip, Event notice, String what) {
        connector.push(notice);
        Fx.until(what, () -> vm.messageProperty().get() != null && vm.messageProperty().get().notice() == notice);
        WaitForAsyncUtils.waitForFxEvents();
        return Fx.get(strip::getText);
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
