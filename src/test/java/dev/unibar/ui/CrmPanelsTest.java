package dev.unibar.ui;

import dev.unibar.config.CrmConfig;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.crm.Dispositions;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.Outbox;
import dev.unibar.localapi.Pairings;
import dev.unibar.localapi.TestVendor;
import dev.unibar.testkit.Click;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRM link in the bar: the pairing prompt that no stray key answers, the wrap-up disposition panel driven
 * from the keyboard, the webhook line, and revoking in View → Connected apps.
 */
@ExtendWith(ApplicationExtension.class)
class CrmPanelsTest {

    static final String CRM = "https://acme.my.salesforce.com";

    @TempDir
    static Path dir;
    private TestVendor vendor;
    private Session session;
    private CallJournal journal;
    private Dispositions dispositions;
    private Pairings pairings;
    private final List<Consumer<List<Outbox.Status>>> delivery = new CopyOnWriteArrayList<>();
    private final Menu view = new Menu("View");
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vendor = new TestVendor();
        session = new Session(vendor, Clock.systemUTC());
        journal = CallJournal.open(Files.createTempDirectory(dir, "j").resolve("journal.db"), null, Clock.systemUTC());
        journal.attach(session);
        dispositions = new Dispositions(session, journal, new CrmConfig.Dispositions(true,
                List.of("Sale", "No sale", "Call back"), false, 120, 200), List.of("Sale", "No sale", "Call back"));
        pairings = new Pairings(List.of(CRM), null);
        CrmView crm = new CrmView() {
            @Override public Optional<Dispositions> dispositions() { return Optional.of(dispositions); }
            @Override public Optional<Pairings> pairings() { return Optional.of(pairings); }
            @Override public void onDelivery(Consumer<List<Outbox.Status>> l) { delivery.add(l); }
            @Override public int resendDead() { return 0; }
        };
        BarViewModel vm = new BarViewModel(session);
        BarView bar = new BarView(vm, Messages.forLanguage("en"), LoginForm.plain(null), null, null);
        view.getItems().add(new javafx.scene.control.MenuItem("Quit"));
        CrmPanels.mount(bar, view, crm, Messages.forLanguage("en"), stage, UnibarApp.stylesheet());
        Scene scene = new Scene(bar);
        scene.getStylesheets().add(UnibarApp.stylesheet());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        session.start();
        vendor.ready();
    }

    @AfterEach
    void stop() {
        dispositions.close();
        journal.close();
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    @Test
    void noStrayKeyAnswersThePairingPromptAndAllowNeedsADeliberateClick(FxRobot robot) {
        Fx.until("bar ready", () -> robot.lookup("#callPanel").tryQuery().isPresent());
        Fx.run(() -> robot.lookup("#answer").query().requestFocus());
        pairings.request(CRM);
        Fx.until("the prompt shows", () -> node(robot, "#pairingPrompt").isVisible()
                && robot.lookup("#pairingAllow").tryQuery().isPresent());
        assertEquals("acme.my.salesforce.com wants to see your calls and dial for you.",
                Fx.get(() -> ((Label) node(robot, "#pairingText")).getText()));
        Button allow = node(robot, "#pairingAllow");
        Button deny = node(robot, "#pairingDeny");
        assertFalse(Fx.get(allow::isDefaultButton) || Fx.get(deny::isDefaultButton), "no default button");
        assertFalse(Fx.get(allow::isCancelButton) || Fx.get(deny::isCancelButton), "no cancel button");
        Fx.until("Allow armed", () -> !allow.isDisabled());
        Node focus = Fx.get(() -> stage.getScene().getFocusOwner());
        assertNotSame(allow, focus, "the prompt never takes the focus");
        assertNotSame(deny, focus);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ESCAPE);
        Fx.run(() -> { });
        assertEquals(Pairings.State.PENDING, pairings.state(CRM), "Enter and Space answer nothing");
        assertTrue(Fx.get(() -> node(robot, "#pairingPrompt").isVisible()));

        Click.on(robot, "#pairingAllow");
        Fx.until("approved", () -> pairings.state(CRM) == Pairings.State.APPROVED);
        Fx.until("the prompt is gone", () -> !node(robot, "#pairingPrompt").isVisible());

        // View → Connected apps…: the approval is listed, and revoked from there.
        Fx.run(() -> view.getItems().stream().filter(i -> "menuConnectedApps".equals(i.getId())).findFirst().orElseThrow().fire());
        Fx.until("the window lists it", () -> robot.lookup("#appState-acme_my_salesforce_com").tryQuery()
                .map(n -> "Allowed".equals(((Label) n).getText())).orElse(false));
        Click.on(robot, "#appRevoke-acme_my_salesforce_com");
        Fx.until("revoked", () -> pairings.state(CRM) == Pairings.State.UNASKED);
        Fx.run(() -> ((Button) robot.lookup("#connectedAppsClose").query()).fire());
    }

    @Test
    void wrapUpIsTypedToAFilterAndSavedWithEnter(FxRobot robot) {
        Fx.until("bar ready", () -> robot.lookup("#callPanel").tryQuery().isPresent());
        vendor.ring("w1", "+420777123456", "Jan Novák");
        vendor.emit(new Event.CallConnected("ucs", null, "w1", null), new Event.CallEnded("ucs", null, "w1", "caller_hangup"));
        Fx.until("the panel asks", () -> node(robot, "#dispositionPanel").isVisible());
        assertEquals("Disposition for Jan Novák", Fx.get(() -> ((Label) node(robot, "#dispositionTitle")).getText()));
        TextField filter = node(robot, "#dispositionFilter");
        Fx.until("the filter has the keyboard", filter::isFocused);
        robot.type(KeyCode.ENTER);
        Fx.run(() -> { });
        assertNull(journal.call("ucs", "w1").disposition(), "Enter with nothing chosen saves nothing");

        robot.write("no");
        ListView<?> codes = node(robot, "#dispositionCodes");
        Fx.until("filtered to one, chosen", () -> codes.getItems().size() == 1
                && "No sale".equals(codes.getSelectionModel().getSelectedItem()));
        Click.on(robot, "#dispositionNotes").write("asked for a call next week");
        robot.type(KeyCode.ENTER);
        Fx.until("saved", () -> "No sale".equals(journal.call("ucs", "w1").disposition()));
        assertEquals("asked for a call next week", journal.call("ucs", "w1").notes());
        Fx.until("the panel closes once saved", () -> !node(robot, "#dispositionPanel").isVisible());
        assertTrue(journal.call("ucs", "w1").loggedAt() != null, "ended outside after-call work: logged with it");
    }

    @Test
    void theBarSaysWhenCallLogsAreNotGettingThrough(FxRobot robot) {
        Fx.until("mounted", () -> robot.lookup("#webhookStatus").tryQuery().isPresent());
        assertFalse(Fx.get(() -> node(robot, "#webhookStatus").isVisible()));
        delivery.forEach(l -> l.accept(List.of(new Outbox.Status("crm.example.com", 3, 0, 1, "HTTP 503"))));
        Fx.until("the failure shows", () -> node(robot, "#webhookStatus").isVisible());
        assertEquals("The call log did not reach crm.example.com (HTTP 503); retrying, 3 waiting.",
                Fx.get(() -> ((Label) node(robot, "#webhookStatusText")).getText()));
        assertFalse(Fx.get(() -> node(robot, "#webhookResend").isVisible()));
        delivery.forEach(l -> l.accept(List.of(new Outbox.Status("crm.example.com", 0, 2, 0, "HTTP 503"))));
        Fx.until("the dead letters show", () -> node(robot, "#webhookResend").isVisible());
        delivery.forEach(l -> l.accept(List.of(new Outbox.Status("crm.example.com", 0, 0, 0, null))));
        Fx.until("all delivered: nothing to say", () -> !node(robot, "#webhookStatus").isVisible());
    }
}
