package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static dev.unibar.connectors.epbx.sim.HubArgs.badArgs;
import static dev.unibar.connectors.epbx.sim.HubArgs.intArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.numeroArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.stringArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.tipoDiscagemArg;
import static dev.unibar.connectors.epbx.sim.HubTexts.*;

/**
 * The AtendimentoHub of one SignalR connection: the ramal it logged in, its interval and its calls.
 * Transport-free so it can be driven directly by tests: pushes leave through {@link Sink}, the far
 * end's delayed reactions through {@link Scheduler}. All entry points are synchronized on the hub, and
 * delayed reactions re-check that the call they belong to is still there, because the agent may have
 * hung up in between.
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

    private static final AtomicLong CHANNELS = new AtomicLong(0x0a10);
    private static final AtomicLong GLOBAL_IDS = new AtomicLong(1);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String usuario;
    private final String nome;
    private final List<EpbxDevice> devices;
    private final List<EpbxInterval> intervals;
    private final SimBehaviour behaviour;
    private final Sink sink;
    private final Scheduler scheduler;
    private final Consumer<String> recordings;
    private final Clock clock;
    private final int initialInterval;

    private EpbxDevice device;
    /** The device of the last Iniciar: a second Iniciar after onConexaoErro keeps its interval. */
    private EpbxDevice lastDevice;
    private int tipoLogon;
    private int intervalId;
    private Instant intervalSince;
    private HubLeg main;
    private HubLeg consult;
    private final List<HubLeg> participants = new ArrayList<>();
    private boolean conference;
    private HubLeg lastEnded;
    private boolean closed;
    /** Calls waiting in the extension's queue, oldest first. */
    private final List<HubLeg> queue = new ArrayList<>();
    /** Follow-me numbers; an inbound call is forwarded there instead of ringing. */
    private List<String> followMe = List.of();
    /** An interval asked for during a call: it starts when the call ends (RamalStatusDestinoId 1). */
    private int pendingInterval = -1;
    private Extensions extensions = (r, h) -> null;

    public AtendimentoHub(String usuario, String nome, List<EpbxDevice> devices, List<EpbxInterval> intervals,
                          int initialInterval, SimBehaviour behaviour, Sink sink, Scheduler scheduler,
                          Consumer<String> recordings, Clock clock) {
        this.usuario = usuario;
        this.nome = nome;
        this.devices = List.copyOf(devices);
        this.intervals = List.copyOf(intervals);
        this.initialInterval = initialInterval;
        this.behaviour = Objects.requireNonNull(behaviour);
        this.sink = Objects.requireNonNull(sink);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.recordings = recordings == null ? g -> { } : recordings;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Set once by the simulator before the hub is used. */
    void extensions(Extensions e) {
        extensions = Objects.requireNonNull(e);
    }

    /** The canonical name of a hub method, or null when the hub has none by that name. */
    public static String canonical(String method) {
        return method == null ? null : CANONICAL.get(method.toLowerCase(Locale.ROOT));
    }

    // ---- queries (for connections() and tests) ----

    public synchronized String ramal() {
        return device == null ? null : device.ramal();
    }

    public String usuario() {
        return usuario;
    }

    public synchronized boolean loggedIn() {
        return device != null;
    }

    public synchronized int intervalId() {
        return intervalId;
    }

    /** CanalId of the customer call, or null. */
    public synchronized String mainCanalId() {
        return main == null ? null : main.canalId;
    }

    public synchronized String consultCanalId() {
        return consult == null ? null : consult.canalId;
    }

    public synchronized boolean mainAnswered() {
        return main != null && main.answered;
    }

    public synchronized boolean mainHeld() {
        return main != null && main.held;
    }

    public synchronized boolean conferenceActive() {
        return conference;
    }

    public synchronized int participantCount() {
        return participants.size();
    }

    public synchronized List<String> queuedCanalIds() {
        List<String> ids = new ArrayList<>();
        for (HubLeg l : queue) ids.add(l.canalId);
        return ids;
    }

    public synchronized List<String> followMe() {
        return followMe;
    }

    /** The REST ChamadaAtiva: the customer call as ChamadaInfo, or null. */
    public synchronized ObjectNode chamadaAtiva() {
        return device == null || main == null ? null : chamada(main);
    }

    /** The REST IntervaloAtual: the current interval as IntervaloInfo, or null when not logged in. */
    public synchronized ObjectNode intervaloAtual() {
        return device == null ? null : VendorShapes.intervalo(findInterval(intervalId), intervalId, false);
    }

    /** The connection is gone: delayed reactions must not push any more. */
    public synchronized void close() {
        closed = true;
    }

    // ---- invocation ----

    /**
     * Runs a hub method. Returns the invocation's result (null = none); throws {@link HubError} with
     * the Portuguese message the client shows when the state forbids it.
     */
    public synchronized JsonNode invoke(String method, JsonNode args) {
        String m = canonical(method);
        if (m == null) throw new HubError("'" + method + "' method could not be resolved.");
        ArrayNode a = args instanceof ArrayNode an ? an : F.arrayNode();
        String rejection = behaviour.takeRejection(m);
        if (rejection != null) throw new HubError(rejection);
        if (!m.equals("Iniciar")) requireLogged();
        switch (m) {
            case "Iniciar" -> iniciar(a);
            case "Terminar" -> terminar();
            case "Discar" -> discar(a);
            case "Desligar" -> desligar();
            case "DesligarChamada" -> desligarChamada(stringArg(a, 0, m));
            case "IniciarEspera" -> iniciarEspera();
            case "TerminarEspera" -> terminarEspera();
            case "Consultar" -> consultar(a);
            case "LiberarConsulta" -> liberarConsulta();
            case "Transferir" -> transferir(a);
            case "ConferenciaAdicionar" -> conferenciaAdicionar(a);
            case "ConferenciaIniciar" -> conferenciaIniciar();
            case "ConferenciaTerminar" -> conferenciaTerminar();
            case "ConferenciaCancelar" -> conferenciaCancelar();
            case "ConferenciaRemover" -> conferenciaRemover(stringArg(a, 0, m));
            case "ConferenciaSair" -> conferenciaSair();
            case "AlterarIntervaloTipo" -> alterarIntervalo(intArg(a, 0, m));
            case "AtendeChamadaNaFila" -> atendeChamadaNaFila(stringArg(a, 0, m));
            case "CapturaDirigida" -> capturaDirigida(a);
            case "SigaMe" -> sigaMe(List.of(numeroArg(a, m)), tipoDiscagemArg(a));
            case "SigaMeMultiplo" -> sigaMeMultiplo(a);
            case "CancelaSigaMe" -> followMe = List.of();
            case "TransfereVoiceMail" -> transfereVoiceMail();
            default -> throw new HubError("'" + method + "' method could not be resolved.");
        }
        return null;
    }

    private void iniciar(ArrayNode a) {
        if (device != null) throw new HubError(ERR_ALREADY_LOGGED);
        String key = stringArg(a, 0, "Iniciar");
        int tipo = intArg(a, 1, "Iniciar");
        EpbxDevice found = null;
        for (EpbxDevice d : devices) {
            boolean match = switch (tipo) {
                case 1 -> key.equals(String.valueOf(d.idPa()));
                case 2 -> key.equals(d.ip());
                case 3 -> key.equals(d.ramal());
                default -> throw new HubError(ERR_TIPO_LOGON);
            };
            if (match) {
                found = d;
                break;
            }
        }
        String erro = behaviour.takeLogadoErro();
        if (erro != null) {
            push("onLogadoErro", VendorShapes.ramalInfo(found == null ? "0" : found.ramal()), VendorShapes.exception(erro));
            return;
        }
        if (found == null) throw new HubError(ERR_UNKNOWN_DEVICE);
        boolean again = found.equals(lastDevice);
        device = found;
        lastDevice = found;
        tipoLogon = tipo;
        if (!again) {
            intervalId = findInterval(initialInterval) == null ? 0 : initialInterval;
            intervalSince = now();
        }
        AtendimentoHub before = extensions.loggedIn(found.ramal(), this);
        if (before != null && before != this) takeCallsFrom(before);
        push("onLogado", ri());
        for (EpbxInterval i : intervals) push("onInfoIntervaloRamal", ri(), VendorShapes.intervalo(i, i.id(), false));
        if (intervalId != 0) {
            push("onSetIntervaloRamal", ri(), VendorShapes.intervalo(findInterval(intervalId), intervalId, false));
            push("onInicioIntervalo", ri());
        }
    }

    /**
     * A new connection logged in the extension that a lost connection left: the calls on the PBX carry
     * over (the middleware's interval does not). Nothing is pushed: a client asks ChamadaAtiva.
     */
    private void takeCallsFrom(AtendimentoHub before) {
        synchronized (before) {
            if (!before.closed) return;
            main = before.main;
            consult = before.consult;
            participants.addAll(before.participants);
            conference = before.conference;
            queue.addAll(before.queue);
            followMe = before.followMe;
            lastEnded = before.lastEnded;
            before.main = null;
            before.consult = null;
            before.participants.clear();
            before.conference = false;
            before.queue.clear();
        }
    }

    private void terminar() {
        if (main != null || consult != null) throw new HubError(ERR_LOGOFF_IN_CALL);
        ObjectNode r = ri();
        device = null;
        lastDevice = null;
        intervalId = 0;
        push("onDeslogado", r);
    }

    private void discar(ArrayNode a) {
        String numero = numeroArg(a, "Discar");
        int tipo = tipoDiscagemArg(a);
        if (main != null) throw new HubError(ERR_BUSY);
        EpbxInterval current = findInterval(intervalId);
        if (current != null && !current.produtivo()) throw new HubError(ERR_INTERVAL_NO_DIAL);
        HubLeg leg = newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        main = leg;
        String error = behaviour.takeDialError();
        if (error != null) {
            main = null;
            push("onDisca", ri(), chamada(leg));
            push("onDiscaErro", ri(), chamada(leg), VendorShapes.exception(error));
            return;
        }
        push("onDisca", ri(), chamada(leg));
        farEnd(leg, behaviour.outboundOutcome, behaviour.outboundAnswerMs, false);
    }

    /** The far end of a leg the agent placed: answers, is busy or does not answer (onDiscaStatus, then onDesliga). */
    private void farEnd(HubLeg leg, SimBehaviour.Outcome outcome, long answerMs, boolean consultLeg) {
        switch (outcome) {
            case ANSWER -> scheduler.schedule(answerMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                leg.answered = true;
                if (!consultLeg) leg.globalId = answeredGlobalId();
                push(consultLeg ? "onConsultaAtendido" : "onAtendido", ri(), chamada(leg));
            }));
            case BUSY, NOANSWER -> scheduler.schedule(outcome == SimBehaviour.Outcome.BUSY ? behaviour.busyMs
                    : behaviour.noAnswerMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                int status = outcome == SimBehaviour.Outcome.BUSY ? VendorShapes.OCUPADO : VendorShapes.NAO_ATENDE;
                push("onDiscaStatus", ri(), chamada(leg), VendorShapes.resultado("DAHDI/i1-" + leg.canalId.substring(
                        leg.canalId.length() - 4), status));
                if (consultLeg) {
                    consult = null;
                    push("onDesliga", ri(), chamada(leg));
                } else {
                    endMain(false);
                }
            }));
        }
    }

    private void desligar() {
        if (consult != null) {
            HubLeg c = consult;
            consult = null;
            push("onDesliga", ri(), chamada(c));
            return;
        }
        if (main == null) throw new HubError(ERR_NO_CALL);
        endMain(true);
    }

    private void desligarChamada(String canalId) {
        if (consult != null && consult.canalId.equals(canalId)) {
            HubLeg c = consult;
            consult = null;
            push("onDesliga", ri(), chamada(c));
        } else if (main != null && main.canalId.equals(canalId)) {
            if (consult != null) {
                // The held customer is released; the consultation becomes the agent's only call.
                HubLeg m = main;
                main = consult;
                consult = null;
                lastEnded = m;
                push("onDesliga", ri(), chamada(m));
                pushRecording(m);
            } else {
                endMain(true);
            }
        } else {
            throw new HubError(ERR_NO_SUCH_CALL);
        }
    }

    /** Ends the customer call: conference, recording id, the pending interval and, after a dialer call, wrap-up. */
    private void endMain(boolean recording) {
        HubLeg leg = main;
        main = null;
        if (conference) {
            conference = false;
            push("onConferenciaTermino", ri());
        }
        participants.clear();
        lastEnded = leg;
        push("onDesliga", ri(), chamada(leg));
        if (recording) pushRecording(leg);
        if (pendingInterval >= 0) {
            int p = pendingInterval;
            pendingInterval = -1;
            changeInterval(p);
            return;
        }
        int wrap = behaviour.dialerWrapUpInterval;
        if (leg.dialer != null && wrap != 0 && findInterval(wrap) != null && intervalId != wrap) changeInterval(wrap);
    }

    private void pushRecording(HubLeg leg) {
        if (leg.answered && behaviour.recordCalls) pushGlobalId(leg, leg.globalId);
    }

    private String newGlobalId() {
        return Long.toHexString(clock.instant().getEpochSecond()) + String.format("%08x", GLOBAL_IDS.getAndIncrement());
    }

    /** The GlobalId onAtendido carries; none while recording is off (nothing could be downloaded). */
    private String answeredGlobalId() {
        return behaviour.recordCalls ? newGlobalId() : null;
    }

    private String pushGlobalId(HubLeg leg, String wanted) {
        String globalId = wanted != null && !wanted.isBlank() ? wanted : newGlobalId();
        leg.globalId = globalId;
        recordings.accept(globalId);
        push("onChamadaGlobalId", ri(), chamada(leg), globalId);
        return globalId;
    }

    private void iniciarEspera() {
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (main.held) throw new HubError(ERR_ALREADY_HELD);
        main.held = true;
        push("onInicioEspera", ri());
    }

    private void terminarEspera() {
        if (main == null || !main.held) throw new HubError(ERR_NOT_HELD);
        if (consult != null) throw new HubError(ERR_CONSULT_OPEN);
        main.held = false;
        push("onTerminoEspera", ri());
    }

    private void consultar(ArrayNode a) {
        String numero = numeroArg(a, "Consultar");
        int tipo = tipoDiscagemArg(a);
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (consult != null) throw new HubError(ERR_CONSULT_EXISTS);
        if (!main.held) {
            main.held = true;
            push("onInicioEspera", ri());
        }
        HubLeg leg = newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        consult = leg;
        push("onConsultaChamada", ri(), chamada(leg));
        farEnd(leg, behaviour.consultOutcome, behaviour.consultAnswerMs, true);
    }

    /** Hangs up the consultation and returns to the held call (app.js: "volta para a chamada que estava em espera"). */
    private void liberarConsulta() {
        if (consult == null) throw new HubError(ERR_NO_CONSULT);
        HubLeg c = consult;
        consult = null;
        push("onDesliga", ri(), chamada(c));
        if (main != null && main.held) {
            main.held = false;
            push("onTerminoEspera", ri());
        }
    }

    /** Transferir(numero, tipo) is blind (the C# client, Salesforce); Transferir() completes a consultation (the JS sample). */
    private void transferir(ArrayNode a) {
        boolean blind = a.size() > 0 && !a.get(0).isNull() && !a.get(0).asText().isBlank();
        if (blind) {
            numeroArg(a, "Transferir");
            tipoDiscagemArg(a);
            if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
            if (consult != null) throw new HubError(ERR_CONSULT_EXISTS);
            push("onChamadaTransferida", ri(), chamada(main));
            endMain(true);
            return;
        }
        if (consult == null || main == null) throw new HubError(ERR_NO_CONSULT);
        if (!consult.answered) throw new HubError(ERR_CONSULT_NOT_ANSWERED);
        HubLeg c = consult;
        consult = null;
        push("onChamadaTransferida", ri(), chamada(main));
        endMain(true);
        push("onDesliga", ri(), chamada(c));
    }

    private void transfereVoiceMail() {
        if (main == null) throw new HubError(ERR_NO_CALL);
        push("onChamadaTransferida", ri(), chamada(main));
        endMain(false);
    }

    // ---- conference: participants are dialed when it starts, each leg reported ----

    private void conferenciaAdicionar(ArrayNode a) {
        String numero = numeroArg(a, "ConferenciaAdicionar");
        int tipo = tipoDiscagemArg(a);
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        HubLeg leg = newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        participants.add(leg);
        if (conference) dialParticipant(leg);
    }

    private void conferenciaIniciar() {
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (conference) throw new HubError(ERR_CONF_STARTED);
        if (participants.isEmpty()) {
            push("onConferenciaErro", ri(), VendorShapes.exception(ERR_NO_PARTICIPANT));
            return;
        }
        String failure = behaviour.conferenceError;
        if (failure != null) {
            behaviour.conferenceError = null;
            participants.clear();
            push("onConferenciaErro", ri(), VendorShapes.exception(failure));
            return;
        }
        conference = true;
        main.held = false;
        for (HubLeg p : new ArrayList<>(participants)) dialParticipant(p);
        push("onConferenciaInicio", ri());
    }

    private void dialParticipant(HubLeg p) {
        push("onConferenciaDisca", ri(), chamada(p));
        if (behaviour.isBusy(p.telefone)) {
            participants.remove(p);
            push("onConferenciaDiscaErro", ri(), VendorShapes.exception("Número ocupado"));
            return;
        }
        p.answered = true;
        push("onConferenciaAtendido", ri(), chamada(p));
    }

    private void conferenciaTerminar() {
        if (!conference) throw new HubError(ERR_NO_CONF);
        for (HubLeg p : participants) push("onConferenciaChamadaEncerrada", ri(), chamada(p));
        participants.clear();
        // The vendor's sample frees the extension on onConferenciaTermino: ending the conference ends the call.
        endMain(true);
    }

    private void conferenciaCancelar() {
        if (!conference && participants.isEmpty()) throw new HubError(ERR_NO_CONF);
        for (HubLeg p : participants) if (p.answered) push("onConferenciaChamadaEncerrada", ri(), chamada(p));
        participants.clear();
        if (conference) {
            conference = false;
            push("onConferenciaTermino", ri());
        }
    }

    private void conferenciaRemover(String numero) {
        if (!conference) throw new HubError(ERR_NO_CONF);
        HubLeg found = null;
        for (HubLeg p : participants) if (p.telefone.equals(numero)) found = p;
        if (found == null) throw new HubError(ERR_NOT_PARTICIPANT);
        participants.remove(found);
        push("onConferenciaChamadaEncerrada", ri(), chamada(found));
    }

    /** The agent leaves; the customer and the participants keep talking without the extension. */
    private void conferenciaSair() {
        if (!conference) throw new HubError(ERR_NO_CONF);
        HubLeg leg = main;
        main = null;
        conference = false;
        participants.clear();
        lastEnded = leg;
        push("onConferenciaTermino", ri());
        push("onDesliga", ri(), chamada(leg));
    }

    // ---- intervals ----

    private void alterarIntervalo(int id) {
        if (id != 0 && findInterval(id) == null) {
            push("onAlterarIntervaloTipoErro", ri(), VendorShapes.exception(ERR_UNKNOWN_INTERVAL));
            return;
        }
        if (id == intervalId) return;
        if (main != null && id != 0) {
            // During a call the interval waits for the call to end (RamalStatusDestinoId 1 in the vendor's WPF sample).
            pendingInterval = id;
            push("onSetIntervaloRamal", ri(), VendorShapes.intervalo(findInterval(id), id, true));
            return;
        }
        changeInterval(id);
    }

    private void changeInterval(int id) {
        if (intervalId != 0) push("onTerminoIntervalo", ri());
        intervalId = id;
        intervalSince = now();
        push("onSetIntervaloRamal", ri(), VendorShapes.intervalo(findInterval(id), id, false));
        if (id != 0) push("onInicioIntervalo", ri());
    }

    // ---- queue, pick-up, follow-me ----

    private void atendeChamadaNaFila(String canalId) {
        HubLeg found = null;
        for (HubLeg q : queue) if (q.canalId.equals(canalId)) found = q;
        if (found == null) throw new HubError(ERR_NOT_IN_QUEUE);
        if (main != null) throw new HubError(ERR_BUSY);
        queue.remove(found);
        push("onChamadaSaiuDaFila", ri(), chamada(found));
        main = found;
        found.answered = true;
        found.globalId = answeredGlobalId();
        push("onChamada", ri(), chamada(found));
        push("onAtendido", ri(), chamada(found));
    }

    /** Picks up a call ringing at another extension of the group (the JS sample passes the extension). */
    private void capturaDirigida(ArrayNode a) {
        if (main != null) throw new HubError(ERR_BUSY);
        String from = behaviour.takePickup();
        if (from == null) throw new HubError(ERR_NOTHING_TO_PICK);
        HubLeg leg = newLeg(from, VendorShapes.EXTERNA, VendorShapes.DIRECAO_ENTRANTE, null);
        main = leg;
        leg.answered = true;
        leg.globalId = answeredGlobalId();
        push("onChamada", ri(), chamada(leg));
        push("onAtendido", ri(), chamada(leg));
    }

    private void sigaMe(List<String> numbers, int tipo) {
        followMe = List.copyOf(numbers);
    }

    private void sigaMeMultiplo(ArrayNode a) {
        JsonNode list = a.get(0);
        if (list == null || !list.isArray() || list.isEmpty()) throw badArgs("SigaMeMultiplo");
        List<String> numbers = new ArrayList<>();
        for (JsonNode n : list) {
            String s = n.asText().trim();
            if (!s.matches("[0-9*#+]{2,20}")) throw new HubError(ERR_NUMERO);
            numbers.add(s);
        }
        followMe = List.copyOf(numbers);
        push("onNumerosSigaMeMultiplo", ri());
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
        requireLoggedScenario();
        if (main != null) throw new IllegalStateException("ramal " + device.ramal() + " already has a call");
        if (!followMe.isEmpty() && dialer == null) return null;
        HubLeg leg = newLeg(telefone, VendorShapes.EXTERNA, dialer != null ? VendorShapes.DIRECAO_SAINTE
                : VendorShapes.DIRECAO_ENTRANTE, dialer);
        main = leg;
        push("onChamada", ri(), chamada(leg));
        if (answer) {
            scheduler.schedule(answerAfterMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                leg.answered = true;
                leg.globalId = answeredGlobalId();
                push("onAtendido", ri(), chamada(leg));
            }));
        } else {
            scheduler.schedule(ringMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                main = null;
                lastEnded = leg;
                push("onChamadaPerdida", ri(), chamada(leg));
            }));
        }
        return leg.canalId;
    }

    /** A caller starts waiting in the extension's queue; returns its CanalId. */
    public synchronized String enqueue(String telefone) {
        requireLoggedScenario();
        HubLeg leg = newLeg(telefone, VendorShapes.EXTERNA, VendorShapes.DIRECAO_ENTRANTE, null);
        queue.add(leg);
        push("onChamadaEntrouNaFila", ri(), chamada(leg));
        return leg.canalId;
    }

    /** The oldest waiting caller gives up; returns its CanalId. */
    public synchronized String abandonQueue() {
        requireLoggedScenario();
        if (queue.isEmpty()) throw new IllegalStateException("nobody is waiting");
        HubLeg leg = queue.remove(0);
        push("onChamadaSaiuDaFila", ri(), chamada(leg));
        return leg.canalId;
    }

    /** The PBX loses the extension (onConexaoErro): it must be logged in again with Iniciar. */
    public synchronized void connectionError(String message) {
        requireLoggedScenario();
        ObjectNode r = ri();
        device = null;
        push("onConexaoErro", r, VendorShapes.exception(message));
    }

    /** The PBX forgets the extension without saying so: the next method answers "Ramal não logado no Atendimento". */
    public synchronized void forgetSilently() {
        requireLoggedScenario();
        device = null;
    }

    /** The customer hangs up. */
    public synchronized void remoteHangup() {
        requireLoggedScenario();
        if (consult != null && main == null) {
            HubLeg c = consult;
            consult = null;
            push("onDesliga", ri(), chamada(c));
            return;
        }
        if (main == null) throw new IllegalStateException("no call to hang up");
        endMain(true);
    }

    /** The supervisor or the PBX puts the ramal in an interval (0 = out of any). */
    public synchronized void forceInterval(int id) {
        requireLoggedScenario();
        if (id != 0 && findInterval(id) == null) throw new IllegalStateException("unknown interval " + id);
        if (id != intervalId) changeInterval(id);
    }

    /** The PBX marks the extension unavailable (true) or available again. */
    public synchronized void unavailable(boolean on) {
        requireLoggedScenario();
        push(on ? "onInicioNaoDisponivel" : "onTerminoNaoDisponivel", ri());
    }

    /** Announces the recording of the last (or current) call; returns its GlobalId. */
    public synchronized String announceRecording(String globalId) {
        requireLoggedScenario();
        HubLeg leg = main != null ? main : lastEnded;
        if (leg == null) throw new IllegalStateException("no call to attach a recording to");
        return pushGlobalId(leg, globalId);
    }

    // ---- helpers ----

    private void later(Runnable r) {
        synchronized (this) {
            if (closed || device == null) return;
            r.run();
        }
    }

    private boolean current(HubLeg leg) {
        return leg == main || leg == consult;
    }

    private ObjectNode ri() {
        return VendorShapes.ramalInfo(device.ramal());
    }

    private HubLeg newLeg(String telefone, int tipo, int direcao, ObjectNode dialer) {
        String canal = "SIP/" + device.ramal() + "-" + String.format("%08x", CHANNELS.getAndIncrement());
        return new HubLeg(canal, telefone, tipo, direcao, intervalId, now(), dialer);
    }

    /** ChamadaInfo as ModelsAndEnums.cs declares it, plus Direcao and GlobalId that the JS sample reads. */
    private ObjectNode chamada(HubLeg leg) {
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

    private EpbxInterval findInterval(int id) {
        for (EpbxInterval i : intervals) if (i.id() == id) return i;
        return null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void requireLogged() {
        if (device == null) throw new HubError(ERR_NOT_LOGGED);
    }

    private void requireLoggedScenario() {
        if (device == null) throw new IllegalStateException("ramal not logged in on this connection");
    }

    private void push(String event, JsonNode... args) {
        if (closed) return;
        ArrayNode a = F.arrayNode();
        for (JsonNode o : args) a.add(o);
        sink.push(event, a);
    }

    private void push(String event, JsonNode r, JsonNode c, String globalId) {
        if (closed) return;
        ArrayNode a = F.arrayNode();
        a.add(r);
        a.add(c);
        a.add(globalId);
        sink.push(event, a);
    }
}
