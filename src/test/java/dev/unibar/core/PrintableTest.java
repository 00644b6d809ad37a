package dev.unibar.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a vendor's text can do to a terminal or a log line once it went through {@link Printable}: nothing. */
class PrintableTest {

    private static String escaped(int c) {
        return String.format("\\u%04x", c);
    }

    @Test
    void controlAndDirectionCharactersAreEscapedAndTheirNeighboursAreNot() {
        int[] escaped = {0x00, 0x1b, 0x1f, 0x7f, 0x80, 0x9f, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff};
        for (int c : escaped) {
            assertEquals("a" + escaped(c) + "b", Printable.of("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
        }
        int[] kept = {0x20, 0x7e, 0xa0, 0xe1, 0x2029, 0x202f, 0x2065, 0x206a, 0xfefe, 0xff01};
        for (int c : kept) {
            String s = "a" + (char) c + "b";
            assertEquals(s, Printable.of(s), "U+" + Integer.toHexString(c) + " is printable");
        }
    }

    @Test
    void aForgedLogLineStaysOnItsLine() {
        assertEquals("ok\\u000aWARNING: forged\\u000d", Printable.of("ok\nWARNING: forged\r"));
    }

    @Test
    void longTextIsCutAtTheLimitWithItsLengthSaid() {
        String exact = "x".repeat(Printable.MAX_SHOWN);
        assertEquals(exact, Printable.of(exact), "exactly the limit is shown whole");
        String longer = "x".repeat(Printable.MAX_SHOWN + 1);
        assertEquals(exact + "... (" + (Printable.MAX_SHOWN + 1) + " chars)", Printable.of(longer));
        // Escapes count toward the limit: a line of control characters cannot flood the log either.
        String controls = "\u0007".repeat(100);
        String shown = Printable.of(controls);
        assertEquals(escaped(7).repeat(Printable.MAX_SHOWN / 6 + 1) + "... (100 chars)", shown);
    }

    @Test
    void nothingIsAnEmptyText() {
        assertEquals("", Printable.of(null));
        assertEquals("", Printable.of(""));
    }
}
