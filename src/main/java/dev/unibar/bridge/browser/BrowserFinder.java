package dev.unibar.bridge.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds an installed Chromium-family browser: the configured path if there is one (and only it: a wrong
 * path is an error to show, not a reason to run something else), else Edge, Chrome or Chromium in the
 * places each platform's installers use.
 */
public final class BrowserFinder {

    private BrowserFinder() {
    }

    /** The browser to use on this machine, or empty when none is installed. */
    public static Optional<Path> find(Path configured) {
        return find(configured, System.getProperty("os.name", ""), System::getenv, Files::isExecutable);
    }

    static Optional<Path> find(Path configured, String osName, Function<String, String> env,
                               java.util.function.Predicate<Path> executable) {
        if (configured != null) return executable.test(configured) ? Optional.of(configured) : Optional.empty();
        for (Path p : candidates(osName, env)) {
            if (executable.test(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static List<Path> candidates(String osName, Function<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> list = new ArrayList<>();
        if (os.startsWith("windows")) {
            // Edge ships with Windows 10/11, so it comes first; per-user Chrome installs live in LOCALAPPDATA.
            for (String base : new String[]{env.apply("ProgramFiles(x86)"), env.apply("ProgramFiles"), env.apply("LOCALAPPDATA")}) {
                if (base == null || base.isBlank()) continue;
                list.add(Path.of(base, "Microsoft", "Edge", "Application", "msedge.exe"));
                list.add(Path.of(base, "Google", "Chrome", "Application", "chrome.exe"));
                list.add(Path.of(base, "Chromium", "Application", "chrome.exe"));
            }
        } else if (os.startsWith("mac")) {
            String home = env.apply("HOME");
            for (String root : home == null ? new String[]{""} : new String[]{"", home}) {
                list.add(Path.of(root + "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
                list.add(Path.of(root + "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"));
                list.add(Path.of(root + "/Applications/Chromium.app/Contents/MacOS/Chromium"));
            }
        } else {
            for (String dir : new String[]{"/usr/bin", "/usr/local/bin", "/snap/bin", "/opt/google/chrome", "/opt/microsoft/msedge"}) {
                for (String name : new String[]{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                        "chrome", "microsoft-edge", "microsoft-edge-stable", "msedge"}) {
                    list.add(Path.of(dir, name));
                }
            }
        }
        return list;
    }
}
