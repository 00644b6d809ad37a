package dev.unibar.bridge.browser;

import java.util.Locale;
import java.util.function.Function;

/**
 * How browser mode reaches the browser on this machine, and whether it may (decision 0038). The pipe is the
 * agent's alone and is taken wherever it exists (Linux, macOS). Windows has only the loopback port, which any
 * process of any user of the machine can connect to while the browser runs: on a host several agents share
 * (Remote Desktop, Citrix) that hands one agent's vendor session to the others. There browser mode runs only
 * when the configuration chooses the port explicitly ({@code browser.transport: port}), and the bar warns at
 * every start; without that choice the vendor page opens in the bar's WebView and the bar says why.
 */
public enum DevToolsChoice {
    /** The private pipe. */
    PIPE,
    /** The loopback port, on a Windows machine that looks like one person's. */
    PORT,
    /** The loopback port on a shared Windows host, because the configuration asked for it: warn. */
    PORT_ON_SHARED_HOST,
    /** A shared Windows host and no explicit choice: the WebView instead of the browser. */
    REFUSED_ON_SHARED_HOST;

    /**
     * @param portChosen the configuration says {@code browser.transport: port} (a configured {@code pipe} is no
     *                   choice on Windows, which cannot hand a pipe over)
     */
    public static DevToolsChoice choose(String osName, Function<String, String> env, boolean portChosen) {
        if (!windows(osName)) return portChosen ? PORT : PIPE;
        if (!sharedHost(osName, env)) return PORT;
        return portChosen ? PORT_ON_SHARED_HOST : REFUSED_ON_SHARED_HOST;
    }

    /** The transport to start the browser with; null when browser mode is refused. */
    public BrowserOptions.Transport transport() {
        return switch (this) {
            case PIPE -> BrowserOptions.Transport.PIPE;
            case PORT, PORT_ON_SHARED_HOST -> BrowserOptions.Transport.PORT;
            case REFUSED_ON_SHARED_HOST -> null;
        };
    }

    static boolean windows(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * A Windows host other people log on to at the same time: a server edition (Remote Desktop Session Host and
     * Citrix run there), or this very session is a remote one ({@code SESSIONNAME} {@code RDP-Tcp#n} or
     * {@code ICA-...} rather than {@code Console}; {@code CLIENTNAME} is set by both). A false alarm costs a
     * configuration line; a miss would cost another agent's vendor session.
     */
    static boolean sharedHost(String osName, Function<String, String> env) {
        if (osName.toLowerCase(Locale.ROOT).contains("server")) return true;
        String session = env.apply("SESSIONNAME");
        if (session != null && !session.isBlank() && !session.strip().equalsIgnoreCase("Console")) return true;
        String client = env.apply("CLIENTNAME");
        return client != null && !client.isBlank() && !client.strip().equalsIgnoreCase("Console");
    }
}
