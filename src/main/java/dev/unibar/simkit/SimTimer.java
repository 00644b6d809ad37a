package dev.unibar.simkit;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The far end's timing: a call that answers after a while, after-call work that ends. One daemon
 * thread per simulator; one failed action is logged and the others still run; after {@link #close} the
 * far end simply never answers.
 */
public final class SimTimer implements Scheduler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimTimer.class.getName());
    private final ScheduledExecutorService exec;

    public SimTimer(String threadName) {
        exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Task schedule(Runnable action, long delayMs) {
        try {
            ScheduledFuture<?> f = exec.schedule(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a simulated far-end action failed", e);
                }
            }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException stopping) {
            return () -> { };
        }
    }

    /** {@code action} every {@code periodMs}, first after one period, until the task is cancelled or the timer closed. */
    public Task repeat(Runnable action, long periodMs) {
        long every = Math.max(1, periodMs);
        try {
            ScheduledFuture<?> f = exec.scheduleAtFixedRate(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a simulated periodic action failed", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException stopping) {
            return () -> { };
        }
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
