package dev.unibar.app;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.connectors.VendorEnvironment;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The environment a vendor module gets in the bar: host pages on a loopback Jetty server, shown in a
 * WebView. The server starts only when a vendor asks for a page (EPBX never does). Asked on the FX
 * thread, the WebView is made at once; asked on another thread (the bar builds its context beside the
 * toolkit's start-up), the page is a {@link DeferredPage} made real by {@link #realize()}.
 */
final class WebViewPages implements VendorEnvironment, AutoCloseable {

    private final Clock clock;
    private HostServer host;
    private WebPageChannel page;
    private DeferredPage deferred;

    WebViewPages(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
        if (page != null || deferred != null) throw new IllegalStateException("one vendor page per bar");
        host = new HostServer();
        host.start();
        OriginPolicy policy = OriginPolicy.forHost(host, List.copyOf(trustedOrigins));
        host.addPage(path, html);
        if (!javafx.application.Platform.isFxApplicationThread()) {
            deferred = new DeferredPage(policy);
            return deferred;
        }
        page = new WebPageChannel(policy);
        return page;
    }

    @Override
    public String pageUrl(String path) {
        if (host == null) throw new IllegalStateException("no host page");
        return host.url(path);
    }

    /** The WebView page, or null when the vendor has no web bar (or its deferred page is not made yet). */
    WebPageChannel page() {
        return deferred != null ? deferred.real() : page;
    }

    /** The vendor panel's node: the WebView, or the holder a deferred page fills; null without a page. */
    javafx.scene.Node view() {
        if (deferred != null) return deferred.view();
        return page == null ? null : page.view();
    }

    /** Makes a deferred page's WebView (FX thread); nothing to do otherwise. */
    void realize() {
        if (deferred != null) deferred.realize();
    }

    @Override
    public void close() {
        if (page != null) page.close();
        if (deferred != null) deferred.close();
        if (host != null) host.stop();
    }
}
