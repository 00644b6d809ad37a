package dev.unibar.flow;

import dev.unibar.core.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code unibar flow record} as the running bar answers it, over its single-instance channel (which already
 * holds only requests that carry the user's secret): {@code record start} begins a recording of the bar's session,
 * {@code record stop FILE [NAME]} ends it and writes the flow to FILE, an absolute path the user's command named.
 * Each answer is one line, {@code ok: ...} or {@code error: ...}.
 */
public final class RecordRequests {

    private final Session session;
    private final Supplier<FarEnd> farEnd;

    /** @param farEnd the simulator's far end, or null against the vendor's own system */
    public RecordRequests(Session session, Supplier<FarEnd> farEnd) {
        this.session = session;
        this.farEnd = farEnd;
    }

    /** Whether {@code args} are a flow request ({@code flow record ...}). */
    public static boolean handles(List<String> args) {
        return args.size() >= 2 && args.get(0).equals("flow") && args.get(1).equals("record");
    }

    public String handle(List<String> args) {
        if (!handles(args) || args.size() < 3) return "error: expected flow record start|stop";
        FlowRecorder r = FlowRecorder.of(session);
        switch (args.get(2)) {
            case "start" -> {
                if (args.size() != 3) return "error: flow record start takes nothing more";
                return r.start(farEnd.get()) ? "ok: recording " + session.connector().vendor()
                        : "error: a recording is already going on in the bar (its inspector can stop it)";
            }
            case "stop" -> {
                if (args.size() < 4 || args.size() > 5) return "error: flow record stop FILE [NAME]";
                Path file = Path.of(args.get(3));
                if (!file.isAbsolute()) return "error: the file must be an absolute path";
                FlowRecorder.Recording rec = r.stop();
                if (rec == null) return "error: no recording was going on";
                String yaml = FlowWriter.yaml(rec, args.size() == 5 ? args.get(4) : null);
                try {
                    Files.writeString(file, yaml, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "error: cannot write " + file + ": " + e.getMessage();
                }
                return "ok: wrote " + file + " (" + FlowWriter.steps(rec) + " steps)";
            }
            default -> {
                return "error: expected flow record start|stop";
            }
        }
    }
}
