package dev.unibar.cli;

import dev.unibar.app.Vendors;
import dev.unibar.bridge.browser.BrowserFinder;
import dev.unibar.config.ConfigException;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.Session;
import dev.unibar.flow.FarEnd;
import dev.unibar.flow.Flow;
import dev.unibar.flow.FlowException;
import dev.unibar.flow.FlowHtml;
import dev.unibar.flow.FlowReader;
import dev.unibar.flow.FlowReport;
import dev.unibar.flow.FlowRunner;
import dev.unibar.flow.JUnitXml;
import dev.unibar.flow.Reason;
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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] [--junit FILE]
 * [--html FILE] [--browser PATH] [--parallel N] [--start-over]}: each flow against a fresh simulator (or the
 * configured vendor), a report on standard output, exit 0 when every step of every flow passed, 1 when one
 * failed, 2 for bad arguments or a flow file that cannot be read. No JavaFX and no display: a vendor whose bar is
 * a web page gets it in a headless Chromium-family browser ({@link HeadlessPages}, decision 0021). With
 * {@code --parallel N} up to N flows run at once, each on its own simulator and browser profile; the reports are
 * printed and written in the order of the files, as a serial run prints them (decision 0040).
 */
final class FlowRunCommand {

    static final String USAGE = "       unibar flow run FILE.yml... [--vendor ID] [--against simulator|config] [--config FILE] "
            + "[--junit FILE] [--html FILE] [--browser PATH] [--parallel N] [--start-over]";

    /** A cold headless browser on a loaded machine has taken over 10 s to show its first page. */
    private static final java.time.Duration PAGE_LOAD = java.time.Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final String osName;
    private final String userHome;

    FlowRunCommand(Terminal t) {
        this.out = t.out();
        this.err = t.err();
        this.env = t.env();
        this.osName = t.osName();
        this.userHome = t.userHome();
    }

    /** One flow to run: the file read, and the module of its vendor. */
    private record Job(Flow flow, VendorModule module) {
    }

    /** @return the exit code; usage problems are returned as messages through {@code usage} */
    int run(List<String> args, Function<String, Integer> usage) {
        Args a = Args.parse("flow run", args, Set.of("--vendor", "--against", "--config", "--junit", "--html", "--browser",
                "--parallel"), Set.of("--start-over"), Integer.MAX_VALUE);
        if (a.positional.isEmpty()) return usage.apply("flow run: name at least one flow file");
        String against = a.options.getOrDefault("--against", "simulator");
        if (!against.equals("simulator") && !against.equals("config")) {
            return usage.apply("flow run: --against must be simulator or config, got \"" + against + "\"");
        }
        int parallel = parallel(a.options.get("--parallel"));
        if (parallel < 1) return usage.apply("flow run: --parallel must be a number from 1 to 16, got \"" + a.options.get("--parallel") + "\"");
        if (parallel > 1 && against.equals("config")) {
            return usage.apply("flow run: --parallel runs flows on simulators; against a configured vendor one person plays the far end, one flow at a time");
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
        List<Job> jobs = new ArrayList<>();
        for (Flow flow : flows) {
            String vendor = a.options.getOrDefault("--vendor", flow.vendor() != null ? flow.vendor()
                    : config != null ? config.effectiveVendor() : null);
            if (vendor == null) return usage.apply("flow run: " + flow.source() + " names no vendor; give --vendor");
            VendorModule module = Vendors.find(vendor).orElse(null);
            if (module == null) {
                return usage.apply("flow run: vendor \"" + vendor + "\" is not supported yet (supported: "
                        + String.join(", ", Vendors.ids()) + ")");
            }
            jobs.add(new Job(flow, module));
        }
        Path browser = browser(a.options.get("--browser"), config);
        boolean startOver = a.options.containsKey("--start-over");
        UnibarConfig cfg = config;
        List<FlowReport> reports = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "unibar-flow-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FlowReport>> running = new ArrayList<>();
            for (Job j : jobs) running.add(pool.submit(() -> runOne(j.flow(), j.module(), cfg, browser, startOver)));
            for (int i = 0; i < jobs.size(); i++) {
                FlowReport r;
                try {
                    r = running.get(i).get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof HeadlessPages.NoBrowser)) throw new IllegalStateException(e.getCause());
                    running.forEach(f -> f.cancel(false));
                    err.println("unibar: flow run: " + jobs.get(i).module().id() + " shows its bar in a web page, which flow run "
                            + "opens in a headless Chromium-family browser, and " + noBrowser(a.options.get("--browser")) + "; run "
                            + jobs.get(i).flow().source() + " in the bar (Simulator → Run flow…) instead");
                    return Cli.USAGE;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Cli.USAGE;
                }
                out.print(ReportText.of(r));
                out.flush();
                reports.add(r);
            }
        } finally {
            pool.shutdown();
        }
        if (!write(a.options.get("--junit"), () -> JUnitXml.of(reports))) return Cli.USAGE;
        if (!write(a.options.get("--html"), () -> FlowHtml.of(reports, Reason.english()))) return Cli.USAGE;
        return reports.stream().allMatch(FlowReport::passed) ? Cli.OK : Cli.MALFORMED;
    }

    private static int parallel(String option) {
        if (option == null) return 1;
        try {
            int n = Integer.parseInt(option.trim());
            return n >= 1 && n <= 16 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean write(String file, java.util.function.Supplier<String> text) {
        if (file == null) return true;
        try {
            Path p = Path.of(file);
            if (p.getParent() != null) Files.createDirectories(p.getParent());
            Files.writeString(p, text.get(), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println("unibar: flow run: cannot write " + file + ": " + e.getMessage());
            return false;
        }
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

    private FlowReport runOne(Flow flow, VendorModule module, UnibarConfig config, Path browser, boolean startOver) {
        Clock clock = Clock.systemUTC();
        boolean live = config != null;
        HeadlessPages pages = new HeadlessPages(clock, browser, !live);
        VendorSetup setup;
        try {
            if (live) {
                Object section = config.sections().get(module.id());
                if (section == null) throw new IllegalArgumentException("the config has no " + module.id() + " section");
                setup = module.open(section, pages);
            } else {
                setup = module.openDemo(pages);
            }
        } catch (RuntimeException e) {
            pages.close();
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

                    @Override
                    public boolean startOver(Flow f, List<Reason> why) {
                        return startOver;
                    }
                }, clock).environment(env);
        // What the session says while its page loads (MAX acknowledges the registration then) belongs to step 1.
        runner.recordFromNow();
        try {
            session.start();
            if (!pages.awaitLoaded(PAGE_LOAD)) {
                err.println("unibar: flow run: the " + module.id() + " page did not load within " + PAGE_LOAD.toSeconds()
                        + " s (browser " + pages.state() + ")");
            }
            return runner.run(flow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            session.stop();
            pages.close();
            setup.close();
        }
    }
}
