package dev.unibar.bridge;

import java.util.Objects;

/**
 * The object JavaScript sees as {@code window.unibarBridge}. WebKit reaches it by reflection, so the
 * class is public and its one method is public and not overloaded (an overload makes the call
 * ambiguous and it is silently dropped). {@link WebPageChannel} keeps a strong reference: JavaScript
 * holds it only weakly and would lose it at the next garbage collection.
 *
 * <p>One per document, bound to the origin Java read from that document when it was loaded: the page
 * cannot choose it. Once the document is replaced the bridge is retired, and whatever a script that
 * kept a reference still delivers is dropped.
 */
public final class JsBridge {

    private final CapturePipeline pipeline;
    private final String documentOrigin;
    private volatile boolean retired;

    JsBridge(CapturePipeline pipeline, String documentOrigin) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.documentOrigin = Objects.requireNonNull(documentOrigin, "documentOrigin");
    }

    /** One batch of captures as a JSON array string; runs on the FX thread, so it only enqueues. */
    public void deliver(String batch) {
        if (retired) pipeline.refuse(documentOrigin, batch);
        else pipeline.deliver(batch);
    }

    String documentOrigin() {
        return documentOrigin;
    }

    void retire() {
        retired = true;
    }
}
