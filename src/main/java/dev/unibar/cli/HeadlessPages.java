package dev.unibar.cli;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.connectors.VendorEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The environment of {@code flow run}: a vendor that asks for a page gets it from a loopback host server,
 * shown in a headless Chromium-family browser over the DevTools pipe (the bar's browser mode without a window,
 * docs/decisions/0021-flow-run-headless-browser.md). No JavaFX, no display. The browser is started only when a
 * vendor asks for a page (EPBX never does), with a throw-away profile that {@link #close()} deletes, so no
 * flow sees another flow's vendor session.
 */
final class HeadlessPages implements VendorEnvironment, AutoCloseable {

    /** Raised when a vendor asks for a page and no browser was found. */
    static final class NoBrowser extends RuntimeException {
        NoBrowser() {
            super("no Chromium-family browser");
        }
    }

    private final Clock clock;
    private final Path browser;
    private final boolean fakeMedia;
    private HostServer host;
    private BrowserPageChannel page;
    private Path profile;

    /**
     * @param browser   the browser to start, or null when none was found (a vendor asking for a page then fails)
     * @param fakeMedia Chromium's fake microphone, answering media prompts by itself: a simulator's softphone
     *                  needs a device to register, and no person is there to allow it
     */
    HeadlessPages(Clock clock, Path browser, boolean fakeMedia) {
        this.clock = clock;
        this.browser = browser;
        this.fakeMedia = fakeMedia;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
        if (page != null) throw new IllegalStateException("one vendor page per flow");
        if (browser == null) throw new NoBrowser();
        try {
            profile = Files.createTempDirectory("unibar-flow-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a browser profile folder: " + e.getMessage(), e);
        }
        host = new HostServer();
        host.start();
        page = new BrowserPageChannel(OriginPolicy.forHost(host, List.copyOf(trustedOrigins)), options());
        host.addPage(path, html);
        return page;
    }

    private BrowserOptions options() {
        List<String> args = new ArrayList<>(List.of("--disable-gpu", "--disable-dev-shm-usage"));
        if (fakeMedia) args.addAll(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
        // Chromium refuses to start its sandbox as root, which is how CI containers run.
        if ("root".equals(System.getProperty("user.name"))) args.add("--no-sandbox");
        return new BrowserOptions(browser, profile).headless(true).withArgs(args);
    }

    @Override
    public String pageUrl(String path) {
        if (host == null) throw new IllegalStateException("no host page");
        return host.url(path);
    }

    /**
     * Waits until the vendor page (and its frames) has loaded, as a trainee in the bar would before pressing
     * Run: a vendor page that announces nothing (Evolux's phone) would otherwise miss what a first far-end step
     * makes it post. Returns at once when the vendor has no page.
     *
     * @return false when the page did not load in time (the flow then runs and says what did not come)
     */
    boolean awaitLoaded(Duration limit) throws InterruptedException {
        if (page == null) return true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String loaded = page.call("location.href !== 'about:blank' && document.readyState === 'complete'")
                        .toCompletableFuture().get(5, TimeUnit.SECONDS);
                if ("true".equals(loaded)) return true;
            } catch (ExecutionException | TimeoutException notYet) {
                // the browser is still starting
            }
            if (page.state() == BrowserPageChannel.WindowState.FAILED) return false;
            Thread.sleep(100);
        }
        return false;
    }

    /** The browser's window state, or null when no vendor asked for a page. */
    BrowserPageChannel.WindowState state() {
        return page == null ? null : page.state();
    }

    @Override
    public void close() {
        if (page != null) page.close();
        if (host != null) host.stop();
        if (profile != null) deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is the system's to clean
        }
    }
}
