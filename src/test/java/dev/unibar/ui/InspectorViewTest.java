package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
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
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {

    private static final String RAW = "{\"callback\":\"onCallRinging\",\"args\":[{\"uniqueid\":\"u-1\",\"callerid\":\"5511988887777\"}]}";

    private FakeConnector connector;
    private Session session;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        session = new Session(connector, Clock.systemUTC());
        session.start();
        view = new InspectorView(session.inspector(), Messages.forLanguage("en"));
        stage.setScene(new Scene(view, 1100, 400));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private Set<String> cellTexts(FxRobot robot) {
        return robot.lookup(".table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null && !t.isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void showsRawBesideNormalizedAndCopiesBoth(FxRobot robot) {
        Event ringing = Scenes.ringing("u-1");
        Event state = new Event.AgentStateChanged(Scenes.V, null, AgentState.NOT_READY, "lunch", false);
        connector.pushRaw(RAW, ringing, state);
        String json = EventJson.line(ringing) + "\n" + EventJson.line(state);
        Fx.until("row shown", () -> cellTexts(robot).containsAll(List.of(RAW, json, "mapped")));

        Click.on(robot, RAW);
        Click.on(robot, "#inspectorCopy");
        String clip = Fx.get(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(RAW + "\n" + json + "\n", clip);
    }

    @Test
    void countsFiltersAndExports(FxRobot robot, @TempDir Path dir) throws Exception {
        Event ready = new Event.SessionReady(Scenes.V, null);
        connector.pushRaw("{\"callback\":\"onReady\",\"args\":[]}", ready);
        Event ringing = Scenes.ringing("u-1");
        connector.pushRaw(RAW, ringing);
        connector.malformed("{not json", "not JSON at offset 1");
        session.dropped("{\"from\":\"evil\"}", "foreign origin http://evil.example");
        session.send(new Command.SetState(AgentState.READY, null));
        Label counters = robot.lookup("#inspectorCounters").query();
        Fx.until("counters", () -> "Mapped: 2 · Malformed: 1 · Dropped: 1".equals(counters.getText()));
        Fx.until("five rows", () -> view.table().getItems().size() == 5);
        List<String> expected = List.of("malformed", "dropped", "command", "not JSON at offset 1",
                "SetState[state=READY, reasonId=null]");
        Fx.until("kinds, problem and command shown: " + expected, () -> cellTexts(robot).containsAll(expected));

        Click.on(robot, "#inspectorFilter").write("offset");
        Fx.until("filtered", () -> view.table().getItems().size() == 1
                && "{not json".equals(view.table().getItems().get(0).raw()));

        Path out = dir.resolve("events.jsonl");
        Fx.run(() -> view.setExportChooser(w -> out.toFile()));
        Click.on(robot, "#inspectorExport");
        Fx.until("exported", () -> Files.exists(out));
        assertEquals(List.of(EventJson.line(ready), EventJson.line(ringing)), Files.readAllLines(out));
    }
}
