package dev.unibar.bridge;

/**
 * A change in the life of the page a channel shows, as its host saw it: a new top-level document of a trusted
 * origin (the first load, a reload, a navigation back, a reopened window, a restarted browser), or the page
 * gone. The host hands it to the {@link CapturePipeline}, which gives it to the {@link CaptureHandler} in order
 * with the captures: whatever the old document captured comes before the new document's {@link Kind#LOADED}.
 *
 * @param origin the new document's origin for {@link Kind#LOADED}, else null
 */
public record PageEvent(Kind kind, String origin) {

    public enum Kind {
        /** A new top-level document of a trusted origin got the bridge. */
        LOADED,
        /** The agent closed the window the page was in; it stays closed until reopened. */
        CLOSED,
        /** The page or its browser died; the host is bringing it back. */
        CRASHED,
        /** The host could not start the page's browser, or gave up restarting it. */
        FAILED
    }

    public static PageEvent loaded(String origin) {
        return new PageEvent(Kind.LOADED, origin);
    }

    public static PageEvent gone(Kind kind) {
        if (kind == Kind.LOADED) throw new IllegalArgumentException("LOADED is not a page gone");
        return new PageEvent(kind, null);
    }
}
