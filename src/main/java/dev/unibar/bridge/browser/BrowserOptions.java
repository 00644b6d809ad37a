package dev.unibar.bridge.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to start the browser for one vendor page.
 *
 * @param executable  the Chromium-family browser (see {@link BrowserFinder})
 * @param profileDir  its own profile folder (per user and vendor; made private): the vendor's cookies and
 *                    storage live there, so a restarted browser finds the vendor's session again
 * @param headless    no window at all (tests and benchmarks)
 * @param extraArgs   more switches (tests add Chromium's fake media devices)
 * @param maxRestarts how many times a crashed or killed browser is restarted within a minute
 * @param transport   how Unibar reaches the browser's DevTools endpoint
 */
public record BrowserOptions(Path executable, Path profileDir, boolean headless, List<String> extraArgs, int maxRestarts,
                             Transport transport) {

    /**
     * The DevTools endpoint: {@link #PIPE} (no port at all; POSIX only, see {@link PipeTransport}) or
     * {@link #PORT} (a loopback port any local process can reach while the browser runs, see
     * {@link PortTransport}; the only one on Windows).
     */
    public enum Transport {
        PIPE, PORT;

        /** The private pipe wherever it can be opened, the port on Windows. */
        public static Transport forOs(String osName) {
            return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? PORT : PIPE;
        }
    }

    public BrowserOptions {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(profileDir, "profileDir");
        Objects.requireNonNull(transport, "transport");
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
    }

    /** With the transport this platform uses by default. */
    public BrowserOptions(Path executable, Path profileDir) {
        this(executable, profileDir, false, List.of(), 3, Transport.forOs(System.getProperty("os.name", "")));
    }

    public BrowserOptions headless(boolean on) {
        return new BrowserOptions(executable, profileDir, on, extraArgs, maxRestarts, transport);
    }

    public BrowserOptions withArgs(List<String> more) {
        List<String> all = new ArrayList<>(extraArgs);
        all.addAll(more);
        return new BrowserOptions(executable, profileDir, headless, all, maxRestarts, transport);
    }

    public BrowserOptions transport(Transport t) {
        return new BrowserOptions(executable, profileDir, headless, extraArgs, maxRestarts, t);
    }

    /** With another restart budget: a browser that stops more often than this in a minute is given up. */
    public BrowserOptions maxRestarts(int max) {
        return new BrowserOptions(executable, profileDir, headless, extraArgs, max, transport);
    }

    /** The command line, without the DevTools switch the transport adds. */
    /** An empty page titled Unibar: what Chromium shows as an app window until the vendor page loads. */
    static final String BLANK_APP_PAGE = "data:text/html,%3Ctitle%3EUnibar%3C/title%3E";

    List<String> command() {
        List<String> c = new ArrayList<>();
        c.add(executable.toString());
        c.add("--user-data-dir=" + profileDir);
        // No first-run dialogs, no traffic of the browser's own, no extension or component updates:
        // the window is a vendor page, nothing else.
        c.add("--no-first-run");
        c.add("--no-default-browser-check");
        c.add("--disable-background-networking");
        c.add("--disable-component-update");
        c.add("--disable-sync");
        c.add("--disable-default-apps");
        c.add("--disable-extensions");
        c.add("--window-size=520,820");
        if (headless) c.add("--headless=new");
        c.addAll(extraArgs);
        // The app window starts blank: the shim must be registered before the vendor page loads. Chromium
        // (156 here) opens --app=about:blank as an ordinary tabbed window with an address bar, where the
        // agent could navigate away; an empty data: page gets the app window without browser chrome.
        // Headless has no window, and HeadlessPages waits for the page to leave about:blank.
        c.add(headless ? "--app=about:blank" : "--app=" + BLANK_APP_PAGE);
        return c;
    }
}
