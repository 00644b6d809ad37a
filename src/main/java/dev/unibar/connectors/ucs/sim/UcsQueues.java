package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimQueue;

import java.util.HashSet;
import java.util.Set;

/**
 * The agent's queues (seed 002's Queue): suspended or not, and how many callers wait. Runs under the
 * {@link UcsSimState} lock.
 */
final class UcsQueues {

    private final UcsSimState st;
    private final UcsSimSettings settings;
    private final Set<Integer> suspended = new HashSet<>();
    private int waitingCallers;

    UcsQueues(UcsSimState st, UcsSimSettings settings) {
        this.st = st;
        this.settings = settings;
    }

    /** suspend / resume from the page. */
    boolean suspend(Object queueArg, boolean suspend, String method) {
        Integer q = UcsSimState.toInt(queueArg);
        if (q == null || byId(q) == null) return st.refuse(method + ": unknown queue " + queueArg);
        apply(q, suspend);
        return true;
    }

    /** A supervisor (or UCS itself) takes the agent out of a queue or back in. */
    void supervisorSuspends(int queueId, boolean suspend) {
        if (byId(queueId) == null) throw new IllegalArgumentException("queue-suspend: unknown queue " + queueId);
        apply(queueId, suspend);
    }

    private void apply(int q, boolean suspend) {
        if (suspend) suspended.add(q);
        else suspended.remove(q);
        st.push(suspend ? "onAgentSuspend" : "onAgentResume", q);
    }

    void waitingCallers(int count) {
        waitingCallers = Math.max(0, count);
        if (st.phase() == UcsSimState.Phase.READY) st.push("onWaitingCallersChange", waitingCallers);
    }

    int waitingCallers() {
        return waitingCallers;
    }

    boolean suspended(int queueId) {
        return suspended.contains(queueId);
    }

    Set<Integer> suspended() {
        return Set.copyOf(suspended);
    }

    SimQueue byId(int id) {
        for (SimQueue q : settings.queues()) if (q.id() == id) return q;
        return null;
    }

    /** A queue given by id or by name (any case); null for none. */
    SimQueue byIdOrName(Object queue) {
        if (queue == null) return null;
        Integer id = UcsSimState.toInt(queue);
        if (id != null) return byId(id);
        for (SimQueue q : settings.queues()) if (q.name().equalsIgnoreCase(String.valueOf(queue))) return q;
        return null;
    }
}
