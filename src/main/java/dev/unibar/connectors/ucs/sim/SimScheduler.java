package dev.unibar.connectors.ucs.sim;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delayed simulator actions (a ringing outbound call that answers, the end of ACW). An interface so the
 * state machine's tests can step time by hand instead of sleeping.
 */
public interface SimScheduler {

    /** A scheduled action; cancelling one that already ran does nothing. */
    interface Task {
        void cancel();
    }

    Task schedule(Runnable action, long delayMs);

    /** Real time on one daemon thread; {@link #close()} stops it. */
    static Threaded threaded(String name) {
        return new Threaded(name);
    }

    final class Threaded implements SimScheduler, AutoCloseable {
        private final ScheduledExecutorService exec;

        private Threaded(String name) {
            exec = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public Task schedule(Runnable action, long delayMs) {
            ScheduledFuture<?> f = exec.schedule(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // One failed simulated event must not stop the timer thread for all others.
                    System.getLogger(SimScheduler.class.getName()).log(System.Logger.Level.WARNING, "simulator task failed", e);
                }
            }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void close() {
            exec.shutdownNow();
        }
    }
}
