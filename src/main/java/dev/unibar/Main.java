package dev.unibar;

import dev.unibar.cli.Cli;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: launched from the class path, JavaFX
 * refuses an Application main class, and the window-less subcommands must never start the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(System.in, System.out, System.err).run(args);
        if (code != Cli.KEEP_RUNNING) System.exit(code);
    }
}
