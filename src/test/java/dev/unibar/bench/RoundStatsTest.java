package dev.unibar.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up harness's own arithmetic; the harness itself is not a test. */
class RoundStatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, RoundStats.median(List.of(3, 1, 2)));
        assertEquals(2.5, RoundStats.median(List.of(4L, 1L, 3L, 2L)));
        assertTrue(Double.isNaN(RoundStats.median(List.of())));
    }

    @Test
    void ratiosPairRoundsAndSkipMissingFigures() {
        List<Long> floor = Arrays.asList(100L, 200L, null, 0L, 50L);
        List<Long> bar = Arrays.asList(150L, 100L, 300L, 10L, null);
        assertEquals(List.of(1.5, 0.5), RoundStats.ratios(floor, bar));
    }

    @Test
    void barLaterInEveryRoundIsTheRarestPattern() {
        assertEquals(1 / 32.0, RoundStats.pBarLater(List.of(1.1, 1.2, 1.3, 1.4, 1.5)), 1e-12);
        assertEquals(1.0, RoundStats.pBarLater(List.of(0.9, 0.8, 0.7, 0.6, 0.5)), 1e-12);
    }

    @Test
    void tiedMagnitudesShareTheirRankAndEqualRoundsAreDropped() {
        // |log 2| = |log 0.5| share ranks 1.5; log 4 has rank 3; W+ = 4.5, reached by 3 of 8 sign patterns.
        assertEquals(3 / 8.0, RoundStats.pBarLater(List.of(2.0, 0.5, 4.0, 1.0)), 1e-12);
        assertEquals(1.0, RoundStats.pBarLater(List.of(1.0, 1.0)), 1e-12);
    }
}
