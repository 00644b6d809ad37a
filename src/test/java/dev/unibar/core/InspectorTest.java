package dev.unibar.core;

import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector's history as support reads it: bounded, ordered, counted by kind, told to its listeners. */
class InspectorTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");
    private final Inspector inspector = new Inspector(3, Clock.fixed(T, ZoneOffset.UTC));

    private static List<String> raws(List<InspectorEntry> entries) {
        return entries.stream().map(InspectorEntry::raw).toList();
    }

    @Test
    void keepsTheNewestEntriesUpToItsCapacityInOrder() {
        for (int i = 1; i <= 5; i++) inspector.mapped("ucs", "line " + i, List.of());
        List<InspectorEntry> kept = inspector.snapshot();
        assertEquals(List.of("line 3", "line 4", "line 5"), raws(kept));
        assertEquals(List.of(3L, 4L, 5L), kept.stream().map(InspectorEntry::seq).toList(), "numbered from 1, in order");
        assertEquals(5, inspector.mappedCount(), "the count is of everything received, not of what is kept");
    }

    @Test
    void eachKindIsCountedOnItsOwnAndSaysWhy() {
        Event e = new Event.CallEnded("ucs", T, "c1", null);
        InspectorEntry mapped = inspector.mapped("ucs", "{\"a\":1}", List.of(e));
        InspectorEntry bad = inspector.malformed("ucs", "{oops", "not JSON");
        InspectorEntry foreign = inspector.dropped("ucs", "{}", "foreign origin https://evil.example");
        InspectorEntry sent = inspector.command("ucs", "Dial[number=1001]");
        assertEquals(1, inspector.mappedCount());
        assertEquals(1, inspector.malformedCount());
        assertEquals(1, inspector.droppedCount());

        assertEquals(InspectorEntry.Kind.MAPPED, mapped.kind());
        assertEquals(List.of(e), mapped.events());
        assertNull(mapped.problem());
        assertEquals(InspectorEntry.Kind.MALFORMED, bad.kind());
        assertEquals("not JSON", bad.problem());
        assertEquals(List.of(), bad.events());
        assertEquals(InspectorEntry.Kind.DROPPED, foreign.kind());
        assertEquals("foreign origin https://evil.example", foreign.problem());
        assertEquals(InspectorEntry.Kind.COMMAND, sent.kind());
        assertEquals("Dial[number=1001]", sent.raw());
        for (InspectorEntry x : List.of(mapped, bad, foreign, sent)) {
            assertEquals("ucs", x.vendor());
            assertEquals(T, x.received(), "stamped by the inspector's clock");
        }
    }

    @Test
    void listenersHearEachEntryUntilTheyUnsubscribe() {
        List<String> heard = new ArrayList<>();
        Consumer<InspectorEntry> l = x -> heard.add(x.raw());
        inspector.subscribe(l);
        inspector.mapped("max", "one", List.of());
        inspector.malformed("max", "two", "bad");
        inspector.unsubscribe(l);
        inspector.dropped("max", "three", "foreign");
        assertEquals(List.of("one", "two"), heard);
    }

    @Test
    void clearingEmptiesTheHistoryButNotTheCountsAndSnapshotsStayAsTaken() {
        inspector.mapped("evolux", "a", List.of());
        List<InspectorEntry> before = inspector.snapshot();
        inspector.malformed("evolux", "b", "why");
        assertEquals(List.of("a"), raws(before), "a snapshot does not grow");
        inspector.clear();
        assertTrue(inspector.snapshot().isEmpty());
        assertEquals(1, inspector.mappedCount());
        assertEquals(1, inspector.malformedCount());
        inspector.mapped("evolux", "c", List.of());
        assertEquals(3L, inspector.snapshot().get(0).seq(), "numbering goes on after a clear");
    }

    @Test
    void anEntrysEventsAreItsOwnCopy() {
        List<Event> events = new ArrayList<>(List.of(new Event.CallEnded("ucs", T, "c1", null)));
        InspectorEntry x = inspector.mapped("ucs", "raw", events);
        events.clear();
        assertEquals(1, x.events().size());
        assertEquals(List.of(), new InspectorEntry(1, T, "ucs", "raw", null, InspectorEntry.Kind.MAPPED, null).events());
    }
}
