package dev.unibar.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} / {@code --name=value} options plus up to {@code maxPositional} plain arguments. */
final class Args {
    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> positional = new ArrayList<>();

    /**
     * A command line that does not fit, its message as the usage line starts it ({@code simulate: unknown option
     * --x}); {@link Cli#run} answers every one with the usage text.
     */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String command, String problem) {
            super(command == null ? problem : command + ": " + problem);
        }
    }

    /** @param command what a problem is said to be about ({@code simulate}), or null for the bar itself */
    static Args parse(String command, List<String> args, Set<String> known, int maxPositional) {
        return parse(command, args, known, Set.of(), maxPositional);
    }

    /** {@code flags} are options without a value ({@code --start-over}); they are stored as "true". */
    static Args parse(String command, List<String> args, Set<String> known, Set<String> flags, int maxPositional) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s;
                String value = null;
                int eq = s.indexOf('=');
                if (eq > 0) {
                    name = s.substring(0, eq);
                    value = s.substring(eq + 1);
                }
                if (flags.contains(name) && value == null) {
                    value = "true";
                } else if (!known.contains(name)) {
                    throw new Invalid(command, "unknown option " + name);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) throw new Invalid(command, name + " needs a value");
                    value = args.get(++i);
                }
                if (a.options.put(name, value) != null) throw new Invalid(command, name + " given twice");
            } else if (s.startsWith("-") && !s.equals("-")) {
                throw new Invalid(command, "unknown option " + s);
            } else {
                if (a.positional.size() >= maxPositional) throw new Invalid(command, "unexpected argument \"" + s + "\"");
                a.positional.add(s);
            }
        }
        return a;
    }
}
