package dev.unibar.simkit;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
        return submit(() -> exec.schedule(guarded(action), Math.max(0, delayMs), TimeUnit.MILLISECONDS));
    }

    /** {@code action} every {@code periodMs}, first after one period, until the task is cancelled or the timer closed. */
    public Task repeat(Runnable action, long periodMs) {
        long every = Math.max(1, periodMs);
        return submit(() -> exec.scheduleAtFixedRate(guarded(action), every, every, TimeUnit.MILLISECONDS));
    }

    /** One failed far-end action is logged; the timer thread goes on with the others. */
    private static Runnable guarded(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a simulated far-end action failed", e);
            }
        };
    }

    /** After {@link #close} nothing is scheduled: the far end simply never answers. */
    private static Task submit(Supplier<ScheduledFuture<?>> schedule) {
        try {
            ScheduledFuture<?> f = schedule.get();
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
