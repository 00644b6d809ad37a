package dev.unibar.simkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLogTest {

    @Test
    void keepsTheLatestUpToItsCapacity() {
        CommandLog<String> log = new CommandLog<>(3);
        for (String s : List.of("a", "b", "c", "d", "e")) log.add(s);
        assertEquals(List.of("c", "d", "e"), log.all());
        assertEquals(List.of("C", "D", "E"), log.all(String::toUpperCase));
    }

    @Test
    void awaitNextGivesEachMatchingRecordOnceEvenAcrossTrimming() {
        CommandLog<String> log = new CommandLog<>(2);
        log.add("dial 1");
        log.add("hangup");
        assertEquals("dial 1", log.awaitNext("dial", s -> s.startsWith("dial"), Duration.ZERO));
        assertNull(log.awaitNext("dial", s -> s.startsWith("dial"), Duration.ZERO), "the same record is not given twice");
        log.add("dial 2");
        log.add("dial 3");
        assertEquals("dial 2", log.awaitNext("dial", s -> s.startsWith("dial"), Duration.ZERO));
        assertEquals("dial 3", log.awaitNext("dial", s -> s.startsWith("dial"), Duration.ZERO));
        log.clear();
        log.add("dial 4");
        assertEquals("dial 4", log.awaitNext("dial", s -> s.startsWith("dial"), Duration.ZERO), "clear forgets cursors too");
    }

    @Test
    void awaitWaitsForARecordAddedLater() throws Exception {
        CommandLog<String> log = new CommandLog<>(10);
        Thread t = new Thread(() -> {
            log.add("other");
            log.add("answer");
        });
        t.start();
        assertEquals(List.of("answer"), log.await("answer"::equals, 1, Duration.ofSeconds(10), "answer"));
        t.join();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.await("hold"::equals, 1, Duration.ofMillis(1), "hold"));
        assertTrue(e.getMessage().contains("hold"), e.getMessage());
    }

    @Test
    void masksOnlyThePositionsGiven() {
        List<Object> args = Arrays.asList("agent", "s3cret", null);
        assertEquals(Arrays.asList("agent", CommandLog.MASK, null), CommandLog.masked(args, 1, 2, 7));
        assertEquals(Arrays.asList("agent", "s3cret", null), args, "the caller's list is left alone");
    }

    @Test
    void aRecordIsTheOneThatWasAdded() {
        CommandLog<Object> log = new CommandLog<>(1);
        Object o = new Object();
        log.add(o);
        assertSame(o, log.all().get(0));
    }
}
