package dev.unibar.crm;

import dev.unibar.config.CrmConfig;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.localapi.TestVendor;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** IT's programs on ring, answer and end: each argument as the caller sent it, no shell, stopped at its limit. */
class CommandHooksTest {

    @TempDir
    Path dir;

    /** A program that writes its arguments, one a line, to the file named by its first. */
    private Path recorder() throws Exception {
        Path p = dir.resolve("record-args");
        Files.writeString(p, "#!/bin/sh\nout=\"$1\"; shift\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$out\"; done\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void eachHookGetsTheCallsFieldsAsArgumentsVerbatimOncePerCall() throws Exception {
        Path prog = recorder();
        Path ring = dir.resolve("ring.txt");
        Path end = dir.resolve("end.txt");
        List<CommandHooks.Run> runs = new CopyOnWriteArrayList<>();
        CrmConfig.Hooks config = new CrmConfig.Hooks(List.of(prog.toString(), ring.toString(), "{number}", "{name}", "{callId}"),
                List.of(), List.of(prog.toString(), end.toString(), "ended:{callId}"), 5);
        TestVendor vendor = new TestVendor();
        Session session = new Session(vendor, Clock.systemUTC());
        try (CommandHooks hooks = new CommandHooks(config, runs::add).attach(session)) {
            session.start();
            String evil = "$(touch " + dir.resolve("pwned") + "); rm -rf ~ `id` \"quoted\" 'single'";
            vendor.ring("k1", "+420777000111", evil);
            vendor.ring("k1", "+420777000111", evil);
            vendor.emit(new Event.CallEnded("ucs", null, "k1", null));
            Wait.until("both hooks ran", Duration.ofSeconds(20), () -> runs.size() == 2);
        }
        assertEquals(List.of("+420777000111", "$(touch " + dir.resolve("pwned") + "); rm -rf ~ `id` \"quoted\" 'single'", "k1"),
                Files.readAllLines(ring), "each field one argument, as it came, once for a call that rang twice");
        assertEquals(List.of("ended:k1"), Files.readAllLines(end));
        assertFalse(Files.exists(dir.resolve("pwned")), "no shell ever read the caller's name");
        runs.forEach(r -> assertEquals(0, r.exitCode()));
    }

    @Test
    void aHookThatOverrunsItsLimitIsStopped() throws Exception {
        Path slow = dir.resolve("slow");
        Files.writeString(slow, "#!/bin/sh\nsleep 600\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        List<CommandHooks.Run> runs = new CopyOnWriteArrayList<>();
        TestVendor vendor = new TestVendor();
        Session session = new Session(vendor, Clock.systemUTC());
        long start = System.nanoTime();
        try (CommandHooks hooks = new CommandHooks(new CrmConfig.Hooks(List.of(slow.toString()), List.of(), List.of(), 1),
                runs::add).attach(session)) {
            session.start();
            vendor.ring("k2", "1", null);
            Wait.until("the run ended", Duration.ofSeconds(30), () -> runs.size() == 1);
        }
        assertNull(runs.get(0).exitCode(), "killed, not exited");
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(slow.toString())),
                "nothing of it is left running");
        assertEquals(true, System.nanoTime() - start < Duration.ofSeconds(60).toNanos());
    }
}
