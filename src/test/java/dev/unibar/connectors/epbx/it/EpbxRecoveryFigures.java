package dev.unibar.connectors.epbx.it;

import dev.unibar.connectors.epbx.HubTransport;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.FaultProxy;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 21's EPBX figures, measured as the agent lives them: the middleware away for an outage (every
 * connection refused by {@link FaultProxy}), restarted meanwhile with or without its tokens, then
 * reachable again; and a {@code kill -9} restart during a call. Prints the time from the server being
 * reachable to the login form, or to the agent state known again, per dialect, for the default backoff
 * and for the one before the probe. Not a test (it waits out real outages): run with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibar.connectors.epbx.it.EpbxRecoveryFigures [-Dbench.outageSeconds=30]}.
 */
public final class EpbxRecoveryFigures {

    /** The backoff before issue 21: the same delays, no probe. */
    private static final HubTransport.Backoff BEFORE = new HubTransport.Backoff(1_000, 30_000, 0);
    private static final long BOUND_MS = 120_000;

    private EpbxRecoveryFigures() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        long outageMs = TimeUnit.SECONDS.toMillis(Long.getLong("bench.outageSeconds", 30));
        System.out.printf(Locale.ROOT, "outage %d s; times from the server reachable again%n", outageMs / 1000);
        System.out.printf(Locale.ROOT, "%-8s %-24s %-34s %10s%n", "dialect", "backoff", "case", "ms");
        for (String dialect : new String[] {"classic", "core"}) {
            for (Map.Entry<String, HubTransport.Backoff> b : Map.of("default (probe 0.5-1 s)",
                    HubTransport.Backoff.DEFAULT, "before (no probe)", BEFORE).entrySet()) {
                row(dialect, b.getKey(), "restart, tokens forgotten -> login", outage(dialect, b.getValue(), outageMs, true));
                row(dialect, b.getKey(), "restart, tokens kept -> state known", outage(dialect, b.getValue(), outageMs, false));
            }
            row(dialect, "default (probe 0.5-1 s)", "kill -9 during a call -> login", killDuringCall(dialect));
        }
        System.exit(0);
    }

    private static void row(String dialect, String backoff, String what, long ms) {
        System.out.printf(Locale.ROOT, "%-8s %-24s %-34s %10d%n", dialect, backoff, what, ms);
    }

    private static long outage(String dialect, HubTransport.Backoff backoff, long outageMs, boolean forgetTokens) {
        try (ProxiedRig r = new ProxiedRig(dialect, backoff)) {
            r.rig.login();
            r.proxy.refuse(true);
            r.proxy.reset();
            r.rig.await("the drop", BOUND_MS, s -> s.connection() == ConnectionStatus.RECONNECTING);
            SimRig.sleep(outageMs);
            r.rig.sim.restart(forgetTokens);
            long back = System.nanoTime();
            r.proxy.refuse(false);
            r.rig.await("recovered", BOUND_MS, forgetTokens ? s -> s.phase() == SessionPhase.CREDENTIALS
                    : BarState::agentStateKnown);
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        }
    }

    private static long killDuringCall(String dialect) {
        try (ProxiedRig r = new ProxiedRig(dialect, HubTransport.Backoff.DEFAULT)) {
            r.rig.login();
            String canal = r.rig.scenario("inbound", Map.of()).get("canalId").asText();
            r.rig.await("ringing", BOUND_MS, s -> s.calls().containsKey(canal));
            long killed = System.nanoTime();
            r.proxy.restart(() -> r.rig.sim.restart(true));
            BarState s = r.rig.await("the login form", BOUND_MS, st -> st.phase() == SessionPhase.CREDENTIALS);
            if (!s.calls().isEmpty()) throw new IllegalStateException("a call outlived the lost session: " + s.calls());
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        }
    }
}
