package dev.unibar.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A window that grew past the screen's edge comes back onto it, as far as it fits. */
class KeepOnScreenTest {

    @Test
    void aWindowThatGrewPastTheRightEdgeMovesLeft() {
        // Measured: 858 px wide at x 462 on a 1280 px screen.
        assertEquals(422, KeepOnScreen.placed(462, 858, 0, 1280));
    }

    @Test
    void aWindowThatFitsStaysWhereItIs() {
        assertEquals(100, KeepOnScreen.placed(100, 858, 0, 1280));
    }

    @Test
    void aWindowIsNoWiderThanItsScreenUnlessItsMinimumIs() {
        // Measured: EPBX's controls in French made the bar 1,304 px wide on a 1,280 px screen.
        assertEquals(1280, KeepOnScreen.width(1304, 700, 1280));
        assertEquals(858, KeepOnScreen.width(858, 700, 1280), "a window that fits keeps its width");
        assertEquals(1400, KeepOnScreen.width(1500, 1400, 1280), "never below the minimum, which cuts nothing off");
    }

    @Test
    void aWindowWiderThanTheScreenStartsAtItsLeftEdge() {
        assertEquals(0, KeepOnScreen.placed(300, 1500, 0, 1280));
        assertEquals(1702, KeepOnScreen.placed(3000, 858, 1280, 2560), "within a second screen's own bounds");
    }
}
