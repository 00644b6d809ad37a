package dev.unibar.config;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps chatty or token-leaking library loggers (Jetty, Java-WebSocket, the JDK HTTP client, the Microsoft
 * SignalR client) at a floor. The loggers are held here because JUL keeps them weakly and would forget the
 * level; a level a support engineer set higher is left alone.
 */
public final class LibraryLogs {

    private static final List<Logger> PINNED = new ArrayList<>();

    private LibraryLogs() {
    }

    /** At least {@code floor} for {@code name} and everything below it; returns the logger. */
    public static synchronized Logger atLeast(String name, Level floor) {
        Logger l = Logger.getLogger(name);
        if (l.getLevel() == null || l.getLevel().intValue() < floor.intValue()) l.setLevel(floor);
        PINNED.add(l);
        return l;
    }
}
