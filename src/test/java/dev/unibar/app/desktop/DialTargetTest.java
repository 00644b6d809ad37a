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

    @Test
    void onlyTheThreeSchemesAreLinks() {
        assertTrue(DialTarget.isLink("tel:1"));
        assertTrue(DialTarget.isLink("CallTo:1"));
        assertTrue(DialTarget.isLink("sips:1@x"));
        assertFalse(DialTarget.isLink("--config"));
        assertFalse(DialTarget.isLink("http://x"));
    }
}
