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

    /** The server methods with their canonical (C#) names, looked up case-insensitively. */
    public static final List<String> METHODS = List.of("Iniciar", "Terminar", "Discar", "Desligar",
            "IniciarEspera", "TerminarEspera", "Consultar", "Transferir", "ConferenciaAdicionar",
            "ConferenciaIniciar", "ConferenciaTerminar", "ConferenciaCancelar", "AlterarIntervaloTipo");

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    static {
        for (String m : METHODS) CANONICAL.put(m.toLowerCase(Locale.ROOT), m);
    }

    private static final AtomicLong CHANNELS = new AtomicLong(0x0a10);
    private static final AtomicLong GLOBAL_IDS = new AtomicLong(1);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static final String ERR_NOT_LOGGED = "Ramal não logado";
    public static final String ERR_ALREADY_LOGGED = "Ramal já está logado";
    public static final String ERR_UNKNOWN_DEVICE = "Ramal não encontrado";
    public static final String ERR_TIPO_LOGON = "Tipo de logon inválido";
    public static final String ERR_NUMERO = "Número inválido";
    public static final String ERR_TIPO_DISCAGEM = "Tipo de discagem inválido";
    public static final String ERR_BUSY = "Ramal já possui uma chamada em curso";
    public static final String ERR_INTERVAL_NO_DIAL = "Ramal em intervalo não permite discar";
    public static final String ERR_NO_CALL = "Nenhuma chamada ativa";
    public static final String ERR_ALREADY_HELD = "Chamada já está em espera";
    public static final String ERR_NOT_HELD = "Nenhuma chamada em espera";
    public static final String ERR_CONSULT_OPEN = "Encerre a consulta antes de retomar a chamada";
    public static final String ERR_CONSULT_EXISTS = "Já existe uma consulta em andamento";
    public static final String ERR_NO_CONSULT = "Nenhuma consulta em andamento";
    public static final String ERR_CONSULT_NOT_ANSWERED = "Consulta ainda não atendida";
    public static final String ERR_CONF_STARTED = "Conferência já iniciada";
    public static final String ERR_NO_CONF = "Nenhuma conferência em andamento";
    public static final String ERR_NO_PARTICIPANT = "Nenhum participante adicionado à conferência";
    public static final String ERR_UNKNOWN_INTERVAL = "Intervalo não encontrado";
    public static final String ERR_LOGOFF_IN_CALL = "Não é possível deslogar com chamada em curso";

    /** One leg the ramal is part of. */
    static final class Leg {
        final String canalId;
        final String telefone;
        final int tipoDiscagem;
        final String sentido;
        final int intervalAtStart;
        final Instant dataHora;
        final ObjectNode dialer;
        boolean answered;
        boolean held;
        String destino;

        Leg(String canalId, String telefone, int tipoDiscagem, String sentido, int intervalAtStart,
            Instant dataHora, ObjectNode dialer) {
            this.canalId = canalId;
            this.telefone = telefone;
            this.tipoDiscagem = tipoDiscagem;
            this.sentido = sentido;
            this.intervalAtStart = intervalAtStart;
            this.dataHora = dataHora;
            this.dialer = dialer;
        }
    }

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
    private int tipoLogon;
    private int intervalId;
    private Instant intervalSince;
    private Leg main;
    private Leg consult;
    private final List<Leg> participants = new ArrayList<>();
    private boolean conference;
    private Leg lastEnded;
    private boolean closed;

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

    /** The canonical name of a hub method, or null when the hub has none by that name. */
    public static String canonical(String method) {
        return method == null ? null : CANONICAL.get(method.toLowerCase(Locale.ROOT));
    }

    // ---- queries (for connections() and tests) ----

    public synchronized String ramal() {
        return device == null ? null : device.ramal();
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
        switch (m) {
            case "Iniciar" -> iniciar(a);
            case "Terminar" -> terminar();
            case "Discar" -> discar(a);
            case "Desligar" -> desligar();
            case "IniciarEspera" -> iniciarEspera();
            case "TerminarEspera" -> terminarEspera();
            case "Consultar" -> consultar(a);
            case "Transferir" -> transferir();
            case "ConferenciaAdicionar" -> conferenciaAdicionar(a);
            case "ConferenciaIniciar" -> conferenciaIniciar();
            case "ConferenciaTerminar" -> conferenciaTerminar();
            case "ConferenciaCancelar" -> conferenciaCancelar();
            case "AlterarIntervaloTipo" -> alterarIntervalo(intArg(a, 0, "AlterarIntervaloTipo"));
            default -> throw new HubError("'" + method + "' method could not be resolved.");
        }
        return null;
    }

    private void iniciar(ArrayNode a) {
        if (device != null) throw new HubError(ERR_ALREADY_LOGGED);
        String key = stringArg(a, 0, "Iniciar");
        int tipo = intArg(a, 1, "Iniciar");
        String erro = behaviour.takeLogadoErro();
        if (erro != null) {
            push("onLogadoErro", key, erro);
            return;
        }
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
        if (found == null) throw new HubError(ERR_UNKNOWN_DEVICE);
        device = found;
        tipoLogon = tipo;
        intervalId = findInterval(initialInterval) == null ? 0 : initialInterval;
        intervalSince = now();
        ObjectNode info = F.objectNode();
        info.put("Ramal", device.ramal());
        info.put("Usuario", usuario);
        info.put("Nome", nome);
        info.put("IdPa", device.idPa());
        info.put("Ip", device.ip());
        info.put("TipoLogon", tipoLogon);
        push("onLogado", device.ramal(), info);
        for (EpbxInterval i : intervals) {
            ObjectNode n = F.objectNode();
            n.put("RamalStatusDetalheId", i.id());
            n.put("Descricao", i.descricao());
            n.put("Produtivo", i.produtivo());
            push("onInfoIntervaloRamal", device.ramal(), n);
        }
        if (intervalId != 0) push("onInicioIntervalo", device.ramal(), intervalNode(intervalId, intervalSince));
    }

    private void terminar() {
        requireLogged();
        if (main != null || consult != null) throw new HubError(ERR_LOGOFF_IN_CALL);
        String ramal = device.ramal();
        device = null;
        intervalId = 0;
        push("onDeslogado", ramal);
    }

    private void discar(ArrayNode a) {
        requireLogged();
        String numero = numeroArg(a, "Discar");
        int tipo = tipoDiscagemArg(a);
        if (main != null) throw new HubError(ERR_BUSY);
        EpbxInterval current = findInterval(intervalId);
        if (current != null && !current.produtivo()) throw new HubError(ERR_INTERVAL_NO_DIAL);
        Leg leg = newLeg(numero, tipo, "Saida", null);
        main = leg;
        push("onChamada", device.ramal(), chamada(leg));
        farEnd(leg, behaviour.outboundOutcome, behaviour.outboundAnswerMs, false);
    }

    /** The far end of a leg the agent placed: answers, is busy or does not answer. */
    private void farEnd(Leg leg, SimBehaviour.Outcome outcome, long answerMs, boolean consultLeg) {
        switch (outcome) {
            case ANSWER -> scheduler.schedule(answerMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                leg.answered = true;
                push(consultLeg ? "onConsultaAtendido" : "onAtendido", device.ramal(), chamada(leg));
            }));
            case BUSY, NOANSWER -> scheduler.schedule(outcome == SimBehaviour.Outcome.BUSY ? behaviour.busyMs
                    : behaviour.noAnswerMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                if (consultLeg) {
                    consult = null;
                    push("onDesliga", device.ramal(), chamada(leg));
                } else {
                    endMain(false);
                }
            }));
        }
    }

    private void desligar() {
        requireLogged();
        if (consult != null) {
            Leg c = consult;
            consult = null;
            push("onDesliga", device.ramal(), chamada(c));
            return;
        }
        if (main == null) throw new HubError(ERR_NO_CALL);
        endMain(true);
    }

    /** Ends the customer call: conference, recording id and, after a dialer call, the wrap-up interval. */
    private void endMain(boolean recording) {
        Leg leg = main;
        main = null;
        if (conference) {
            conference = false;
            push("onConferenciaTermino", device.ramal(), chamada(leg));
        }
        participants.clear();
        lastEnded = leg;
        push("onDesliga", device.ramal(), chamada(leg));
        if (recording && leg.answered && behaviour.recordCalls) pushGlobalId(leg, null);
        int wrap = behaviour.dialerWrapUpInterval;
        if (leg.dialer != null && wrap != 0 && findInterval(wrap) != null && intervalId != wrap) {
            changeInterval(wrap);
        }
    }

    private String pushGlobalId(Leg leg, String wanted) {
        String globalId = wanted != null && !wanted.isBlank() ? wanted
                : clock.instant().getEpochSecond() + "." + GLOBAL_IDS.getAndIncrement();
        recordings.accept(globalId);
        push("onChamadaGlobalId", device.ramal(), chamada(leg), globalId);
        return globalId;
    }

    private void iniciarEspera() {
        requireLogged();
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (main.held) throw new HubError(ERR_ALREADY_HELD);
        main.held = true;
        push("onInicioEspera", device.ramal(), chamada(main));
    }

    private void terminarEspera() {
        requireLogged();
        if (main == null || !main.held) throw new HubError(ERR_NOT_HELD);
        if (consult != null) throw new HubError(ERR_CONSULT_OPEN);
        main.held = false;
        push("onTerminoEspera", device.ramal(), chamada(main));
    }

    private void consultar(ArrayNode a) {
        requireLogged();
        String numero = numeroArg(a, "Consultar");
        int tipo = tipoDiscagemArg(a);
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (consult != null) throw new HubError(ERR_CONSULT_EXISTS);
        if (!main.held) {
            main.held = true;
            push("onInicioEspera", device.ramal(), chamada(main));
        }
        Leg leg = newLeg(numero, tipo, "Saida", null);
        consult = leg;
        push("onChamada", device.ramal(), chamada(leg));
        farEnd(leg, behaviour.consultOutcome, behaviour.consultAnswerMs, true);
    }

    private void transferir() {
        requireLogged();
        if (consult == null || main == null) throw new HubError(ERR_NO_CONSULT);
        if (!consult.answered) throw new HubError(ERR_CONSULT_NOT_ANSWERED);
        Leg c = consult;
        consult = null;
        main.destino = c.telefone;
        push("onChamadaTransferida", device.ramal(), chamada(main));
        endMain(true);
        push("onDesliga", device.ramal(), chamada(c));
    }

    private void conferenciaAdicionar(ArrayNode a) {
        requireLogged();
        String numero = numeroArg(a, "ConferenciaAdicionar");
        int tipo = tipoDiscagemArg(a);
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        participants.add(newLeg(numero, tipo, "Saida", null));
    }

    private void conferenciaIniciar() {
        requireLogged();
        if (main == null || !main.answered) throw new HubError(ERR_NO_CALL);
        if (conference) throw new HubError(ERR_CONF_STARTED);
        if (participants.isEmpty()) {
            push("onConferenciaErro", device.ramal(), ERR_NO_PARTICIPANT);
            return;
        }
        String failure = behaviour.conferenceError;
        if (failure != null) {
            behaviour.conferenceError = null;
            participants.clear();
            push("onConferenciaErro", device.ramal(), failure);
            return;
        }
        conference = true;
        main.held = false;
        push("onConferenciaInicio", device.ramal(), chamada(main));
    }

    private void conferenciaTerminar() {
        requireLogged();
        if (!conference) throw new HubError(ERR_NO_CONF);
        // The vendor's sample shows the extension free on onConferenciaTermino: ending the conference
        // releases the whole call (onConferenciaTermino, onDesliga, onChamadaGlobalId), so the PBX and
        // a bar that follows the sample agree that the line is free.
        endMain(true);
    }

    private void conferenciaCancelar() {
        requireLogged();
        if (!conference && participants.isEmpty()) throw new HubError(ERR_NO_CONF);
        conference = false;
        participants.clear();
        if (main != null) push("onConferenciaTermino", device.ramal(), chamada(main));
    }

    private void alterarIntervalo(int id) {
        requireLogged();
        if (id != 0 && findInterval(id) == null) throw new HubError(ERR_UNKNOWN_INTERVAL);
        if (id == intervalId) return;
        changeInterval(id);
    }

    private void changeInterval(int id) {
        if (intervalId != 0) push("onTerminoIntervalo", device.ramal(), intervalNode(intervalId, intervalSince));
        intervalId = id;
        intervalSince = now();
        if (id != 0) push("onInicioIntervalo", device.ramal(), intervalNode(id, intervalSince));
    }

    // ---- scenarios (the PBX side acting on its own) ----

    /**
     * A call arrives. {@code dialer} carries the campaign fields (null for a plain inbound call).
     * Answered after {@code answerAfterMs} (the agent picks up on the SIP phone) or, when
     * {@code answer} is false, missed after {@code ringMs}. Returns the new CanalId.
     */
    public synchronized String offerCall(String telefone, ObjectNode dialer, boolean answer, long answerAfterMs,
                                         long ringMs) {
        requireLoggedScenario();
        if (main != null) throw new IllegalStateException("ramal " + device.ramal() + " already has a call");
        Leg leg = newLeg(telefone, 1, "Entrada", dialer);
        main = leg;
        push("onChamada", device.ramal(), chamada(leg));
        if (answer) {
            scheduler.schedule(answerAfterMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                leg.answered = true;
                push("onAtendido", device.ramal(), chamada(leg));
            }));
        } else {
            scheduler.schedule(ringMs, () -> later(() -> {
                if (!current(leg) || leg.answered) return;
                main = null;
                lastEnded = leg;
                push("onChamadaPerdida", device.ramal(), chamada(leg));
            }));
        }
        return leg.canalId;
    }

    /** The customer hangs up. */
    public synchronized void remoteHangup() {
        requireLoggedScenario();
        if (consult != null && main == null) {
            Leg c = consult;
            consult = null;
            push("onDesliga", device.ramal(), chamada(c));
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

    /** Announces the recording of the last (or current) call; returns its GlobalId. */
    public synchronized String announceRecording(String globalId) {
        requireLoggedScenario();
        Leg leg = main != null ? main : lastEnded;
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

    private boolean current(Leg leg) {
        return leg == main || leg == consult;
    }

    private Leg newLeg(String telefone, int tipo, String sentido, ObjectNode dialer) {
        String canal = "SIP/" + device.ramal() + "-" + String.format("%08x", CHANNELS.getAndIncrement());
        return new Leg(canal, telefone, tipo, sentido, intervalId, now(), dialer);
    }

    private ObjectNode chamada(Leg leg) {
        ObjectNode n = F.objectNode();
        n.put("CanalId", leg.canalId);
        n.put("Telefone", leg.telefone);
        n.put("TipoDiscagem", leg.tipoDiscagem);
        n.put("RamalStatusDetalheId", leg.intervalAtStart);
        n.put("DataHora", leg.dataHora.toString());
        n.put("Sentido", leg.sentido);
        if (leg.dialer != null) n.setAll(leg.dialer);
        if (leg.destino != null) n.put("Destino", leg.destino);
        return n;
    }

    private ObjectNode intervalNode(int id, Instant since) {
        EpbxInterval i = findInterval(id);
        ObjectNode n = F.objectNode();
        n.put("RamalStatusDetalheId", id);
        n.put("Descricao", i == null ? "" : i.descricao());
        n.put("Produtivo", i != null && i.produtivo());
        n.put("DataHoraInicio", since.toString());
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

    private void push(String event, Object... args) {
        if (closed) return;
        ArrayNode a = F.arrayNode();
        for (Object o : args) {
            if (o instanceof JsonNode j) a.add(j);
            else if (o instanceof Integer i) a.add(i);
            else a.add(String.valueOf(o));
        }
        sink.push(event, a);
    }

    private static String stringArg(ArrayNode a, int i, String method) {
        JsonNode n = a.get(i);
        if (n == null || n.isNull() || n.isContainerNode()) throw badArgs(method);
        return n.asText().trim();
    }

    private static int intArg(ArrayNode a, int i, String method) {
        JsonNode n = a.get(i);
        if (n == null || n.isNull()) throw badArgs(method);
        if (n.isIntegralNumber()) return n.asInt();
        try {
            return Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw badArgs(method);
        }
    }

    private static String numeroArg(ArrayNode a, String method) {
        String numero = stringArg(a, 0, method);
        if (numero.isEmpty() || !numero.matches("[0-9*#+]{2,20}")) throw new HubError(ERR_NUMERO);
        return numero;
    }

    private static int tipoDiscagemArg(ArrayNode a) {
        JsonNode n = a.get(1);
        int tipo;
        if (n == null || n.isNull()) {
            tipo = 0;
        } else if (n.isIntegralNumber()) {
            tipo = n.asInt();
        } else {
            try {
                tipo = Integer.parseInt(n.asText().trim());
            } catch (NumberFormatException e) {
                tipo = 0;
            }
        }
        if (tipo != 1 && tipo != 2) throw new HubError(ERR_TIPO_DISCAGEM);
        return tipo;
    }

    private static HubError badArgs(String method) {
        return new HubError("Parâmetros inválidos para " + method);
    }
}
