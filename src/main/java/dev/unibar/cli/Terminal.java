package dev.unibar.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/** What a subcommand runs in: its streams, the environment and the platform (tests give their own). */
record Terminal(InputStream in, PrintStream out, PrintStream err, Function<String, String> env, String osName,
                String userHome) {
}
