package dev.unibar.app.desktop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where Unibar keeps its files on each platform. The user's config file is {@code ConfigLoader}'s; these
 * are the rest: logs, small state (window place, the single-instance channel) and data (the journal).
 *
 * <table>
 * <tr><th></th><th>Linux (XDG)</th><th>Windows</th><th>macOS</th></tr>
 * <tr><td>logs</td><td>$XDG_STATE_HOME/unibar/logs (~/.local/state)</td><td>%LOCALAPPDATA%\Unibar\Logs</td>
 *     <td>~/Library/Logs/Unibar</td></tr>
 * <tr><td>state</td><td>$XDG_STATE_HOME/unibar</td><td>%LOCALAPPDATA%\Unibar</td>
 *     <td>~/Library/Application Support/Unibar</td></tr>
 * <tr><td>data (journal)</td><td>$XDG_DATA_HOME/unibar (~/.local/share)</td><td>%LOCALAPPDATA%\Unibar\Data</td>
 *     <td>~/Library/Application Support/Unibar</td></tr>
 * </table>
 */
public record AppDirs(Path logs, Path state, Path data) {

    public static AppDirs current() {
        return of(System::getenv, System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public static AppDirs of(Function<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            Path local = absolute(env.apply("LOCALAPPDATA"));
            Path base = (local != null ? local : home.resolve("AppData").resolve("Local")).resolve("Unibar");
            return new AppDirs(base.resolve("Logs"), base, base.resolve("Data"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Unibar");
            return new AppDirs(home.resolve("Library").resolve("Logs").resolve("Unibar"), support, support);
        }
        // The XDG spec says relative values are invalid and must be ignored.
        Path stateHome = absolute(env.apply("XDG_STATE_HOME"));
        Path dataHome = absolute(env.apply("XDG_DATA_HOME"));
        Path state = (stateHome != null ? stateHome : home.resolve(".local").resolve("state")).resolve("unibar");
        Path data = (dataHome != null ? dataHome : home.resolve(".local").resolve("share")).resolve("unibar");
        return new AppDirs(state.resolve("logs"), state, data);
    }

    /** The call journal's folder. */
    public Path journal() {
        return data.resolve("journal");
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) return null;
        Path p = Path.of(value);
        return p.isAbsolute() ? p : null;
    }
}
