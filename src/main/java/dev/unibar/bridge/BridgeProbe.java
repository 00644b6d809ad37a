package dev.unibar.bridge;

/**
 * Where a batch of captures is on its way from the page to the store, for the benchmark that says which stage
 * costs what (issue 25). Nothing in the product listens: a mark is then one volatile read.
 */
public final class BridgeProbe {

    /** The stages, in the order a batch passes them. */
    public enum Stage {
        /** The DevTools transport has the whole message (browser mode only), before it is decoded or parsed. */
        READ,
        /** {@link CapturePipeline#deliver} has the batch: after the DevTools parse, or the WebView's JS-to-Java call. */
        DELIVERED,
        /** The pipeline's worker has taken the batch from its queue. */
        TAKEN,
        /** The worker has handed every entry of the batch on (mapped and reduced). */
        HANDLED
    }

    /** Told on the thread that reached the stage; must be quick. */
    @FunctionalInterface
    public interface Listener {
        void at(Stage stage, long nanoTime);
    }

    private static volatile Listener listener;

    private BridgeProbe() {
    }

    /** One listener at a time (a benchmark); null stops listening. */
    public static void listen(Listener l) {
        listener = l;
    }

    static void mark(Stage stage) {
        Listener l = listener;
        if (l != null) l.at(stage, System.nanoTime());
    }

    /** For the browser package's transports. */
    public static void read() {
        mark(Stage.READ);
    }
}
