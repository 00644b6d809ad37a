package dev.unibar.cli;

import dev.unibar.app.Vendors;
import dev.unibar.bridge.browser.BrowserFinder;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] [--junit FILE]}:
 * each flow against a fresh simulator (or the configured vendor), a report on standard output, exit 0 when
 * every step of every flow passed, 1 when one failed, 2 for bad arguments or a flow file that cannot be read.
 * No JavaFX and no display: a vendor whose bar is a web page gets it in a headless Chromium-family browser
 * ({@link HeadlessPages}, docs/decisions/0021-flow-run-headless-browser.md).
 */
final class FlowCommand {

    static final String USAGE = "       unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] [--junit FILE] [--browser PATH]";

    /** A cold headless browser on a loaded machine has taken over 10 s to show its first page. */
    private static final java.time.Duration PAGE_LOAD = java.time.Duration.ofSeconds(60);

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
            a = Cli.Args.parse(args.subList(1, args.size()), java.util.Set.of("--vendor", "--against", "--config", "--junit", "--browser"),
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
        Path browser = browser(a.options.get("--browser"), config);
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
                r = runOne(flow, module.get(), config, browser);
            } catch (HeadlessPages.NoBrowser e) {
                err.println("unibar: flow run: " + vendor + " shows its bar in a web page, which flow run opens in a headless "
                        + "Chromium-family browser, and " + noBrowser(a.options.get("--browser")) + "; run " + flow.source()
                        + " in the bar (Simulator → Run flow…) instead");
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

    /** The browser named, else the configured one, else the system's; null when there is none. */
    private static Path browser(String option, UnibarConfig config) {
        Path configured = option != null ? Path.of(option) : config != null ? config.hosting().browserPath() : null;
        return BrowserFinder.find(configured).orElse(null);
    }

    private static String noBrowser(String option) {
        if (option != null) return option + " is not an executable browser";
        return "none was found (install Chromium, Chrome or Edge, or give --browser PATH)";
    }

    private FlowReport runOne(Flow flow, VendorModule module, UnibarConfig config, Path browser) {
        Clock clock = Clock.systemUTC();
        boolean live = config != null;
        HeadlessPages env = new HeadlessPages(clock, browser, !live);
        VendorSetup setup;
        try {
            if (live) {
                Object section = config.sections().get(module.id());
                if (section == null) throw new IllegalArgumentException("the config has no " + module.id() + " section");
                setup = module.open(section, env);
            } else {
                setup = module.openDemo(env);
            }
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
        FarEnd far = live ? null : module.farEnd(setup.simulator()).orElse(null);
        Session session = new Session(setup.connector(), clock);
        FlowRunner runner = new FlowRunner(session, far, live ? FlowRunner.Mode.CONFIG : FlowRunner.Mode.SIMULATOR,
                new FlowRunner.Listener() {
                    @Override
                    public void farEndPrompt(Step step) {
                        err.println("far end, now: " + step.label() + " (waiting up to "
                                + Math.max(step.within().toSeconds(), FlowRunner.PERSON_TIME.toSeconds()) + " s)");
                    }
                }, clock);
        // What the session says while its page loads (MAX acknowledges the registration then) belongs to step 1.
        runner.recordFromNow();
        try {
            session.start();
            if (!env.awaitLoaded(PAGE_LOAD)) {
                err.println("unibar: flow run: the " + module.id() + " page did not load within " + PAGE_LOAD.toSeconds()
                        + " s (browser " + env.state() + ")");
            }
            return runner.run(flow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            session.stop();
            env.close();
            setup.close();
        }
    }
}
