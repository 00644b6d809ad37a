package dev.unibar.connectors.webbar;

import dev.unibar.core.model.Event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls a web-bar connector told the bar of and has not seen end, and, after a new document, which of them the
 * vendor has announced again. A reloaded page knows only what its vendor re-announces: a call the bar holds that the
 * vendor does not announce again by the time its re-announcement is complete is gone ({@code lost}); one it does
 * keeps its id. Touched from the bridge thread and the vendor's own threads: every method is synchronized.
 */
final class Reconciler {

    /** The end cause of a call the vendor no longer had when the bar learned its truth again (docs/events.md). */
    static final String LOST = "lost";

    private final Set<String> open = new LinkedHashSet<>();
    /** While re-learning: the calls open at the new document not announced since; null otherwise. */
    private Set<String> unsure;

    /** Follows what the bar is told: a call event opens its call, an end (or a sign-out) closes it. */
    synchronized void saw(List<? extends Event> events) {
        for (Event e : events) {
            if (e instanceof Event.CredentialsRequired || e instanceof Event.AgentLoggedOut) {
                open.clear();
            } else if (e instanceof Event.CallEnded || e instanceof Event.CallWrapUp || e instanceof Event.CallFinished) {
                String id = ((Event.CallEvent) e).callId();
                open.remove(id);
                if (unsure != null) unsure.remove(id);
            } else if (opens(e)) {
                String id = ((Event.CallEvent) e).callId();
                if (id == null) continue;
                open.add(id);
                if (unsure != null) unsure.remove(id);
            }
        }
    }

    /** An event that says the vendor has the call now (not one that only changes a detail of a known call). */
    private static boolean opens(Event e) {
        return e instanceof Event.CallRinging || e instanceof Event.CallDialing || e instanceof Event.CallConnected
                || e instanceof Event.CallHeld || e instanceof Event.CallResumed;
    }

    /** A new document: every open call is unsure until the vendor announces it again. */
    synchronized void reloaded() {
        unsure = new LinkedHashSet<>(open);
    }

    synchronized boolean relearning() {
        return unsure != null;
    }

    /**
     * The vendor's re-announcement is complete with {@code last} (its final batch, not yet seen): the ends of the
     * unsure calls it did not announce, to be told before that batch; null when not re-learning.
     */
    synchronized List<Event> settle(List<? extends Event> last, String vendor) {
        if (unsure == null) return null;
        saw(onlyAnnouncements(last));
        // A call the vendor ends in that batch ends with the vendor's own cause, not as lost.
        for (Event e : last) if (e instanceof Event.CallEvent c) unsure.remove(c.callId());
        List<Event> ends = new ArrayList<>();
        for (String id : unsure) {
            ends.add(new Event.CallEnded(vendor, null, id, LOST));
            open.remove(id);
        }
        unsure = null;
        return ends;
    }

    private static List<Event> onlyAnnouncements(List<? extends Event> events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) if (opens(e)) out.add(e);
        return out;
    }
}
