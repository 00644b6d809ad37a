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
    void aWindowWiderThanTheScreenStartsAtItsLeftEdge() {
        assertEquals(0, KeepOnScreen.placed(300, 1500, 0, 1280));
        assertEquals(1702, KeepOnScreen.placed(3000, 858, 1280, 2560), "within a second screen's own bounds");
    }
}
