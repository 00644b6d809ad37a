package dev.unibar.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.stream.Stream;

/** One part of the agent's day's sessions ({@link AgentDaySessions}): each subclass is a test class of its own. */
@ExtendWith(ApplicationExtension.class)
abstract class AgentDayPart {

    @TempDir
    static Path folder;

    /** Which of the {@link AgentDaySessions#PARTS} parts this class plays (from 0). */
    abstract int part();

    @TestFactory
    Stream<DynamicNode> theAgentsDayOnEveryVendor(FxRobot robot) throws Exception {
        // TestFX looks for @Start on the test class itself, not its superclass: the primary stage it would hand in.
        Stage stage = FxToolkit.registerPrimaryStage();
        return AgentDaySessions.part(part(), robot, stage, folder);
    }
}
