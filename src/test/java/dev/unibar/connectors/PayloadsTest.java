package dev.unibar.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lenient readers every mapper goes through, with values as the vendors send them: ids as numbers or
 * text, booleans as "True", times in seconds, milliseconds or text, and the values no vendor means.
 */
class PayloadsTest {

    private static JsonNode json(String s) {
        try {
            return Payloads.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void textReadsIdsAndNumbersAsTheVendorWroteThem() {
        JsonNode n = json("{\"id\":12345678901234567890,\"amount\":12.50,\"whole\":3.0,\"s\":\"abc\",\"empty\":\"\","
                + "\"nul\":null,\"obj\":{},\"arr\":[1],\"neg\":-7,\"t\":true}");
        assertEquals("12345678901234567890", Payloads.text(n, "id"), "a big id stays exact");
        assertEquals("12.5", Payloads.text(n, "amount"));
        assertEquals("3", Payloads.text(n, "whole"), "no trailing .0");
        assertEquals("-7", Payloads.text(n, "neg"));
        assertEquals("abc", Payloads.text(n, "s"));
        assertEquals("true", Payloads.text(n, "t"));
        assertNull(Payloads.text(n, "empty"), "empty text is no value");
        assertNull(Payloads.text(n, "nul"));
        assertNull(Payloads.text(n, "obj"), "an object is not a scalar");
        assertNull(Payloads.text(n, "arr"), "an array is not a scalar");
        assertNull(Payloads.text(n, "absent"));
        assertNull(Payloads.text(null, "id"));
        assertNull(Payloads.scalar(null));
        assertNull(Payloads.scalar(n.path("absent")), "a missing node");
    }

    @Test
    void boolReadsTheFormsVendorsUse() {
        JsonNode n = json("{\"a\":true,\"b\":false,\"c\":\"True\",\"d\":\" FALSE \",\"e\":1,\"f\":0,\"g\":\"1\","
                + "\"h\":\"0\",\"i\":\"yes\",\"j\":null,\"k\":2}");
        assertEquals(true, Payloads.bool(n, "a"));
        assertEquals(false, Payloads.bool(n, "b"));
        assertEquals(true, Payloads.bool(n, "c"), ".NET's True");
        assertEquals(false, Payloads.bool(n, "d"));
        assertEquals(true, Payloads.bool(n, "e"));
        assertEquals(false, Payloads.bool(n, "f"));
        assertEquals(true, Payloads.bool(n, "g"));
        assertEquals(false, Payloads.bool(n, "h"));
        assertEquals(true, Payloads.bool(n, "k"), "any number but 0");
        assertNull(Payloads.bool(n, "i"), "a word that is no boolean is unknown, not false");
        assertNull(Payloads.bool(n, "j"));
        assertNull(Payloads.bool(n, "absent"));
        assertNull(Payloads.bool(null, "a"));
    }

    @Test
    void integerRefusesWhatDoesNotFitInsteadOfWrappingIt() {
        JsonNode n = json("{\"a\":42,\"b\":\" 17 \",\"c\":4294967297,\"d\":1.5,\"e\":\"x\",\"f\":null,\"g\":-3}");
        assertEquals(42, Payloads.integer(n, "a"));
        assertEquals(17, Payloads.integer(n, "b"));
        assertEquals(-3, Payloads.integer(n, "g"));
        assertNull(Payloads.integer(n, "c"), "2^32+1 is not 1");
        assertNull(Payloads.integer(n, "d"), "a fraction is not an integer");
        assertNull(Payloads.integer(n, "e"));
        assertNull(Payloads.integer(n, "f"));
        assertNull(Payloads.integer(n, "absent"));
        assertNull(Payloads.integer(null, "a"));
    }

    @Test
    void intInAcceptsTheRangeInclusiveAndNamesTheFieldOtherwise() throws MalformedCaptureException {
        JsonNode n = json("{\"lo\":0,\"hi\":10,\"under\":-1,\"over\":11,\"word\":\"ten\",\"nul\":null}");
        assertEquals(0, Payloads.intIn(n, "lo", 0, 10));
        assertEquals(10, Payloads.intIn(n, "hi", 0, 10));
        assertNull(Payloads.intIn(n, "nul", 0, 10));
        assertNull(Payloads.intIn(n, "absent", 0, 10));
        assertNull(Payloads.intIn(null, "lo", 0, 10));
        MalformedCaptureException under = assertThrows(MalformedCaptureException.class, () -> Payloads.intIn(n, "under", 0, 10));
        assertEquals("under is not an integer in 0..10: -1", under.getMessage());
        assertThrows(MalformedCaptureException.class, () -> Payloads.intIn(n, "over", 0, 10));
        assertEquals("word is not an integer in 0..10: \"ten\"",
                assertThrows(MalformedCaptureException.class, () -> Payloads.intIn(n, "word", 0, 10)).getMessage());
    }

    @Test
    void timeTellsSecondsFromMillisecondsAndReadsTextWithOrWithoutZone() {
        Instant t = Instant.parse("2026-03-01T09:30:00Z");
        JsonNode n = json("{\"s\":1772357400,\"ms\":1772357400000,\"sText\":\"1772357400\",\"frac\":1772357400.5,"
                + "\"iso\":\"2026-03-01T09:30:00Z\",\"local\":\"2026-03-01 09:30:00\",\"localT\":\"2026-03-01T09:30:00\","
                + "\"blank\":\"  \",\"word\":\"soon\",\"nul\":null}");
        assertEquals(t, Payloads.time(n, "s"));
        assertEquals(t, Payloads.time(n, "ms"));
        assertEquals(t, Payloads.time(n, "sText"));
        assertEquals(t.plusMillis(500), Payloads.time(n, "frac"));
        assertEquals(t, Payloads.time(n, "iso"));
        assertEquals(t, Payloads.time(n, "local"), "no zone: UTC");
        assertEquals(t, Payloads.time(n, "localT"));
        assertNull(Payloads.time(n, "blank"));
        assertNull(Payloads.time(n, "word"));
        assertNull(Payloads.time(n, "nul"));
        assertNull(Payloads.time(n, "absent"));
        assertNull(Payloads.time(null, "s"));
    }

    @Test
    void timesNoVendorMeansAreNoTime() {
        JsonNode n = json("{\"zero\":0,\"neg\":-5,\"huge\":1e300,\"y1989\":\"1989-12-31T23:59:59Z\","
                + "\"y1990\":\"1990-01-01T00:00:00Z\",\"y2200\":\"2200-01-01T00:00:00Z\",\"y2199\":\"2199-12-31T23:59:59Z\","
                + "\"far\":\"+100000-01-01T00:00:00Z\",\"farLocal\":\"2300-01-01 00:00:00\",\"s1990\":631152000,"
                + "\"s1989\":631151999}");
        assertNull(Payloads.time(n, "zero"));
        assertNull(Payloads.time(n, "neg"));
        assertNull(Payloads.time(n, "huge"), "not the year 292278994");
        assertNull(Payloads.time(n, "y1989"));
        assertEquals(Instant.parse("1990-01-01T00:00:00Z"), Payloads.time(n, "y1990"), "1990 itself is plausible");
        assertEquals(Instant.parse("1990-01-01T00:00:00Z"), Payloads.time(n, "s1990"));
        assertNull(Payloads.time(n, "s1989"));
        assertNull(Payloads.time(n, "y2200"), "2200 is not");
        assertEquals(Instant.parse("2199-12-31T23:59:59Z"), Payloads.time(n, "y2199"));
        assertNull(Payloads.time(n, "far"));
        assertNull(Payloads.time(n, "farLocal"));
    }

    @Test
    void timeCheckedTakesZeroAsAbsentAndRefusesTheUnreadable() throws MalformedCaptureException {
        JsonNode n = json("{\"ok\":1772357400,\"zero\":0,\"zeroText\":\"\",\"word\":\"tomorrow at noon, roughly, give or take\","
                + "\"old\":100,\"nul\":null}");
        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), Payloads.timeChecked(n, "ok"));
        assertNull(Payloads.timeChecked(n, "zero"));
        assertNull(Payloads.timeChecked(n, "zeroText"));
        assertNull(Payloads.timeChecked(n, "nul"));
        assertNull(Payloads.timeChecked(n, "absent"));
        assertNull(Payloads.timeChecked(null, "ok"));
        MalformedCaptureException word = assertThrows(MalformedCaptureException.class, () -> Payloads.timeChecked(n, "word"));
        assertEquals("word is not a plausible time: \"tomorrow at noon, roughly, give or take...", word.getMessage(),
                "the value is cut to 40 characters");
        assertTrue(assertThrows(MalformedCaptureException.class, () -> Payloads.timeChecked(n, "old")).getMessage()
                .startsWith("old is not a plausible time: 100"));
    }

    @Test
    void stringMapKeepsScalarsAsTextAndNestedValuesAsJson() {
        JsonNode n = json("{\"name\":\"Ana\",\"age\":31,\"vip\":true,\"tags\":[\"a\",\"b\"],\"addr\":{\"city\":\"Brno\"},"
                + "\"gone\":null,\"empty\":\"\"}");
        // In the vendor's order: a call's data is shown as the vendor listed it.
        assertEquals(List.of(Map.entry("name", "Ana"), Map.entry("age", "31"), Map.entry("vip", "true"),
                Map.entry("tags", "[\"a\",\"b\"]"), Map.entry("addr", "{\"city\":\"Brno\"}")),
                List.copyOf(Payloads.stringMap(n).entrySet()));
        assertEquals(Map.of(), Payloads.stringMap(json("[1,2]")), "not an object");
        assertEquals(Map.of(), Payloads.stringMap(null));
    }
}
