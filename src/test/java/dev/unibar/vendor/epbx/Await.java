package dev.unibar.vendor.epbx;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

final class Await {
    private Await() {
    }

    /** Polls until the condition holds; fails with the description after the timeout. */
    static void until(String what, long timeoutMs, BooleanSupplier condition) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) fail("timed out waiting for " + what);
    }
}
