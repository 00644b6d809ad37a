package dev.unibar.cli;

import dev.unibar.app.Vendors;
import dev.unibar.bridge.PageChannel;
import dev.unibar.config.ConfigException;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.Session;
import dev.unibar.flow.FarEnd;
import dev.unibar.flow.Flow;
import dev.unibar.flow.FlowException;
import dev.unibar.flow.FlowReader;
import dev.unibar.flow.FlowReport;
import dev.unibar.flow.FlowRunner;
import dev.unibar.flow.JUnitXml;
import dev.unibar.flow.ReportText;
import dev.unibar.flow.Step;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] [--junit FILE]}:
 * each flow against a fresh simulator (or the configured vendor), a report on standard output, exit 0 when
 * every step of every flow passed, 1 when one failed, 2 for bad arguments or a flow file that cannot be read.
 * No JavaFX: a vendor whose bar is a web page needs the bar's WebView, so its flows run in the bar (Simulator →
 * Run flow…) and in the test command, not here.
 */
final class FlowCommand {

    static final String USAGE = "       unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] [--junit FILE]";

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final String osName;
    private final String userHome;

    FlowCommand(PrintStream out, PrintStream err, Function<String, String> env, String osName, String userHome) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.osName = osName;
        this.userHome = userHome;
    }

    /** @return the exit code; usage problems are returned as messages through {@code usage} */
    int run(List<String> args, Function<String, Integer> usage) {
        if (args.isEmpty() || !args.get(0).equals("run")) return usage.apply("flow: expected \"flow run FILE.yml\"");
        Cli.Args a;
        try {
            a = Cli.Args.parse(args.subList(1, args.size()), java.util.Set.of("--vendor", "--against", "--config", "--junit"),
                    Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return usage.apply("flow run: " + e.getMessage());
        }
        if (a.positional.isEmpty()) return usage.apply("flow run: name at least one flow file");
        String against = a.options.getOrDefault("--against", "simulator");
        if (!against.equals("simulator") && !against.equals("config")) {
            return usage.apply("flow run: --against must be simulator or config, got \"" + against + "\"");
        }
        List<Flow> flows = new ArrayList<>();
        for (String f : a.positional) {
            try {
                flows.add(FlowReader.read(Path.of(f)));
            } catch (FlowException e) {
                err.println("unibar: " + e.getMessage());
                return Cli.USAGE;
            }
        }
        UnibarConfig config = null;
        if (against.equals("config")) {
            String file = a.options.get("--config");
            try {
                config = Vendors.configLoader(env).locateAndLoad(file == null ? null : Path.of(file), osName, userHome);
            } catch (ConfigException e) {
                err.println("unibar: " + e.getMessage());
                return Cli.USAGE;
            }
            if (config.demo()) return usage.apply("flow run --against config: no config file names a vendor");
        }
        List<FlowReport> reports = new ArrayList<>();
        for (Flow flow : flows) {
            String vendor = a.options.getOrDefault("--vendor", flow.vendor() != null ? flow.vendor()
                    : config != null ? config.effectiveVendor() : null);
            if (vendor == null) return usage.apply("flow run: " + flow.source() + " names no vendor; give --vendor");
            Optional<VendorModule> module = Vendors.find(vendor);
            if (module.isEmpty()) {
                return usage.apply("flow run: vendor \"" + vendor + "\" is not supported yet (supported: "
                        + String.join(", ", Vendors.ids()) + ")");
            }
            FlowReport r;
            try {
                r = runOne(flow, module.get(), config);
            } catch (NoPages e) {
                err.println("unibar: flow run: " + vendor + " shows its bar in a web page, which the command line does not "
                        + "open; run " + flow.source() + " in the bar (Simulator → Run flow…) or in the test command");
                return Cli.USAGE;
            }
            out.print(ReportText.of(r));
            out.flush();
            reports.add(r);
        }
        String junit = a.options.get("--junit");
        if (junit != null) {
            try {
                Path p = Path.of(junit);
                if (p.getParent() != null) Files.createDirectories(p.getParent());
                Files.writeString(p, JUnitXml.of(reports), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("unibar: flow run: cannot write " + junit + ": " + e.getMessage());
                return Cli.USAGE;
            }
        }
        return reports.stream().allMatch(FlowReport::passed) ? Cli.OK : Cli.MALFORMED;
    }

    private FlowReport runOne(Flow flow, VendorModule module, UnibarConfig config) {
        Clock clock = Clock.systemUTC();
        Headless env = new Headless(clock);
        boolean live = config != null;
        VendorSetup setup;
        if (live) {
            Object section = config.sections().get(module.id());
            if (section == null) throw new IllegalArgumentException("the config has no " + module.id() + " section");
            setup = module.open(section, env);
        } else {
            setup = module.openDemo(env);
        }
        FarEnd far = live ? null : module.farEnd(setup.simulator()).orElse(null);
        Session session = new Session(setup.connector(), clock);
        try {
            session.start();
            FlowRunner runner = new FlowRunner(session, far, live ? FlowRunner.Mode.CONFIG : FlowRunner.Mode.SIMULATOR,
                    new FlowRunner.Listener() {
                        @Override
                        public void farEndPrompt(Step step) {
                            err.println("far end, now: " + step.label() + " (waiting up to "
                                    + Math.max(step.within().toSeconds(), FlowRunner.PERSON_TIME.toSeconds()) + " s)");
                        }
                    }, clock);
            return runner.run(flow);
        } finally {
            session.stop();
            setup.close();
        }
    }

    /** The command line opens no window, so it can host no vendor page. */
    private static final class Headless implements VendorEnvironment {
        private final Clock clock;

        Headless(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
            throw new NoPages();
        }

        @Override
        public String pageUrl(String path) {
            throw new NoPages();
        }
    }

    private static final class NoPages extends RuntimeException {
        NoPages() {
            super("no web pages on the command line");
        }
    }
}
