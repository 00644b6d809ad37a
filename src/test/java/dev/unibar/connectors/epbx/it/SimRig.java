package dev.unibar.connectors.epbx.it;

import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.connectors.epbx.EpbxConnector;
import dev.unibar.connectors.epbx.HubTransport;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real EPBX simulator on an ephemeral port and a real connector feeding a real Session, for one
 * transport. Everything the tests wait for is polled with a deadline.
 */
final class SimRig implements AutoCloseable {

    static final String USER = "maria";
    static final String PASSWORD = "segredo";
    /** The simulator's default intervals less the wrap-up one (9), which is not a reason to choose. */
    static final int SELECTABLE_REASONS = 4;
    static final int INTERVALS = 5;

    final String transport;
    final EpbxSimulator sim;
    final EpbxConnector connector;
    final Session session;

    SimRig(String transport) {
        this(transport, b -> { });
    }

    SimRig(String transport, Consumer<EpbxSimulator.Builder> tune) {
        this(transport, tune, EpbxSimulator::serviceBase);
    }

    /** {@code base} is where the connector is pointed: the simulator, or a proxy in front of it. */
    SimRig(String transport, Consumer<EpbxSimulator.Builder> tune, java.util.function.Function<EpbxSimulator, String> base) {
        this(transport, tune, base, HubTransport.Backoff.DEFAULT);
    }

    /** {@code backoff}: how the transport retries after a drop (a test that times recovery sets its own). */
    SimRig(String transport, Consumer<EpbxSimulator.Builder> tune, java.util.function.Function<EpbxSimulator, String> base,
           HubTransport.Backoff backoff) {
        this.transport = transport;
        EpbxSimulator.Builder b = EpbxSimulator.builder().port(0).user(USER, PASSWORD, "Maria Souza")
                // Short keep-alives so a dropped socket is noticed quickly by the classic transport.
                .keepAlive(Duration.ofMillis(500));
        tune.accept(b);
        sim = b.build().start();
        EpbxConfig cfg = new EpbxConfig(base.apply(sim), null, "unibar", transport, null, null, null, null, null,
                null, null, null, null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        connector = new EpbxConnector(cfg, http, EpbxConnector.transports(cfg, http, backoff));
        session = new Session(connector, Clock.systemUTC());
        session.start();
        // Far ends react quickly: the tests are about the wiring, not the timing.
        sim.behaviour().outboundAnswerMs = 100;
        sim.behaviour().consultAnswerMs = 100;
        sim.behaviour().busyMs = 100;
        sim.behaviour().noAnswerMs = 200;
    }

    BarState state() {
        return session.store().state();
    }

    CompletionStage<Void> send(Command c) {
        return session.send(c);
    }

    /** Sends and waits for the command's stage to complete successfully. */
    void ok(Command c) {
        try {
            session.send(c).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            fail(c + " failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            fail(c + " did not complete: " + e, e);
        }
    }

    /** Sends and returns the failure's message; fails the test when the command succeeds. */
    String failure(Command c) {
        try {
            session.send(c).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (Exception e) {
            fail(c + " did not complete: " + e, e);
        }
        fail(c + " succeeded but should have failed");
        return null;
    }

    void login(String device, String type) {
        ok(new Command.Login(USER, PASSWORD, false, device, type));
        await("session READY", 10_000, s -> s.phase() == dev.unibar.core.state.SessionPhase.READY
                && s.pauseReasons().size() == SELECTABLE_REASONS);
        // The wrap-up interval is announced last and changes no reason: wait for it so a test's first
        // mark comes after the whole log-in burst.
        long end = System.nanoTime() + 5_000_000_000L;
        while (rawCount("onInfoIntervaloRamal") < rawCount("onLogado") * INTERVALS && System.nanoTime() < end) {
            sleep(5);
        }
    }

    void login() {
        login("12", "idPa");
    }

    BarState await(String what, long timeoutMs, Predicate<BarState> condition) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            BarState s = state();
            if (condition.test(s)) return s;
            if (System.nanoTime() > end) {
                fail("[" + transport + "] timed out after " + timeoutMs + " ms waiting for " + what + "; state: " + s
                        + "\nevents: " + types(0));
            }
            sleep(10);
        }
    }

    /**
     * The highest sequence number the inspector holds, to look at what comes after it. Not the last entry's: an entry
     * numbered on one thread may be appended after one numbered later on another (the command's and the hub's), and
     * an older event must not count as one that came after the mark.
     */
    long mark() {
        return session.inspector().snapshot().stream().mapToLong(InspectorEntry::seq).max().orElse(0);
    }

    List<Event> events(long after) {
        List<Event> out = new ArrayList<>();
        for (InspectorEntry e : session.inspector().snapshot()) {
            if (e.seq() > after) out.addAll(e.events());
        }
        return out;
    }

    List<String> types(long after) {
        List<String> out = new ArrayList<>();
        for (Event e : events(after)) out.add(e.type());
        return out;
    }

    /** Waits until the events after {@code mark} are exactly {@code expected} (and stay a prefix). */
    List<Event> awaitTypes(long mark, long timeoutMs, String... expected) {
        List<String> want = List.of(expected);
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            List<String> got = types(mark);
            if (got.size() >= want.size()) {
                if (!got.equals(want)) fail("[" + transport + "] expected events " + want + " but got " + got);
                return events(mark);
            }
            if (!want.subList(0, got.size()).equals(got)) {
                fail("[" + transport + "] expected events " + want + " but got " + got);
            }
            if (System.nanoTime() > end) fail("[" + transport + "] timed out waiting for " + want + "; got " + got);
            sleep(10);
        }
    }

    /** Inspector entries whose capture line is a call of this hub client method. */
    long rawCount(String callback) {
        String needle = "\"callback\":\"" + callback + "\"";
        return session.inspector().snapshot().stream()
                .filter(e -> e.raw() != null && e.raw().toLowerCase(java.util.Locale.ROOT)
                        .contains(needle.toLowerCase(java.util.Locale.ROOT)))
                .count();
    }

    List<InspectorEntry> problems() {
        List<InspectorEntry> out = new ArrayList<>();
        for (InspectorEntry e : session.inspector().snapshot()) {
            if (e.kind() == InspectorEntry.Kind.MALFORMED || e.kind() == InspectorEntry.Kind.DROPPED) out.add(e);
            for (Event ev : e.events()) if (ev instanceof Event.VendorUnmapped) out.add(e);
        }
        return out;
    }

    List<EpbxSimulator.Invocation> recorded(String method) {
        List<EpbxSimulator.Invocation> out = new ArrayList<>();
        for (EpbxSimulator.Invocation i : sim.recorded()) if (i.method().equalsIgnoreCase(method)) out.add(i);
        return out;
    }

    EpbxSimulator.Invocation lastRecorded(String method) {
        List<EpbxSimulator.Invocation> all = recorded(method);
        if (all.isEmpty()) fail("[" + transport + "] the simulator recorded no " + method + "; got " + sim.recorded());
        return all.get(all.size() - 1);
    }

    com.fasterxml.jackson.databind.JsonNode scenario(String name, Map<String, ?> params) {
        return sim.scenario(name, params);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            session.stop();
        } finally {
            sim.stop();
        }
    }
}
