package dev.unibar.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.stream.Stream;

/** Part 3 of the agent's day's sessions ({@link AgentDaySessions}, {@link AgentDayTest}). */
@ExtendWith(ApplicationExtension.class)
class AgentDay3Test {

    @TempDir
    static Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @TestFactory
    Stream<DynamicNode> theAgentsDayOnEveryVendor(FxRobot robot) {
        return AgentDaySessions.part(2, robot, stage, folder);
    }
}
