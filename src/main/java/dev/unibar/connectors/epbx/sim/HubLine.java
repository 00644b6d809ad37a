package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NOT_LOGGED;

/**
 * What the PBX knows of one hub's extension (device, interval, legs, queue, follow-me) and how it tells
 * the client (the vendor's shapes, through the sink). The hub's parts share it; every access happens
 * under the hub's lock ({@link #lock}), which delayed reactions take again through {@link #later}.
 */
final class HubLine {

    private static final AtomicLong CHANNELS = new AtomicLong(0x0a10);
    private static final AtomicLong GLOBAL_IDS = new AtomicLong(1);
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final Object lock;
    final List<EpbxDevice> devices;
    final List<EpbxInterval> intervals;
    final int initialInterval;
    final SimBehaviour behaviour;
    final AtendimentoHub.Scheduler scheduler;
    final Consumer<String> recordings;
    private final AtendimentoHub.Sink sink;
    private final Clock clock;

    EpbxDevice device;
    /** The device of the last Iniciar: a second Iniciar after onConexaoErro keeps its interval. */
    EpbxDevice lastDevice;
    int tipoLogon;
    int intervalId;
    Instant intervalSince;
    HubLeg main;
    HubLeg consult;
    final List<HubLeg> participants = new ArrayList<>();
    boolean conference;
    HubLeg lastEnded;
    boolean closed;
    /** Calls waiting in the extension's queue, oldest first. */
    final List<HubLeg> queue = new ArrayList<>();
    /** Follow-me numbers; an inbound call is forwarded there instead of ringing. */
    List<String> followMe = List.of();
    /** An interval asked for during a call: it starts when the call ends (RamalStatusDestinoId 1). */
    int pendingInterval = -1;

    HubLine(Object lock, List<EpbxDevice> devices, List<EpbxInterval> intervals, int initialInterval,
            SimBehaviour behaviour, AtendimentoHub.Sink sink, AtendimentoHub.Scheduler scheduler,
            Consumer<String> recordings, Clock clock) {
        this.lock = lock;
        this.devices = List.copyOf(devices);
        this.intervals = List.copyOf(intervals);
        this.initialInterval = initialInterval;
        this.behaviour = behaviour;
        this.sink = sink;
        this.scheduler = scheduler;
        this.recordings = recordings;
        this.clock = clock;
    }

    /** A far-end reaction: runs under the hub's lock unless the connection or the extension is gone by then. */
    void later(Runnable r) {
        synchronized (lock) {
            if (closed || device == null) return;
            r.run();
        }
    }

    /** After {@code delayMs}, as {@link #later}. */
    void after(long delayMs, Runnable r) {
        scheduler.schedule(delayMs, () -> later(r));
    }

    boolean current(HubLeg leg) {
        return leg == main || leg == consult;
    }

    ObjectNode ri() {
        return VendorShapes.ramalInfo(device.ramal());
    }

    HubLeg newLeg(String telefone, int tipo, int direcao, ObjectNode dialer) {
        String canal = "SIP/" + device.ramal() + "-" + String.format("%08x", CHANNELS.getAndIncrement());
        return new HubLeg(canal, telefone, tipo, direcao, intervalId, now(), dialer);
    }

    /** ChamadaInfo as ModelsAndEnums.cs declares it, plus Direcao and GlobalId that the JS sample reads. */
    ObjectNode chamada(HubLeg leg) {
        ObjectNode n = F.objectNode();
        n.put("CanalId", leg.canalId);
        n.put("Telefone", leg.telefone);
        n.put("TipoDiscagem", leg.tipoDiscagem);
        n.put("DDRLocal", device == null ? null : "113210" + device.ramal());
        n.put("RamalStatusDetalheId", leg.intervalAtStart);
        n.put("Direcao", leg.direcao);
        if (leg.globalId != null) n.put("GlobalId", leg.globalId);
        if (leg.dialer != null) n.setAll(leg.dialer);
        return n;
    }

    EpbxInterval findInterval(int id) {
        for (EpbxInterval i : intervals) if (i.id() == id) return i;
        return null;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    String newGlobalId() {
        return Long.toHexString(clock.instant().getEpochSecond()) + String.format("%08x", GLOBAL_IDS.getAndIncrement());
    }

    /** The GlobalId onAtendido carries; none while recording is off (nothing could be downloaded). */
    String answeredGlobalId() {
        return behaviour.recordCalls ? newGlobalId() : null;
    }

    void requireLogged() {
        if (device == null) throw new HubError(ERR_NOT_LOGGED);
    }

    void requireLoggedScenario() {
        if (device == null) throw new IllegalStateException("ramal not logged in on this connection");
    }

    void push(String event, JsonNode... args) {
        if (closed) return;
        ArrayNode a = F.arrayNode();
        for (JsonNode o : args) a.add(o);
        sink.push(event, a);
    }

    void push(String event, JsonNode r, JsonNode c, String globalId) {
        if (closed) return;
        ArrayNode a = F.arrayNode();
        a.add(r);
        a.add(c);
        a.add(globalId);
        sink.push(event, a);
    }
}
