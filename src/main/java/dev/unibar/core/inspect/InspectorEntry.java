package dev.unibar.core.inspect;

import dev.unibar.core.model.Event;

import java.time.Instant;
import java.util.List;

/**
 * One row of the event inspector: what the vendor sent (the capture line) beside what Unibar made of
 * it. A malformed or rejected message has no events and says why in {@code problem}.
 */
public record InspectorEntry(long seq, Instant received, String vendor, String raw, List<Event> events,
                             Kind kind, String problem) {

    public enum Kind { MAPPED, MALFORMED, DROPPED, COMMAND }

    public InspectorEntry {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
