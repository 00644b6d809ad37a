package dev.unibar.core.model;

import java.util.Locale;
import java.util.Map;

/**
 * How a call ended, in one vocabulary for every vendor (decision 0055): what Recent calls shows and the journal's
 * exports write. A vendor's mapper turns its own end cause into one of these where the cause says it (busy, a
 * transfer, the caller giving up); {@link #of} completes it with what the journal saw (answered or not, which
 * direction, transferred), so a plain hang-up becomes "answered" or "missed" whatever the vendor called it.
 * {@link #IN_PROGRESS} is no end: it marks a call the vendor has not ended yet.
 */
public enum CallEnd {
    ANSWERED("answered"),
    /** An inbound call that rang and was not answered. */
    MISSED("missed"),
    /** The caller gave up before the call was answered. */
    ABANDONED("abandoned"),
    /** The agent (or the callee) refused it. */
    REJECTED("rejected"),
    TRANSFERRED("transferred"),
    /** The agent left a conference that went on without them. */
    CONFERENCED_AWAY("conferenced_away"),
    FAILED_BUSY("failed_busy"),
    FAILED_NO_ANSWER("failed_no_answer"),
    FAILED_CONGESTION("failed_congestion"),
    /** The call could not be placed for another reason (invalid number, service message, an error). */
    FAILED("failed"),
    /** The vendor lost it (a restart, a connection that came back without it). */
    LOST("lost"),
    IN_PROGRESS("in_progress");

    private final String word;

    CallEnd(String word) {
        this.word = word;
    }

    /** The word in exports and the bundles' {@code callEnd.<word>} key. */
    public String word() {
        return word;
    }

    /**
     * The vendor's end cause through its table (keys lower-case, spaces and dashes read as underscores), or null
     * when the cause says nothing the facts of the call do not (a plain hang-up, an unknown word). A cause that is
     * itself a word of this vocabulary means it for every vendor: the bar's own reconciliation ends a call it lost
     * with {@code lost}, whatever the vendor.
     */
    public static CallEnd fromCause(Map<String, CallEnd> table, String cause) {
        if (cause == null || cause.isBlank()) return null;
        String key = cause.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        CallEnd mapped = table.get(key);
        if (mapped != null) return mapped;
        for (CallEnd e : values()) if (e != IN_PROGRESS && e.word.equals(key)) return e;
        return null;
    }

    /**
     * The end of one call.
     *
     * @param ended       the vendor ended it (else {@link #IN_PROGRESS})
     * @param fromVendor  what the vendor's cause said ({@link #fromCause}), or null
     * @param inbound     the call came in (else it was placed by the agent or unknown)
     * @param answered    it was talking at some point
     * @param transferred the journal saw it transferred
     */
    public static CallEnd of(boolean ended, CallEnd fromVendor, boolean inbound, boolean answered, boolean transferred) {
        if (!ended) return IN_PROGRESS;
        if (fromVendor == TRANSFERRED || fromVendor == CONFERENCED_AWAY || fromVendor == LOST) return fromVendor;
        if (transferred) return TRANSFERRED;
        if (answered) return ANSWERED;
        if (fromVendor != null && fromVendor != ANSWERED && fromVendor != IN_PROGRESS) return fromVendor;
        return inbound ? MISSED : FAILED_NO_ANSWER;
    }
}
