package dev.unibar.app.desktop;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The bar's log files: {@code unibar-0.log} (newest) to {@code unibar-4.log} in the platform's log folder
 * ({@link AppDirs#logs()}), each at most 2 MB, so the logs never take more than 10 MB. One line a record,
 * passed through the {@link Redactor} on the way out.
 */
public final class LogFiles {

    static final int LIMIT_BYTES = 2 * 1024 * 1024;
    static final int COUNT = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogFiles() {
    }

    /** Adds the rotating file handler to the root logger; returns it (to close), or null when the folder is not writable. */
    public static Handler install(Path dir, Redactor redactor) {
        try {
            // Call numbers and vendor lines are in there: the user's alone, as the state folder is.
            InstanceChannel.createPrivateDir(dir);
            FileHandler h = new FileHandler(dir.resolve("unibar-%g.log").toString(), LIMIT_BYTES, COUNT, true);
            h.setEncoding("UTF-8");
            h.setLevel(Level.INFO);
            h.setFormatter(new Line(redactor));
            Logger.getLogger("").addHandler(h);
            return h;
        } catch (IOException | RuntimeException e) {
            System.getLogger(LogFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "no log files in " + dir + ": " + e.getMessage());
            return null;
        }
    }

    /** The log files there, newest first (for the support bundle). */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("unibar-\\d+\\.log")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code 2026-12-01 15:04:05.123 WARNING dev.unibar.x: message} and the stack trace, redacted. */
    static final class Line extends Formatter {
        private final Redactor redactor;

        Line(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(TIME.format(r.getInstant())).append(' ').append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return redactor.redact(sb.toString());
        }
    }
}
