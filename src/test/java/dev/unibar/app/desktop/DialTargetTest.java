package dev.unibar.app.desktop;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialTargetTest {

    @Test
    void telLinksLoseTheirVisualSeparatorsAndParameters() {
        assertEquals(Optional.of("+420601123456"), DialTarget.parse("tel:+420 601-123-456"));
        assertEquals(Optional.of("+420601123456"), DialTarget.parse("tel:+420.601.(123).456;phone-context=example.com"));
        assertEquals(Optional.of("+5511988887777"), DialTarget.parse("TEL:%2B55%2011%2098888-7777"));
        assertEquals(Optional.of("*72#"), DialTarget.parse("tel:*72%23"));
    }

    @Test
    void calltoAndSipGiveTheNumberOrTheUserPart() {
        assertEquals(Optional.of("+420601123456"), DialTarget.parse("callto://+420601123456"));
        assertEquals(Optional.of("601123456"), DialTarget.parse("callto:601123456/"));
        assertEquals(Optional.of("1001"), DialTarget.parse("sip:1001@pbx.example.com;transport=tcp"));
        assertEquals(Optional.of("support"), DialTarget.parse("sips:support@pbx.example.com?subject=x"));
        assertEquals(Optional.of("601123456"), DialTarget.parse(" 601 123 456 "), "a bare number from the command line");
    }

    @Test
    void anythingThatIsNotANumberIsRefused() {
        for (String bad : new String[]{"", "tel:", "javascript:alert(1)", "tel:601123456');drop", "tel:abc",
                "sip:@pbx", "tel:" + "1".repeat(DialTarget.MAX_LENGTH + 1), "sip:a%0Ab@x", "tel:%zz", null}) {
            assertEquals(Optional.empty(), DialTarget.parse(bad), String.valueOf(bad));
        }
    }

    /** Issue 22: what followed a ';' was dropped without a word ("555;rm -rf /tmp/x" dialled 555). */
    @Test
    void nothingAfterTheNumberIsDroppedSilently() {
        DialTarget.Checked c = DialTarget.check("555;rm -rf /tmp/x");
        assertEquals(null, c.number());
        assertEquals("not a number to dial (nothing may follow the number): \"555;rm -rf /tmp/x\"", c.problem());
        assertEquals(Optional.empty(), DialTarget.parse("601123456?x=1"));
        assertEquals(Optional.empty(), DialTarget.parse("callto:601123456;x"));
        DialTarget.Checked ext = DialTarget.check("tel:+1-555-1234;ext=99");
        assertEquals(null, ext.number(), "an extension is not dropped: the link is refused, and it says why");
        assertTrue(ext.problem().startsWith("the link has an extension, which Unibar does not dial"), ext.problem());
        assertTrue(DialTarget.check("tel:555;isub=1").problem().contains("(;isub)"));
        assertEquals(Optional.of("5551234"), DialTarget.parse("tel:555-1234;phone-context=+1"), "where a local number is valid");
    }

    /** A refused argument reaches a terminal: escaped and cut as translate's lines are (core.Printable). */
    @Test
    void aRefusedArgumentIsEchoedEscapedAndCut() {
        String hostile = "\u001b[2J\u202etel:" + "9".repeat(20_000);
        String problem = DialTarget.check(hostile).problem();
        assertTrue(problem.contains("\\u001b[2J\\u202e"), problem);
        assertFalse(problem.contains("\u001b") || problem.contains("\u202e"), "no raw escape or bidi override");
        assertTrue(problem.length() < 400, "cut: " + problem.length());
        assertTrue(problem.contains("(" + hostile.length() + " chars)"), problem);
    }

    @Test
    void onlyTheThreeSchemesAreLinks() {
        assertTrue(DialTarget.isLink("tel:1"));
        assertTrue(DialTarget.isLink("CallTo:1"));
        assertTrue(DialTarget.isLink("sips:1@x"));
        assertFalse(DialTarget.isLink("--config"));
        assertFalse(DialTarget.isLink("http://x"));
    }
}
