package dev.unibar.journal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** Where the journal lives when the config names no file: the platform's folder for application data. */
public final class JournalFiles {

    public static final String FILE_NAME = "journal.db";

    private JournalFiles() {
    }

    /**
     * Windows {@code %LOCALAPPDATA%\Unibar} (the journal is this machine's, not a roaming profile's), macOS
     * {@code ~/Library/Application Support/Unibar}, elsewhere {@code $XDG_DATA_HOME/unibar} or
     * {@code ~/.local/share/unibar}.
     */
    public static Path dataFolder(Function<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Unibar");
        }
        if (os.startsWith("mac")) return Path.of(userHome, "Library", "Application Support", "Unibar");
        String xdg = env.apply("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".local", "share");
        return base.resolve("unibar");
    }

    public static Path defaultFile(Function<String, String> env, String osName, String userHome) {
        return dataFolder(env, osName, userHome).resolve(FILE_NAME);
    }

    /** The journal's file: {@code configured}, else this platform's; demo calls go to a file of their own beside it. */
    public static Path file(Path configured, boolean demo) {
        return file(configured, demo, System::getenv, System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public static Path file(Path configured, boolean demo, Function<String, String> env, String osName, String userHome) {
        Path file = configured != null ? configured : defaultFile(env, osName, userHome);
        return demo ? file.resolveSibling("demo-" + file.getFileName()) : file;
    }
}
