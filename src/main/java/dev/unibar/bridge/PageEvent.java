package dev.unibar.bridge;

/**
 * A change in the life of the page a channel shows, as its host saw it: a new top-level document of a trusted
 * origin (the first load, a reload, a navigation back, a reopened window, a restarted browser), or the page
 * gone. The host hands it to the {@link CapturePipeline}, which gives it to the {@link CaptureHandler} in order
 * with the captures: whatever the old document captured comes before the new document's {@link Kind#LOADED}.
 *
 * @param origin   the new document's origin for {@link Kind#LOADED}, else null
 * @param fallback why, for {@link Kind#MOVED}, else null
 */
public record PageEvent(Kind kind, String origin, HostFallback fallback) {

    public enum Kind {
        /** A new top-level document of a trusted origin got the bridge. */
        LOADED,
        /** The agent closed the window the page was in; it stays closed until reopened. */
        CLOSED,
        /** The page or its browser died; the host is bringing it back. */
        CRASHED,
        /** The host could not start the page's browser, or gave up restarting it. */
        FAILED,
        /**
         * The host gave up on the page's browser (none found, it could not start, it kept stopping) and shows the
         * page in the bar's WebView instead: its next document comes from there.
         */
        MOVED
    }

    public PageEvent(Kind kind, String origin) {
        this(kind, origin, null);
    }

    public static PageEvent moved(HostFallback why) {
        return new PageEvent(Kind.MOVED, null, java.util.Objects.requireNonNull(why, "why"));
    }

    public static PageEvent loaded(String origin) {
        return new PageEvent(Kind.LOADED, origin);
    }

    public static PageEvent gone(Kind kind) {
        if (kind == Kind.LOADED || kind == Kind.MOVED) throw new IllegalArgumentException(kind + " is not a page gone");
        return new PageEvent(kind, null);
    }
}
