package dev.unibar.simkit;

/** Where a simulator's timed far-end actions go: a {@link SimTimer}, or a test's hand-stepped clock. */
@FunctionalInterface
public interface Scheduler {

    /** A scheduled action; cancelling one that ran already does nothing. */
    @FunctionalInterface
    interface Task {
        void cancel();
    }

    Task schedule(Runnable action, long delayMs);
}
