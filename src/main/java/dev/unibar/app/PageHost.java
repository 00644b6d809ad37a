package dev.unibar.app;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.VendorEnvironment;
import javafx.scene.Node;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The environment a vendor module gets in the bar: host pages on a loopback Jetty server, shown by a
 * subclass (a WebView in the bar, or a browser app window beside it). The server starts only when a vendor
 * asks for a page (EPBX never does). Created on the FX thread.
 */
abstract class PageHost<P extends PageChannel & AutoCloseable> implements VendorEnvironment, AutoCloseable {

    private final Clock clock;
    private HostServer host;
    private P page;

    PageHost(Clock clock) {
        this.clock = clock;
    }

    /** The channel that shows pages of this host server; only messages {@code policy} trusts reach a mapper. */
    abstract P newChannel(OriginPolicy policy);

    /** What the bar's vendor panel shows, if anything. FX thread. */
    abstract Optional<Node> view();

    /** Each host says it: a vendor's audio notice depends on it (issue 11). */
    @Override
    public abstract boolean pagesCarryWebRtc();

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
        if (page != null) throw new IllegalStateException("one vendor page per bar");
        host = new HostServer();
        host.start();
        page = newChannel(OriginPolicy.forHost(host, List.copyOf(trustedOrigins)));
        host.addPage(path, html);
        return page;
    }

    @Override
    public String pageUrl(String path) {
        if (host == null) throw new IllegalStateException("no host page");
        return host.url(path);
    }

    /** The page channel, or null when the vendor has no web bar. */
    P page() {
        return page;
    }

    /** The channel that shows the page now (a host may move it), or null when the vendor has no web bar. */
    PageChannel shown() {
        return page;
    }

    @Override
    public void close() {
        try {
            if (page != null) page.close();
        } catch (Exception e) {
            System.getLogger(PageHost.class.getName()).log(System.Logger.Level.WARNING, "closing the vendor page failed", e);
        }
        if (host != null) host.stop();
    }
}
