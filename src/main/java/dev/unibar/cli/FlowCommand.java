package dev.unibar.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** {@code unibar flow run ...} and {@code unibar flow record ...} (docs/flows.md). */
final class FlowCommand {

    static final String USAGE = FlowRunCommand.USAGE + "\n" + FlowRecordCommand.USAGE;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final String osName;
    private final String userHome;

    FlowCommand(InputStream in, PrintStream out, PrintStream err, Function<String, String> env, String osName, String userHome) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.osName = osName;
        this.userHome = userHome;
    }

    /** @return the exit code; usage problems are returned as messages through {@code usage} */
    int run(List<String> args, Function<String, Integer> usage) {
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "run" -> new FlowRunCommand(out, err, env, osName, userHome).run(rest, usage);
            case "record" -> new FlowRecordCommand(in, out, err, env, osName, userHome).run(rest, usage);
            default -> usage.apply("flow: expected \"flow run FILE.yml\" or \"flow record --out FILE.yml\"");
        };
    }
}
