package dev.unibar.app;

import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import javafx.scene.Node;

import java.time.Clock;
import java.util.Optional;

/** Host pages shown in a WebView inside the bar. FX thread only. */
final class WebViewPages extends PageHost<WebPageChannel> {

    WebViewPages(Clock clock) {
        super(clock);
    }

    @Override
    WebPageChannel newChannel(OriginPolicy policy) {
        return new WebPageChannel(policy);
    }

    @Override
    Optional<Node> view() {
        return Optional.ofNullable(page()).map(WebPageChannel::view);
    }
}
