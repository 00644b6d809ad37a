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
        // Jetty logs through slf4j into java.util.logging; at INFO it chatters on every start.
        dev.unibar.config.LibraryLogs.atLeast("org.eclipse.jetty", java.util.logging.Level.WARNING);
        System.exit(new Cli(System.in, System.out, System.err).run(args));
    }
}
