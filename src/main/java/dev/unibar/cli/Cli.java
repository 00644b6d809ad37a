package dev.unibar.cli;

import dev.unibar.config.ConfigException;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.model.Event;
import dev.unibar.json.CaptureLines;
import dev.unibar.json.EventJson;
import dev.unibar.json.StrictJson;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.app.Vendors;
import dev.unibar.app.desktop.AppDirs;
import dev.unibar.app.desktop.DialTarget;
import dev.unibar.app.desktop.InstanceChannel;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.ucs.SsoToken;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line of docs/events.md. Only {@link #launchBar} may start JavaFX: translate, sso-token,
 * --version and simulate are used in scripts and on machines without a display.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int MALFORMED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_HEAD = String.join("\n",
            "usage: unibar [--config FILE]                        start the bar (demo mode without a config)",
            "       unibar --version",
            "       unibar translate --vendor ID [FILE]           vendor capture lines -> normalized events",
            "       unibar sso-token --username U --timestamp T   UCS SSO token; the secret is read from stdin",
            "       unibar simulate --vendor ID [--port P]        run a vendor simulator on 127.0.0.1",
            "       unibar dial NUMBER                            dial through the running bar (also tel:, callto:, sip: links)",
            FlowCommand.USAGE,
            JournalCommand.USAGE,
            "vendor ids: ");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final String osName;
    private final String userHome;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, System::getenv, System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** For tests: the environment and platform used to find the default config file. */
    public Cli(InputStream in, PrintStream out, PrintStream err, Function<String, String> env, String osName,
               String userHome) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.osName = osName;
        this.userHome = userHome;
    }

    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    public int run(String[] args) {
        try {
            return command(args);
        } catch (Args.Invalid e) {
            return usage(e.getMessage());
        }
    }

    private int command(String[] args) {
        if (args.length == 0) return bar(List.of());
        String cmd = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        switch (cmd) {
            case "--version":
                if (!rest.isEmpty()) return usage("--version takes no arguments");
                out.println("unibar " + version());
                return OK;
            case "--help":
            case "-h":
            case "help":
                out.println(usageText());
                return OK;
            case "translate":
                return translate(rest);
            case "sso-token":
                return ssoToken(rest);
            case "simulate":
                return simulateCommand(rest);
            case "dial":
                return dial(rest);
            case "flow":
                return new FlowCommand(new Terminal(in, out, err, env, osName, userHome)).run(rest, this::usage);
            case "journal":
                return new JournalCommand(new Terminal(in, out, err, env, osName, userHome)).run(rest, this::usage);
            default:
                if (cmd.startsWith("-")) return bar(List.of(args));
                // A tel:/callto:/sip: link opened from the desktop (the installers register Unibar for them).
                if (rest.isEmpty() && DialTarget.isLink(cmd)) {
                    String problem = DialTarget.check(cmd).problem();
                    if (problem != null) {
                        err.println("unibar: " + problem);
                        return USAGE;
                    }
                    return launchBar(loadBarConfig(null), List.of(cmd));
                }
                return usage("unknown command \"" + cmd + "\"");
        }
    }

    // ---- the bar ----------------------------------------------------------------------------------------

    private int bar(List<String> args) {
        Args a = Args.parse(null, args, Set.of("--config"), 0);
        String file = a.options.get("--config");
        UnibarConfig config = loadBarConfig(file);
        return config == null ? USAGE : launchBar(config, args);
    }

    /**
     * The bar's configuration, or null after saying why it cannot be read: started from a menu or a link,
     * the agent has no terminal, so in a dialog (file, line, key) as well as in one line on stderr.
     */
    private UnibarConfig loadBarConfig(String file) {
        try {
            return Vendors.configLoader(env).locateAndLoad(file == null ? null : Path.of(file), osName, userHome);
        } catch (ConfigException e) {
            barFailure(e);
            return null;
        }
    }

    private void barFailure(Throwable e) {
        // The configuration (and its language) is what failed: the dialog speaks the system's language.
        dev.unibar.app.Launcher.startupFailed(null, e, err, canShowWindow(env, osName));
    }

    /**
     * Whether a window could be shown, decided without loading JavaFX: Windows and macOS always have a
     * desktop; elsewhere only with an X or Wayland display. Without one a failure is the stderr line alone.
     */
    static boolean canShowWindow(Function<String, String> env, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return true;
        return notBlank(env.apply("DISPLAY")) || notBlank(env.apply("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * {@code unibar dial NUMBER}: the running bar dials (or, before the agent has logged in, dials once
     * ready). Exit 0 when it took the number, 1 when it refused, 2 for a bad number, 3 when no bar runs.
     * Never loads JavaFX.
     */
    private int dial(List<String> args) {
        DialTarget.Checked dial = args.size() == 1 ? DialTarget.check(args.get(0))
                : new DialTarget.Checked(null, "give one number or tel:/callto:/sip: link");
        if (dial.problem() != null) {
            err.println("unibar: dial: " + dial.problem());
            err.println("usage: unibar dial NUMBER   (also tel:, callto:, sip: links)");
            return USAGE;
        }
        String number = dial.number();
        try {
            String reply = InstanceChannel.sendIfRunning(AppDirs.of(env, osName, userHome).state(), List.of("dial", number));
            boolean refused = reply.startsWith("error");
            (refused ? err : out).println("unibar: " + reply);
            return refused ? 1 : OK;
        } catch (IOException e) {
            err.println("unibar: dial: " + e.getMessage());
            return 3;
        }
    }

    /** Starts the JavaFX bar; returns when its window closes. The only path that starts the toolkit. */
    int launchBar(UnibarConfig config) {
        return launchBar(config, List.of());
    }

    /** {@code args} go to the user's running bar instead, if there is one. */
    int launchBar(UnibarConfig config, List<String> args) {
        if (config == null) return USAGE;
        if (!canShowWindow(env, osName)) {
            // One line, as README says: JavaFX is not even loaded (it would warn twice before failing).
            err.println("unibar: cannot start: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
            return 1;
        }
        err.println("unibar: " + (config.demo() ? "demo mode against the built-in " + config.effectiveVendor()
                + " simulator" : "config " + config.source() + ", vendor " + config.effectiveVendor()));
        return dev.unibar.app.Launcher.launch(config, args, out, err);
    }

    // ---- simulate ---------------------------------------------------------------------------------------

    private int simulateCommand(List<String> args) {
        Args a = Args.parse("simulate", args, Set.of("--vendor", "--port"), 0);
        String vendor = a.options.get("--vendor");
        if (vendor == null) return usage("simulate: --vendor is required (one of " + supported() + ")");
        if (Vendors.find(vendor).isEmpty()) {
            return usage("simulate: unknown vendor \"" + vendor + "\"; expected one of " + supported());
        }
        int port = 0;
        String p = a.options.get("--port");
        if (p != null) {
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) return usage("simulate: --port must be a number from 0 to 65535, got \"" + p + "\"");
        }
        return simulate(vendor, port);
    }

    /**
     * Runs the simulator of {@code vendor} on 127.0.0.1:{@code port} (0 = any free port), prints its
     * addresses and blocks until the process is stopped. Must not start JavaFX.
     */
    int simulate(String vendor, int port) {
        AutoCloseable sim;
        try {
            sim = Vendors.find(vendor).orElseThrow().simulate(port, out);
        } catch (RuntimeException e) {
            err.println("unibar: simulate: " + e.getMessage());
            return 1;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sim.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "unibar-simulator-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    // ---- translate --------------------------------------------------------------------------------------

    private int translate(List<String> args) {
        Args a = Args.parse("translate", args, Set.of("--vendor"), 1);
        String vendor = a.options.get("--vendor");
        if (vendor == null) return usage("translate: --vendor is required (supported: " + supported() + ")");
        VendorMapper mapper = Vendors.find(vendor).map(VendorModule::newMapper).orElse(null);
        if (mapper == null) {
            return usage("translate: unknown vendor \"" + vendor + "\"; supported: " + supported());
        }
        String file = a.positional.isEmpty() ? "-" : a.positional.get(0);
        InputStream source;
        if (file.equals("-")) {
            source = in;
        } else {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) return usage("translate: no such file: " + file);
            try {
                source = Files.newInputStream(p);
            } catch (IOException e) {
                return usage("translate: cannot read " + file + ": " + e.getMessage());
            }
        }
        int malformed = 0;
        // Bytes, not the PrintStream's platform charset: vendor data is full of names like "Nováková".
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // Closes the file when done, never stdin.
        try (InputStream file0 = source == in ? null : source) {
            CaptureLines lines = new CaptureLines(source);
            CaptureLines.Line line;
            while ((line = lines.next()) != null) {
                int n = line.number();
                if (line.problem() != null) {
                    malformed++;
                    err.println("line " + n + ": " + line.problem());
                    continue;
                }
                if (line.text().isBlank()) continue;
                List<Event> events;
                try {
                    events = mapper.mapLine(line.text());
                } catch (MalformedCaptureException e) {
                    malformed++;
                    err.println("line " + n + ": " + StrictJson.printable(e.getMessage()));
                    continue;
                } catch (RuntimeException e) {
                    // A mapper bug on one line must not cost the rest of the file.
                    malformed++;
                    err.println("line " + n + ": cannot map: " + StrictJson.printable(String.valueOf(e)));
                    continue;
                }
                for (Event e : events) {
                    w.write(EventJson.line(e));
                    w.write('\n');
                }
                // Flushed per line so a live pipe (tail -f | unibar translate) sees events at once.
                w.flush();
            }
            w.flush();
        } catch (IOException e) {
            err.println("unibar: translate: read failed: " + e.getMessage());
            return USAGE;
        }
        return malformed == 0 ? OK : MALFORMED;
    }

    private static String supported() {
        return String.join(", ", Vendors.ids());
    }

    /** The vendor ids come from the registry, so a new vendor shows up here by itself. */
    private static String usageText() {
        return USAGE_HEAD + supported();
    }

    // ---- sso-token --------------------------------------------------------------------------------------

    private int ssoToken(List<String> args) {
        Args a = Args.parse("sso-token", args, Set.of("--username", "--timestamp"), 0);
        String user = a.options.get("--username");
        String ts = a.options.get("--timestamp");
        if (user == null || ts == null) return usage("sso-token: --username and --timestamp are required");
        String secret;
        try {
            secret = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("unibar: sso-token: cannot read the secret: " + e.getMessage());
            return USAGE;
        }
        // `echo secret |` and here-strings add one newline that is not part of the secret.
        if (secret.endsWith("\n")) secret = secret.substring(0, secret.length() - 1);
        if (secret.endsWith("\r")) secret = secret.substring(0, secret.length() - 1);
        if (secret.isEmpty()) return usage("sso-token: no secret on standard input");
        out.println(SsoToken.token(secret, user, ts));
        return OK;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private int usage(String problem) {
        err.println("unibar: " + problem);
        err.println(usageText());
        return USAGE;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
