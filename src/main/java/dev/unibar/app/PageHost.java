package dev.unibar.app;

import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.VendorEnvironment;
import javafx.scene.Node;

import java.util.Optional;

/** Where a vendor's host page is shown: a WebView in the bar, or a browser app window beside it. */
interface PageHost extends VendorEnvironment, AutoCloseable {

    /** The page channel, or null when the vendor has no web bar. */
    PageChannel page();

    /** What the bar's vendor panel shows, if anything. FX thread. */
    Optional<Node> view();

    @Override
    void close();
}
