package dev.unibar.cli;

import dev.unibar.app.Vendors;
import dev.unibar.config.ConfigException;
import dev.unibar.config.UnibarConfig;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.JournalExport;
import dev.unibar.journal.JournalFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code unibar journal export [--config FILE] [--json] [--out FILE]}: the call journal as Recent calls exports it
 * (CSV, or JSON with the agent states), without starting the bar: times in this computer's time zone with their
 * offset, to the second; {@code endCause} in the common vocabulary (decision 0055). It reads the journal the
 * configuration names (the demo's own in demo mode) and never creates one.
 */
final class JournalCommand {

    static final String USAGE =
            "       unibar journal export [--config FILE] [--json] [--out FILE]   the call journal as CSV (or JSON)";

    private final Terminal t;

    JournalCommand(Terminal terminal) {
        this.t = terminal;
    }

    int run(List<String> args, Function<String, Integer> usage) {
        if (args.isEmpty() || !args.get(0).equals("export")) return usage.apply("journal: expected \"journal export\"");
        Args a = Args.parse("journal export", args.subList(1, args.size()), Set.of("--config", "--out"), Set.of("--json"),
                0);
        UnibarConfig config;
        try {
            String file = a.options.get("--config");
            config = Vendors.configLoader(t.env()).locateAndLoad(file == null ? null : Path.of(file), t.osName(),
                    t.userHome());
        } catch (ConfigException e) {
            t.err().println("unibar: " + e.getMessage());
            return Cli.USAGE;
        }
        boolean demo = config.demo() || config.section(config.effectiveVendor(), Object.class) == null;
        Path journal = JournalFiles.file(config.features().journal().file(), demo, t.env(), t.osName(),
                t.userHome());
        if (!Files.isRegularFile(journal)) {
            t.err().println("unibar: no call journal at " + journal);
            return 1;
        }
        boolean json = a.options.containsKey("--json");
        String out = a.options.get("--out");
        try (CallJournal j = CallJournal.open(journal, null, Clock.systemUTC());
             Writer w = out == null ? new OutputStreamWriter(t.out(), StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            if (json) JournalExport.json(j.all(), j.agentStates(), w, ZoneId.systemDefault());
            else JournalExport.csv(j.all(), w, ZoneId.systemDefault());
        } catch (IOException e) {
            t.err().println("unibar: " + e.getMessage());
            return 1;
        }
        return Cli.OK;
    }
}
