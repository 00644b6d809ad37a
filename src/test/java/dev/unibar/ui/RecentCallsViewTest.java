package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.journal.CallJournal;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recent-calls list follows the journal as the session's events reach it, filters on what the agent types,
 * redials through the guarded Dial command, and exports; the View menu offers it when a journal is open.
 */
@ExtendWith(ApplicationExtension.class)
class RecentCallsViewTest {

    @TempDir
    static Path dir;

    private FakeConnector connector;
    private CallJournal journal;
    private BarContext ctx;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC());
        journal = CallJournal.open(Files.createTempDirectory(dir, "j").resolve("journal.db"), null, Clock.systemUTC());
        journal.attach(session);
        ctx = new BarContext() {
            public Session session() { return session; }
            public Optional<Node> vendorView() { return Optional.empty(); }
            public LoginForm loginForm() { return LoginForm.plain("ana"); }
            public List<String> scenarios() { return List.of(); }
            public void runScenario(String name) { }
            public String title() { return "test"; }
            public void close() { session.stop(); }
            @Override public Optional<CallJournal> journal() { return Optional.of(journal); }
        };
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
        session.start();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void listsSearchesRedialsAndExports(FxRobot robot) throws Exception {
        MenuItem item = Fx.get(() -> ((MenuBar) robot.lookup("#menuBar").query()).getMenus().get(0).getItems().stream()
                .filter(i -> "menuRecentCalls".equals(i.getId())).findFirst().orElseThrow());
        assertFalse(item.isDisable(), "the View menu offers the list when the journal is open");
        connector.push(Scenes.loggedInReady());
        connector.push(Scenes.ringing("c1"), Scenes.connected("c1"));
        connector.push(new Event.CallEnded(Scenes.V, null, "c1", "caller_hangup"));
        Fx.run(item::fire);
        TableView<?> table = robot.lookup("#recentCalls").query();
        Fx.until("the ended call is listed", () -> table.getItems().size() == 1);
        connector.push(new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "11955554444")));
        Fx.until("a new call appears at the top as it happens", () -> table.getItems().size() == 2
                && robot.lookup("11955554444").tryQuery().isPresent());

        connector.push(new Event.CallEnded(Scenes.V, null, "c2", "busy"));
        Click.on(robot, "#recentSearch").write("Oliveira");
        Fx.until("the search keeps the matching call", () -> table.getItems().size() == 1);
        assertTrue(robot.lookup(Scenes.NUMBER).tryQuery().isPresent());
        assertTrue(robot.lookup(Scenes.QUEUE).tryQuery().isPresent());
        assertTrue(robot.lookup("Answered").tryQuery().isPresent(), "the End column speaks the common vocabulary");
        assertFalse(robot.lookup("caller_hangup").tryQuery().isPresent(), "never the vendor's code");

        Fx.run(() -> table.getSelectionModel().select(0));
        Click.on(robot, "#recentRedial");
        Fx.until("Dial sent", () -> connector.commands.stream().anyMatch(c -> c instanceof Command.Dial));
        Command.Dial dial = (Command.Dial) connector.commands.stream().filter(c -> c instanceof Command.Dial).findFirst().orElseThrow();
        assertEquals(Scenes.NUMBER, dial.number());

        RecentCallsView view = robot.lookup("#recentCallsView").query();
        Path csv = dir.resolve("calls.csv");
        Fx.run(() -> view.export(csv, false));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), "the header and both calls, whatever the search shows");
        assertTrue(lines.get(1).startsWith("fake,c1,inbound," + Scenes.NUMBER + "," + Scenes.NAME), lines.get(1));
        assertEquals("Exported 2 calls to calls.csv", Fx.get(() -> ((Label) robot.lookup("#recentStatus").query()).getText()));
    }
}
