package dev.unibar.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads on the FX thread and polls with a timeout: no sleeps as assertions. */
final class Fx {

    private Fx() {
    }

    static <T> T get(Callable<T> c) {
        return get(c, 10);
    }

    /** For work that is slow on a loaded machine by nature (the first WebView and scene of a JVM). */
    static <T> T get(Callable<T> c, int seconds) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(dev.unibar.testkit.Wait.bound(java.time.Duration.ofSeconds(seconds)).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void run(Runnable r) {
        get(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition, checked on the FX thread, holds; fails with the description if it never does. */
    static void until(String what, Callable<Boolean> condition) {
        try {
            // A bound for a quiet machine, stretched for a loaded one (testkit.Wait.bound): the wait is for the state.
            WaitForAsyncUtils.waitFor(dev.unibar.testkit.Wait.bound(java.time.Duration.ofSeconds(10)).toMillis(),
                    TimeUnit.MILLISECONDS, () -> get(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }
}
