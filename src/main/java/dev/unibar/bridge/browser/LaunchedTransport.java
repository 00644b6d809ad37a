package dev.unibar.bridge.browser;

/** A DevTools transport that started the browser it talks to: it keeps the process and what it writes. */
abstract class LaunchedTransport implements CdpConnection.Transport {

    private final Process process;
    private final BrowserOutput output;

    LaunchedTransport(Process process, BrowserOutput output) {
        this.process = process;
        this.output = output;
    }

    /** The browser process the transport started. */
    final Process process() {
        return process;
    }

    /** What the browser writes, for why it exited. */
    final BrowserOutput output() {
        return output;
    }
}
