package dev.unibar.flow;

import dev.unibar.core.Connector;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that announces itself while starting (MAX acknowledges the registration as soon as its page has
 * loaded) said so before the command line's run began listening: the flow's first step then waited 15 s for an
 * event that had already come, and failed CI once.
 */
class FlowRunnerRecordingTest {

    private static final String FLOW = """
            name: ready on start
            vendor: max
            timeout: 1s
            steps:
              - wait: 10ms
                expect:
                  - {type: session.ready}
              - wait: 10ms
                expect:
                  - {type: session.ready}
            """;

    /** Says it is ready from inside start(), before anyone could call run(). */
    private static final class ReadyOnStart implements Connector {
        @Override
        public String vendor() {
            return "max";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().build();
        }

        @Override
        public void start(Sink sink) {
            sink.connection(ConnectionStatus.CONNECTED);
            sink.events(null, List.of(new Event.SessionReady("max", Instant.now())));
        }

        @Override
        public CompletionStage<Void> send(Command command) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void theFirstStepSeesWhatTheSessionSaidWhileStarting() throws Exception {
        Session session = new Session(new ReadyOnStart(), Clock.systemUTC());
        FlowRunner runner = new FlowRunner(session, null, FlowRunner.Mode.SIMULATOR, null, Clock.systemUTC());
        runner.recordFromNow();
        session.start();
        FlowReport report = runner.run(FlowReader.parse(FLOW, "ready.yml"));
        List<StepResult> steps = report.steps();
        assertEquals(StepResult.Status.PASSED, steps.get(0).status(), ReportText.of(report));
        // Only the first step looks back: the second must not take the same announcement for a new one.
        assertEquals(StepResult.Status.FAILED, steps.get(1).status(), ReportText.of(report));
    }

    @Test
    void withoutRecordingEarlyARunHearsOnlyWhatComesAfterIt() throws Exception {
        Session session = new Session(new ReadyOnStart(), Clock.systemUTC());
        session.start();
        FlowReport report = new FlowRunner(session, null, FlowRunner.Mode.SIMULATOR, null, Clock.systemUTC())
                .run(FlowReader.parse(FLOW, "ready.yml"));
        assertEquals(StepResult.Status.FAILED, report.steps().get(0).status());
        assertTrue(ReportText.of(report).contains("no session.ready event came"), ReportText.of(report));
    }
}
