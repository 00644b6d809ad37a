package dev.unibar.bridge;

import java.util.Objects;

/**
 * The object JavaScript sees as {@code window.unibarBridge}. WebKit reaches it by reflection, so the
 * class is public and its one method is public and not overloaded (an overload makes the call
 * ambiguous and it is silently dropped). {@link WebPageChannel} keeps a strong reference: JavaScript
 * holds it only weakly and would lose it at the next garbage collection.
 */
public final class JsBridge {

    private final CapturePipeline pipeline;

    JsBridge(CapturePipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** One batch of captures as a JSON array string; runs on the FX thread, so it only enqueues. */
    public void deliver(String batch) {
        pipeline.deliver(batch);
    }
}
