package dev.unibar.cli;

import dev.unibar.app.desktop.AppDirs;
import dev.unibar.app.desktop.InstanceChannel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@code unibar flow record --out FILE.yml [--name NAME]}: the user's running bar records its session until Enter
 * (or end of input, or Ctrl+C) and writes what happened as a flow (decision 0039). It talks to the bar over the
 * single-instance channel, with the secret only this user can read. Exit 0 written, 1 the bar refused, 2 bad
 * arguments, 3 no bar running. Never loads JavaFX.
 */
final class FlowRecordCommand {

    static final String USAGE = "       unibar flow record --out FILE.yml [--name NAME]    record the running bar's calls as a flow";

    private final Terminal t;

    FlowRecordCommand(Terminal t) {
        this.t = t;
    }

    int run(List<String> args, Function<String, Integer> usage) {
        Args a = Args.parse("flow record", args, Set.of("--out", "--name"), 0);
        String outFile = a.options.get("--out");
        if (outFile == null) return usage.apply("flow record: --out FILE.yml is required");
        Path file = Path.of(outFile).toAbsolutePath().normalize();
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            return usage.apply("flow record: no such folder: " + file.getParent());
        }
        Path dir = AppDirs.of(t.env(), t.osName(), t.userHome()).state();
        String reply;
        try {
            reply = InstanceChannel.sendIfRunning(dir, List.of("flow", "record", "start"));
        } catch (IOException e) {
            t.err().println("unibar: flow record: " + e.getMessage());
            return 3;
        }
        if (!reply.startsWith("ok")) {
            t.err().println("unibar: " + reply);
            return Cli.MALFORMED;
        }
        t.err().println("unibar: " + reply + "; handle calls in the bar as usual, then press Enter here to stop and write "
                + file + " (or Ctrl+C)");
        List<String> stop = new ArrayList<>(List.of("flow", "record", "stop", file.toString()));
        if (a.options.get("--name") != null) stop.add(a.options.get("--name"));
        AtomicBoolean stopped = new AtomicBoolean();
        // Ctrl+C ends the recording too: the file is written before the command exits.
        Thread hook = new Thread(() -> {
            if (stopped.compareAndSet(false, true)) send(dir, stop);
        }, "unibar-flow-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new BufferedReader(new InputStreamReader(t.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            // end of input: stop now
        }
        if (!stopped.compareAndSet(false, true)) return Cli.OK;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran
        }
        String done = send(dir, stop);
        boolean ok = done.startsWith("ok");
        (ok ? t.out() : t.err()).println("unibar: " + done);
        return ok ? Cli.OK : Cli.MALFORMED;
    }

    private static String send(Path dir, List<String> args) {
        try {
            return InstanceChannel.sendIfRunning(dir, args);
        } catch (IOException e) {
            return "error: " + e.getMessage();
        }
    }
}
