package dev.unibar.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The command line of shared/CONTRACT.md. */
public final class Cli {

    /** Returned when the bar or a simulator was started and the process must stay up. */
    public static final int KEEP_RUNNING = -1;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    public int run(String[] args) {
        if (args.length > 0 && args[0].equals("--version")) {
            out.println("unibar " + version());
            return 0;
        }
        err.println("unibar: not implemented yet");
        return 2;
    }
}
