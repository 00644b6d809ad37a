package dev.unibar.cli;

import dev.unibar.app.desktop.AppDirs;
import dev.unibar.app.desktop.InstanceChannel;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.connectors.epbx.EpbxModule;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.flow.RecordRequests;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code unibar flow record --out FILE.yml}: the running bar records a call handled as usual, over its
 * secret-protected single-instance channel, and the recording (made against the vendor's system: nothing tells
 * the recorder what the far end did but the events) replays green against that vendor's simulator.
 */
class FlowRecordCommandTest {

    @TempDir
    Path home;

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Cli cli(InputStream in, ByteArrayOutputStream out, ByteArrayOutputStream err, Function<String, String> env) {
        return new Cli(in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, "Linux", home.toString());
    }

    @Test
    void aCallHandledInTheRunningBarIsRecordedAndReplaysAgainstTheSimulator() throws Exception {
        Function<String, String> env = Map.of("UNIBAR_PASSWORD", "agent")::get;
        Path state = AppDirs.of(env, "Linux", home.toString()).state();
        EpbxSimulator sim = EpbxSimulator.run(0);
        VendorSetup setup = EpbxModule.forSimulator(sim, "classic");
        Session session = new Session(setup.connector(), Clock.systemUTC());
        session.start();
        Path file = home.resolve("recorded.yml");
        try (InstanceChannel bar = InstanceChannel.claim(state, List.of()).primary()) {
            // As the bar answers (DesktopShell): against the vendor's own system the recorder knows no far end.
            bar.setHandler(new RecordRequests(session, () -> null)::handle);
            PipedOutputStream enter = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(enter);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> cli(in, out, err, env)
                    .run(new String[]{"flow", "record", "--out", file.toString(), "--name", "a call from the day"}));
            Wait.until("the bar records and the command says so", LIMIT, () -> dev.unibar.flow.FlowRecorder.of(session).recording()
                    && err.toString(StandardCharsets.UTF_8).contains("ok: recording epbx; handle calls in the bar as usual"));

            session.send(new Command.Login("agent", "agent", false, "1000", "ramalVirtual"));
            Wait.until("signed in", LIMIT, () -> session.store().state().phase() == SessionPhase.READY);
            // A customer calls: the far end is the vendor's, not a flow's (the simulator plays it on its own).
            sim.scenario("inbound", Map.of("telefone", "11987654321"));
            Wait.until("talking", LIMIT, () -> session.store().state().activeCall().map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
            String call = session.store().state().activeCall().map(CallView::id).orElseThrow();
            session.send(new Command.Hold(call));
            Wait.until("held", LIMIT, () -> session.store().state().heldCall().isPresent());
            session.send(new Command.Resume(call));
            Wait.until("resumed", LIMIT, () -> session.store().state().heldCall().isEmpty());
            sim.scenario("hangup", Map.of());
            Wait.until("ended and its recording offered", LIMIT, () -> session.store().state().calls().isEmpty()
                    && !session.store().state().recordings().isEmpty());

            enter.write('\n');
            enter.flush();
            assertEquals(0, code.get().intValue(), err.toString());
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("unibar: ok: wrote " + file + " ("), out.toString());
        } finally {
            session.stop();
            setup.close();
        }
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("name: \"a call from the day\""), yaml);
        assertTrue(yaml.contains("password: \"${env:UNIBAR_PASSWORD}\""), yaml);
        assertFalse(yaml.contains("password: agent"), "no password is written:\n" + yaml);
        assertTrue(yaml.contains("  - far: inbound\n    from: \"11987654321\"\n"), "the customer's call as a far-end step:\n" + yaml);
        assertTrue(yaml.contains("  - far: hangup\n"), "the customer's hang-up:\n" + yaml);
        assertTrue(yaml.contains("{type: call.held, callId: $call}"), "call ids as variables:\n" + yaml);
        assertTrue(yaml.contains("{type: call.recording, callId: $call, url: \"*\"}"), "a generated address relaxed:\n" + yaml);
        assertFalse(yaml.contains("SIP/1000-"), "no generated call id is written:\n" + yaml);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int replay = cli(InputStream.nullInputStream(), out, err, Map.of("UNIBAR_PASSWORD", "agent")::get)
                .run(new String[]{"flow", "run", file.toString()});
        assertEquals(0, replay, yaml + "\n" + out + err);
    }

    @Test
    void withoutARunningBarItSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(InputStream.nullInputStream(), out, err, Map.<String, String>of()::get)
                .run(new String[]{"flow", "record", "--out", home.resolve("x.yml").toString()});
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no Unibar bar is running"), err.toString());
        assertEquals(2, cli(InputStream.nullInputStream(), out, err, Map.<String, String>of()::get)
                .run(new String[]{"flow", "record"}));
    }
}
