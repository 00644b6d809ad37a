package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Demo mode's queue: an inbound call every {@code delays.demoIntervalMs} while the latest page's agent is
 * READY with no call; the caller gives up after 30 s when nobody answers, as a real queue would move on.
 */
final class UcsDemoLoop {

    private static final String[][] CALLERS = {
            {"777123456", "Jana Nováková"}, {"603987654", "Tomáš Dvořák"}, {"+420224123456", "ACME s.r.o."},
            {"731555666", null}, {"608111222", "Eva Svobodová"}};

    private final Scheduler scheduler;
    private final Supplier<UcsSimState> state;
    private final LongSupplier interval;
    private final Random random = new Random();
    private Scheduler.Task next;

    UcsDemoLoop(Scheduler scheduler, Supplier<UcsSimState> state, LongSupplier interval) {
        this.scheduler = scheduler;
        this.state = state;
        this.interval = interval;
        next = scheduler.schedule(this::tick, interval.getAsLong());
    }

    private void tick() {
        UcsSimState s = state.get();
        if (s != null && s.idleAndReady()) {
            String[] c = CALLERS[random.nextInt(CALLERS.length)];
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("customer_id", String.valueOf(10000 + random.nextInt(90000)));
            try {
                s.offerInbound(c[0], c[1], random.nextBoolean() ? 1 : 2, data, 30_000);
            } catch (IllegalStateException e) {
                // The agent left READY between the check and the offer; try again next tick.
            }
        }
        synchronized (this) {
            if (next != null) next = scheduler.schedule(this::tick, interval.getAsLong());
        }
    }

    synchronized void stop() {
        if (next != null) next.cancel();
        next = null;
    }
}
