package dev.unibar.simkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedTest {

    private static List<String> items(Feed.Batch<String> b) {
        return b.entries().stream().map(Feed.Entry::item).toList();
    }

    @Test
    void aReaderGetsWhatCameAfterTheNumberItSawAndWaitsForTheNext() throws Exception {
        Feed<String> feed = new Feed<>(10);
        feed.append("a");
        feed.append("b");
        Feed.Batch<String> first = feed.read(0, feed.epoch(), Duration.ZERO);
        assertEquals(List.of("a", "b"), items(first));
        assertEquals(2, first.next());
        Thread t = new Thread(() -> feed.append("c"));
        t.start();
        Feed.Batch<String> next = feed.read(first.next(), first.epoch(), Duration.ofSeconds(10));
        t.join();
        assertEquals(List.of("c"), items(next));
        assertEquals(3, next.entries().get(0).seq());
    }

    @Test
    void aReaderOfAnEarlierEpochStartsOverAfterAReset() throws Exception {
        Feed<String> feed = new Feed<>(10);
        feed.append("a");
        Feed.Batch<String> before = feed.read(0, 0, Duration.ZERO);
        feed.reset();
        feed.append("x");
        feed.append("y");
        Feed.Batch<String> after = feed.read(before.next(), before.epoch(), Duration.ZERO);
        assertEquals(List.of("x", "y"), items(after));
        assertEquals(1, after.epoch());
    }

    @Test
    void itIsBoundedAndAReaderAheadOfItReadsFromTheStart() throws Exception {
        Feed<String> feed = new Feed<>(2);
        for (String s : List.of("a", "b", "c")) feed.append(s);
        assertEquals(List.of("b", "c"), items(feed.read(0, 0, Duration.ZERO)));
        assertEquals(List.of("b", "c"), items(feed.read(99, 0, Duration.ZERO)));
        assertTrue(feed.after(3, Duration.ZERO).isEmpty());
    }

    @Test
    void closingWakesAWaitingReader() throws Exception {
        Feed<String> feed = new Feed<>(2);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            feed.close();
        });
        t.start();
        long t0 = System.nanoTime();
        assertTrue(feed.after(0, Duration.ofMinutes(5)).isEmpty());
        assertTrue(System.nanoTime() - t0 < Duration.ofMinutes(4).toNanos());
        t.join();
    }
}
