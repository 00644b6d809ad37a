package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static dev.unibar.connectors.epbx.sim.HubArgs.intArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.numeroArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.stringArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.tipoDiscagemArg;

/**
 * The AtendimentoHub of one SignalR connection: the ramal it logged in, its interval and its calls.
 * Transport-free so it can be driven directly by tests: pushes leave through {@link Sink}, the far
 * end's delayed reactions through {@link Scheduler}. All entry points are synchronized on the hub, and
 * delayed reactions re-check that the call they belong to is still there, because the agent may have
 * hung up in between.
 *
 * <p>This class routes; the work is in its parts, which share the extension's state ({@link HubLine}):
 * {@link HubSession} (log-in, intervals), {@link HubCalls} (dial, hold, consult, transfer, hang-up),
 * {@link HubConference}, {@link HubQueue} (queue, pick-up, follow-me) and {@link HubPbx} (the PBX acting
 * on its own, for the scenarios).
 */
public final class AtendimentoHub {

    /** Where client events go (the transport frames them). */
    public interface Sink {
        void push(String event, ArrayNode args);
    }

    /** Runs the far end's reactions later (a test may run them by hand). */
    public interface Scheduler {
        void schedule(long delayMs, Runnable action);
    }

    /**
     * Where hubs say which extension they logged in. Calls live on the PBX, not on a SignalR connection:
     * answers the hub that had the extension before (null when none), whose calls the new one takes over.
     */
    public interface Extensions {
        AtendimentoHub loggedIn(String ramal, AtendimentoHub hub);
    }

    /** The server methods with their canonical (C#) names, looked up case-insensitively. */
    public static final List<String> METHODS = List.of("Iniciar", "Terminar", "Discar", "Desligar",
            "DesligarChamada", "IniciarEspera", "TerminarEspera", "Consultar", "LiberarConsulta", "Transferir",
            "ConferenciaAdicionar", "ConferenciaIniciar", "ConferenciaTerminar", "ConferenciaCancelar",
            "ConferenciaRemover", "ConferenciaSair", "AlterarIntervaloTipo", "AtendeChamadaNaFila",
            "CapturaDirigida", "SigaMe", "SigaMeMultiplo", "CancelaSigaMe", "TransfereVoiceMail");

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    static {
        for (String m : METHODS) CANONICAL.put(m.toLowerCase(Locale.ROOT), m);
    }

    private final String usuario;
    private final SimBehaviour behaviour;
    private final HubLine l;
    private final HubSession session;
    private final HubCalls calls;
    private final HubConference conference;
    private final HubQueue queue;
    private final HubPbx pbx;
    private Extensions extensions = (r, h) -> null;

    public AtendimentoHub(String usuario, String nome, List<EpbxDevice> devices, List<EpbxInterval> intervals,
                          int initialInterval, SimBehaviour behaviour, Sink sink, Scheduler scheduler,
                          Consumer<String> recordings, Clock clock) {
        this.usuario = usuario;
        this.behaviour = Objects.requireNonNull(behaviour);
        this.l = new HubLine(this, devices, intervals, initialInterval, behaviour, Objects.requireNonNull(sink),
                Objects.requireNonNull(scheduler), recordings == null ? g -> { } : recordings,
                clock == null ? Clock.systemUTC() : clock);
        this.session = new HubSession(l, this);
        this.calls = new HubCalls(l, session);
        this.conference = new HubConference(l, calls);
        this.queue = new HubQueue(l);
        this.pbx = new HubPbx(l, calls, session);
    }

    /** Set once by the simulator before the hub is used. */
    void extensions(Extensions e) {
        extensions = Objects.requireNonNull(e);
    }

    /** Tells the simulator this hub has the extension now; answers the hub that had it before. */
    AtendimentoHub extensionLoggedIn(String ramal) {
        return extensions.loggedIn(ramal, this);
    }

    /** The extension's state, for another hub taking its calls over (under this hub's lock). */
    HubLine line() {
        return l;
    }

    /** The canonical name of a hub method, or null when the hub has none by that name. */
    public static String canonical(String method) {
        return method == null ? null : CANONICAL.get(method.toLowerCase(Locale.ROOT));
    }

    // ---- queries (for connections() and tests) ----

    public synchronized String ramal() {
        return l.device == null ? null : l.device.ramal();
    }

    public String usuario() {
        return usuario;
    }

    public synchronized boolean loggedIn() {
        return l.device != null;
    }

    public synchronized int intervalId() {
        return l.intervalId;
    }

    /** CanalId of the customer call, or null. */
    public synchronized String mainCanalId() {
        return l.main == null ? null : l.main.canalId;
    }

    public synchronized String consultCanalId() {
        return l.consult == null ? null : l.consult.canalId;
    }

    public synchronized boolean mainAnswered() {
        return l.main != null && l.main.answered;
    }

    public synchronized boolean mainHeld() {
        return l.main != null && l.main.held;
    }

    public synchronized boolean conferenceActive() {
        return l.conference;
    }

    public synchronized int participantCount() {
        return l.participants.size();
    }

    public synchronized List<String> queuedCanalIds() {
        List<String> ids = new ArrayList<>();
        for (HubLeg q : l.queue) ids.add(q.canalId);
        return ids;
    }

    public synchronized List<String> followMe() {
        return l.followMe;
    }

    /** The REST ChamadaAtiva: the customer call as ChamadaInfo, or null. */
    public synchronized ObjectNode chamadaAtiva() {
        return l.device == null || l.main == null ? null : l.chamada(l.main);
    }

    /** The REST IntervaloAtual: the current interval as IntervaloInfo, or null when not logged in. */
    public synchronized ObjectNode intervaloAtual() {
        return l.device == null ? null : VendorShapes.intervalo(l.findInterval(l.intervalId), l.intervalId, false);
    }

    /** The connection is gone: delayed reactions must not push any more. */
    public synchronized void close() {
        l.closed = true;
    }

    // ---- invocation ----

    /**
     * Runs a hub method. Returns the invocation's result (null = none); throws {@link HubError} with
     * the Portuguese message the client shows when the state forbids it.
     */
    public synchronized JsonNode invoke(String method, JsonNode args) {
        String m = canonical(method);
        if (m == null) throw new HubError("'" + method + "' method could not be resolved.");
        ArrayNode a = args instanceof ArrayNode an ? an : JsonNodeFactory.instance.arrayNode();
        String rejection = behaviour.takeRejection(m);
        if (rejection != null) throw new HubError(rejection);
        if (!m.equals("Iniciar")) l.requireLogged();
        switch (m) {
            case "Iniciar" -> session.iniciar(a);
            case "Terminar" -> session.terminar();
            case "Discar" -> calls.discar(a);
            case "Desligar" -> calls.desligar();
            case "DesligarChamada" -> calls.desligarChamada(stringArg(a, 0, m));
            case "IniciarEspera" -> calls.iniciarEspera();
            case "TerminarEspera" -> calls.terminarEspera();
            case "Consultar" -> calls.consultar(a);
            case "LiberarConsulta" -> calls.liberarConsulta();
            case "Transferir" -> calls.transferir(a);
            case "TransfereVoiceMail" -> calls.transfereVoiceMail();
            case "ConferenciaAdicionar" -> conference.adicionar(a);
            case "ConferenciaIniciar" -> conference.iniciar();
            case "ConferenciaTerminar" -> conference.terminar();
            case "ConferenciaCancelar" -> conference.cancelar();
            case "ConferenciaRemover" -> conference.remover(stringArg(a, 0, m));
            case "ConferenciaSair" -> conference.sair();
            case "AlterarIntervaloTipo" -> session.alterarIntervalo(intArg(a, 0, m));
            case "AtendeChamadaNaFila" -> queue.atendeChamadaNaFila(stringArg(a, 0, m));
            case "CapturaDirigida" -> queue.capturaDirigida(a);
            case "SigaMe" -> {
                String numero = numeroArg(a, m);
                tipoDiscagemArg(a);
                queue.sigaMe(List.of(numero));
            }
            case "SigaMeMultiplo" -> queue.sigaMeMultiplo(a);
            case "CancelaSigaMe" -> queue.cancelaSigaMe();
            default -> throw new HubError("'" + method + "' method could not be resolved.");
        }
        return null;
    }

    // ---- scenarios (the PBX side acting on its own) ----

    /**
     * A call arrives. {@code dialer} carries the campaign fields (null for a plain inbound call).
     * Answered after {@code answerAfterMs} (the agent picks up on the SIP phone) or, when
     * {@code answer} is false, missed after {@code ringMs}. With follow-me on, the PBX forwards the call
     * and the extension sees nothing. Returns the new CanalId, or null when forwarded.
     */
    public synchronized String offerCall(String telefone, ObjectNode dialer, boolean answer, long answerAfterMs,
                                         long ringMs) {
        l.requireLoggedScenario();
        return pbx.offerCall(telefone, dialer, answer, answerAfterMs, ringMs);
    }

    /** A caller starts waiting in the extension's queue; returns its CanalId. */
    public synchronized String enqueue(String telefone) {
        l.requireLoggedScenario();
        return queue.enqueue(telefone);
    }

    /** The oldest waiting caller gives up; returns its CanalId. */
    public synchronized String abandonQueue() {
        l.requireLoggedScenario();
        return queue.abandon();
    }

    /** The PBX loses the extension (onConexaoErro): it must be logged in again with Iniciar. */
    public synchronized void connectionError(String message) {
        l.requireLoggedScenario();
        pbx.connectionError(message);
    }

    /** The PBX forgets the extension without saying so: the next method answers "Ramal não logado no Atendimento". */
    public synchronized void forgetSilently() {
        l.requireLoggedScenario();
        pbx.forgetSilently();
    }

    /** The customer hangs up. */
    public synchronized void remoteHangup() {
        l.requireLoggedScenario();
        pbx.remoteHangup();
    }

    /** The supervisor or the PBX puts the ramal in an interval (0 = out of any). */
    public synchronized void forceInterval(int id) {
        l.requireLoggedScenario();
        pbx.forceInterval(id);
    }

    /** The PBX marks the extension unavailable (true) or available again. */
    public synchronized void unavailable(boolean on) {
        l.requireLoggedScenario();
        pbx.unavailable(on);
    }

    /** Announces the recording of the last (or current) call; returns its GlobalId. */
    public synchronized String announceRecording(String globalId) {
        l.requireLoggedScenario();
        return pbx.announceRecording(globalId);
    }
}
