package dev.unibar.app;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.WebPageChannel;
import javafx.scene.Node;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The environment a vendor module gets in the bar: host pages on a loopback Jetty server, shown in a
 * WebView. The server starts only when a vendor asks for a page (EPBX never does). FX thread only.
 */
final class WebViewPages implements PageHost {

    private final Clock clock;
    private HostServer host;
    private WebPageChannel page;

    WebViewPages(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
        if (page != null) throw new IllegalStateException("one vendor page per bar");
        host = new HostServer();
        host.start();
        page = new WebPageChannel(OriginPolicy.forHost(host, List.copyOf(trustedOrigins)));
        host.addPage(path, html);
        return page;
    }

    @Override
    public String pageUrl(String path) {
        if (host == null) throw new IllegalStateException("no host page");
        return host.url(path);
    }

    /** The WebView page, or null when the vendor has no web bar. */
    @Override
    public WebPageChannel page() {
        return page;
    }

    @Override
    public Optional<Node> view() {
        return Optional.ofNullable(page).map(WebPageChannel::view);
    }

    @Override
    public void close() {
        if (page != null) page.close();
        if (host != null) host.stop();
    }
}
