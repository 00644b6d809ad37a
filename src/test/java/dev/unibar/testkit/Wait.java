package dev.unibar.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one polling wait of the tests: until a condition holds, or an AssertionError naming what was awaited.
 * A wait's timeout is only a liveness bound, written for a quiet machine; {@link #bound} stretches it by
 * {@code unibar.test.waitScale} (the build sets it: several test JVMs and other builds share two cores), so
 * a loaded machine gets more time while a passing test waits no longer than its condition takes.
 */
public final class Wait {

    /** How much slower than a quiet machine the one running the tests may be. */
    public static final double SCALE = scale(System.getProperty("unibar.test.waitScale"));

    private Wait() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound(timeout).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** A timeout written for a quiet machine, stretched for this one. */
    public static Duration bound(Duration quiet) {
        return Duration.ofNanos((long) (quiet.toNanos() * SCALE));
    }

    static double scale(String value) {
        if (value == null || value.isBlank()) return 1;
        try {
            double s = Double.parseDouble(value.trim());
            return s >= 1 && s <= 100 ? s : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
