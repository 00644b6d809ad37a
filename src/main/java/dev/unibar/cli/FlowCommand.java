package dev.unibar.cli;

import java.util.List;
import java.util.function.Function;

/** {@code unibar flow run ...} and {@code unibar flow record ...} (docs/flows.md). */
final class FlowCommand {

    static final String USAGE = FlowRunCommand.USAGE + "\n" + FlowRecordCommand.USAGE;

    private final Terminal terminal;

    FlowCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** @return the exit code; usage problems are returned as messages through {@code usage} */
    int run(List<String> args, Function<String, Integer> usage) {
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "run" -> new FlowRunCommand(terminal).run(rest, usage);
            case "record" -> new FlowRecordCommand(terminal).run(rest, usage);
            default -> usage.apply("flow: expected \"flow run FILE.yml\" or \"flow record --out FILE.yml\"");
        };
    }
}
