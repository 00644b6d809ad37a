package dev.unibar;

import dev.unibar.cli.Cli;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: launched from the class path, JavaFX
 * refuses an Application main class, and the window-less subcommands must never start the toolkit.
 */
public final class Main {

    /**
     * Jetty and the socket libraries log through slf4j into java.util.logging; at INFO they chatter on
     * every start. Held here because JUL keeps loggers weakly and would forget the level.
     */
    private static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    private Main() {
    }

    public static void main(String[] args) {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        System.exit(new Cli(System.in, System.out, System.err).run(args));
    }
}
