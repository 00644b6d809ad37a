package dev.unibar.bridge.browser;

/** A DevTools transport that started the browser it talks to. */
interface LaunchedTransport extends CdpConnection.Transport {

    /** The browser process the transport started. */
    Process process();

    /** What the browser writes, for why it exited. */
    BrowserOutput output();
}
