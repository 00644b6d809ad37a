package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The middleware's live SignalR connections of both protocols, each with its hub: who is logged in on
 * which extension, the keep-alive sweep, and what a restart or a dropped network does to them. Calls
 * survive a lost connection, as on a real PBX: the hub that last logged an extension in keeps it.
 */
final class EpbxConnections {

    /** Classic connections by connection token. */
    final Map<String, ClassicConnection> classic = new ConcurrentHashMap<>();
    /** Core connections by connection token (negotiated, possibly not yet connected). */
    final Map<String, CoreConnection> core = new ConcurrentHashMap<>();
    /** The hub that last logged each extension in. */
    private final Map<String, AtendimentoHub> extensions = new ConcurrentHashMap<>();

    Collection<SimConnection> all() {
        List<SimConnection> all = new ArrayList<>(classic.values());
        all.addAll(core.values());
        return all;
    }

    /** The hub a new connection talks to. */
    AtendimentoHub attach(SimConnection c, AtendimentoHub hub) {
        hub.extensions(extensions::put);
        c.hub = hub;
        return hub;
    }

    /** Hubs with a logged-in ramal, open connections first, optionally for one ramal. */
    List<AtendimentoHub> loggedHubs(String ramal) {
        List<AtendimentoHub> open = new ArrayList<>();
        List<AtendimentoHub> closed = new ArrayList<>();
        for (SimConnection c : all()) {
            AtendimentoHub h = c.hub;
            if (h == null || !h.loggedIn()) continue;
            if (ramal != null && !ramal.equals(h.ramal())) continue;
            (c.open() ? open : closed).add(h);
        }
        open.addAll(closed);
        return open;
    }

    /** Open connections whose ramal is logged in ({@code ramal} null: every ramal). */
    List<SimConnection> logged(String ramal) {
        List<SimConnection> targets = new ArrayList<>();
        for (SimConnection c : all()) {
            AtendimentoHub h = c.hub;
            if (h == null || !h.loggedIn() || !c.open()) continue;
            if (ramal != null && !ramal.equals(h.ramal())) continue;
            targets.add(c);
        }
        return targets;
    }

    /** One client event, as given, to every logged-in open connection (of {@code ramal}); how many got it. */
    int push(String ramal, String event, ArrayNode args) {
        List<SimConnection> targets = logged(ramal);
        for (SimConnection c : targets) c.push(event, args.deepCopy());
        return targets.size();
    }

    /** The same, timed: {@link System#nanoTime()} just before the first frame is written; -1 when nobody is logged in. */
    long pushTimed(String ramal, String event, ArrayNode args) {
        List<SimConnection> targets = logged(ramal);
        if (targets.isEmpty()) return -1;
        long stamp = System.nanoTime();
        for (SimConnection c : targets) c.push(event, args.deepCopy());
        return stamp;
    }

    List<EpbxSimulator.ConnectionInfo> infos() {
        List<EpbxSimulator.ConnectionInfo> out = new ArrayList<>();
        for (SimConnection c : all()) {
            String ramal = c.hub == null ? null : c.hub.ramal();
            out.add(new EpbxSimulator.ConnectionInfo(c.connectionId, c.transport, c.user, ramal, c.open()));
        }
        return out;
    }

    void forgetClassic(ClassicConnection c) {
        classic.remove(c.connectionToken);
        if (c.hub != null) c.hub.close();
        c.dropAbruptly();
    }

    void forgetCore(CoreConnection c) {
        core.remove(c.connectionToken);
        if (c.hub != null) c.hub.close();
    }

    /** Classic {@code {}} keep-alives and Core pings; connections without a transport for too long are forgotten. */
    void keepAlive(Duration disconnectTimeout) {
        Instant now = Instant.now();
        for (ClassicConnection c : List.copyOf(classic.values())) {
            if (c.open()) {
                c.sendText("{}");
            } else if (c.disconnectedAt != null && now.isAfter(c.disconnectedAt.plus(disconnectTimeout))) {
                forgetClassic(c);
            }
        }
        for (CoreConnection c : List.copyOf(core.values())) {
            if (c.open() && c.handshaken) {
                c.sendText("{\"type\":6}" + CoreConnection.RS);
            } else if (c.session == null && now.isAfter(c.negotiatedAt.plus(disconnectTimeout))) {
                forgetCore(c);
            }
        }
    }

    /**
     * A server going down on purpose tells Core clients (close message, type 7) and closes every socket
     * with 1001 before the connector stops: stopping Jetty alone can leave a client unaware for a while.
     */
    void closeGracefully() {
        for (CoreConnection c : List.copyOf(core.values())) {
            // Under load the close frame overtook an unwritten type 7 and clients never read it.
            if (c.open() && c.handshaken) c.sendTextFlushed("{\"type\":7}" + CoreConnection.RS, 2000);
        }
        Collection<SimConnection> all = all();
        all.forEach(SimConnection::closeGoingAway);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (all.stream().anyMatch(SimConnection::open) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Fault: every WebSocket is cut without a close frame. Classic connections stay reconnectable. */
    void dropAll() {
        for (SimConnection c : all()) c.dropAbruptly();
        for (CoreConnection c : List.copyOf(core.values())) {
            if (c.session != null) forgetCore(c);
        }
    }

    /** The server is gone: every connection and hub with it. */
    void forgetAll() {
        for (SimConnection c : all()) {
            if (c.hub != null) c.hub.close();
            c.dropAbruptly();
        }
        classic.clear();
        core.clear();
    }
}
