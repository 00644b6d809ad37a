package dev.unibar.testkit;

import dev.unibar.bridge.browser.BrowserFinder;
import dev.unibar.bridge.browser.BrowserOptions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The browser tests run: the system's Chromium-family browser (UNIBAR_TEST_BROWSER names another), headless,
 * with Chromium's fake microphone and no media prompt. CI installs Debian's chromium (.ci/run).
 */
public final class Browsers {

    public static final String SKIP = "no Chromium-family browser found (install chromium, or set UNIBAR_TEST_BROWSER)";

    private Browsers() {
    }

    public static Optional<Path> installed() {
        String forced = System.getenv("UNIBAR_TEST_BROWSER");
        return BrowserFinder.find(forced == null || forced.isBlank() ? null : Path.of(forced));
    }

    /** Headless options with a fresh profile; skips the calling test when there is no browser. */
    public static BrowserOptions headless(String name) {
        return headless(name, true);
    }

    /**
     * @param fakePrompt answer media prompts by itself; without it only the permissions Unibar granted up front
     *                   let a page use the (fake) microphone
     */
    public static BrowserOptions headless(String name, boolean fakePrompt) {
        Optional<Path> exe = installed();
        Assumptions.assumeTrue(exe.isPresent(), SKIP);
        try {
            Path base = Path.of("target", "browser-profiles");
            Files.createDirectories(base);
            Path profile = Files.createTempDirectory(base.toAbsolutePath(), name + "-");
            List<String> args = new ArrayList<>(List.of("--use-fake-device-for-media-stream",
                    "--disable-gpu", "--disable-dev-shm-usage"));
            if (fakePrompt) args.add("--use-fake-ui-for-media-stream");
            // Chromium refuses to run its sandbox as root (CI containers run as root).
            if ("root".equals(System.getProperty("user.name"))) args.add("--no-sandbox");
            return new BrowserOptions(exe.get(), profile).headless(true).withArgs(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
