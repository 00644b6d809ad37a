package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.unibar.connectors.epbx.EpbxShapes.chamada;
import static dev.unibar.connectors.epbx.EpbxShapes.exception;
import static dev.unibar.connectors.epbx.EpbxShapes.intervalo;
import static dev.unibar.connectors.epbx.EpbxShapes.ramal;
import static dev.unibar.connectors.epbx.EpbxShapes.text;

/**
 * EPBX hub client events ({@code {"callback":"onChamada","args":[{"Ramal":1000}, chamada]}}) to
 * CONTRACT events; the table of every event is docs/vendors/epbx-protocol.md.
 *
 * <p>Stateful per session: EPBX reports one fact per event (pause reasons one at a time, the current
 * interval apart from its start, a dial's outcome before its hang-up), and the events that carry only
 * the RamalInfo (hold, conference start, intervals) act on what the bar already has. Not thread safe:
 * the connector calls it from one dispatch thread, translate from one loop.
 */
public final class EpbxMapper implements VendorMapper {

    public static final String VENDOR = "epbx";

    private final String serviceBase;
    private final String inboundDirecao;
    private final EpbxIntervals intervals;
    private final EpbxCalls calls;
    private final Map<String, String> globalIds = new LinkedHashMap<>();
    private final Map<String, dev.unibar.core.model.Call> queue = new LinkedHashMap<>();
    private List<String> followMe = List.of();
    private Agent agent;
    private String ramal;
    private String login;

    /** A mapper without connection details (translate): recording URLs are relative to the service base. */
    public EpbxMapper() {
        this(null, null, null, null);
    }

    /**
     * @param serviceBase    e.g. {@code http://server/Service/}; null leaves recording URLs relative
     * @param wrapUpInterval the after-call-work interval id, or null for the one labelled "Pós…"
     * @param readyInterval  the interval id that means available (default {@code 0})
     * @param inboundDirecao the {@code Direcao} value of an inbound call (default {@code 2})
     */
    public EpbxMapper(String serviceBase, String wrapUpInterval, String readyInterval, String inboundDirecao) {
        this.serviceBase = serviceBase == null ? "" : serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        this.inboundDirecao = blank(inboundDirecao) ? "2" : inboundDirecao.trim();
        this.intervals = new EpbxIntervals(VENDOR, blank(wrapUpInterval) ? null : wrapUpInterval.trim(),
                blank(readyInterval) ? "0" : readyInterval.trim());
        this.calls = new EpbxCalls(VENDOR, this.inboundDirecao);
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    /** Who logged in (the hub's onLogado names only the extension). */
    public void loggedInAs(String username) {
        this.login = blank(username) ? null : username;
    }

    /** The extension of the last RamalInfo seen, or null. */
    public String currentRamal() {
        return ramal;
    }

    /** The number the connector transfers to: onChamadaTransferida does not carry it. */
    public void transferringTo(String number) {
        calls.transferringTo(number);
    }

    /** The numbers sent with SigaMeMultiplo: onNumerosSigaMeMultiplo confirms them without naming them. */
    public void followMeNumbers(List<String> numbers) {
        followMe = numbers == null ? List.of() : List.copyOf(numbers);
    }

    public String globalIdOf(String callId) {
        return globalIds.get(callId);
    }

    public List<String> openCallIds() {
        return calls.openIds();
    }

    /** The talking consultation leg's number and TipoDiscagem, or null: whom a conference in it joins. */
    EpbxCalls.Consulted consulted() {
        return calls.consulted();
    }

    /** The call the bar is on (not a consultation leg), or null. */
    public String currentCallId() {
        return calls.current();
    }

    /** The middleware forgot the session (restart): intervals are announced again, calls are checked by {@link #reconcile}. */
    public void sessionRestarted() {
        intervals.reset();
    }

    @Override
    public List<Event> map(JsonNode line) throws MalformedCaptureException {
        JsonNode cb = line.get("callback");
        if (cb == null || !cb.isTextual() || cb.asText().isBlank()) throw new MalformedCaptureException("no callback name");
        JsonNode args = line.get("args");
        if (args == null || !args.isArray()) throw new MalformedCaptureException("args is not an array");
        String name = cb.asText();
        String key = name.toLowerCase(Locale.ROOT);
        if (!key.equals("onmodelchanged") && !key.startsWith("onsignalr") && args.size() > 0) {
            ramal = ramal(args, name);
        }
        // SignalR clients match client methods case-insensitively (the C# client subscribes "OnChamada").
        switch (key) {
            case "onlogado": return onLogado(name, args);
            case "onlogadoerro": return List.of(EpbxKnownErrors.loginError(VENDOR, exception(args, name)));
            case "ondeslogado": return onDeslogado(name, args);
            case "onconexaoerro": return notice(NoticeLevel.WARNING, exception(args, name));
            case "oninfointervaloramal": return intervals.offered(intervalo(args, name));
            case "onsetintervaloramal": return intervals.set(intervalo(args, name), calls.lastEnded());
            case "oniniciointervalo": return onInicioIntervalo(name, args);
            case "onterminointervalo": return intervals.ended(calls.lastEnded());
            case "onicionaodisponivel":
            case "oninicionaodisponivel": return intervals.unavailable(true, calls.lastEnded());
            case "onterminonaodisponivel": return intervals.unavailable(false, calls.lastEnded());
            case "onalterarintervalotipoerro": return notice(NoticeLevel.ERROR, exception(args, name));
            case "onchamada": return calls.offered(chamada(args, name), ramal);
            case "ondisca": return calls.dialing(chamada(args, name), ramal, false);
            case "onconsultachamada": return calls.dialing(chamada(args, name), ramal, true);
            case "ondiscastatus": return calls.dialStatus(args, name);
            case "ondiscaerro": return calls.dialError(args, name);
            case "onatendido":
            case "onconsultaatendido": return onAtendido(name, args);
            case "ondesliga": return calls.ended(chamada(args, name), null);
            case "onchamadaperdida": return calls.ended(chamada(args, name), "missed");
            case "onchamadatransferida": return calls.transferred(chamada(args, name));
            case "onchamadaglobalid": return onGlobalId(name, args);
            case "onchamadaentrounafila": return queueEntered(chamada(args, name));
            case "onchamadasaiudafila": return queueLeft(chamada(args, name));
            case "oninicioespera": return calls.onCurrent(name, args, id -> new Event.CallHeld(VENDOR, null, id));
            case "onterminoespera": return calls.onCurrent(name, args, id -> new Event.CallResumed(VENDOR, null, id));
            case "onconferenciainicio":
            case "onentrouemconferencia":
                return calls.onCurrent(name, args, id -> new Event.CallConferenced(VENDOR, null, id));
            case "onconferenciatermino": return calls.conferenceEnded(name, args);
            case "onconferenciaerro": return notice(NoticeLevel.ERROR, exception(args, name));
            case "onconferenciadisca": return calls.participant(name, args, "dialing");
            case "onconferenciaatendido": return calls.participant(name, args, "connected");
            case "onconferenciachamadaencerrada": return calls.participant(name, args, "left");
            case "onconferenciadiscaerro": return calls.participant(name, args, "failed");
            case "onnumerossigamemultiplo": return List.of(new Event.AgentFollowMe(VENDOR, null, true, followMe));
            case "onsignalrdesconectado": return List.of(Event.Notice.keyed(VENDOR, null, NoticeLevel.WARNING, "epbx.signalrLost"));
            case "onmodelchanged": return onModelChanged(name, args);
            default: return List.of(new Event.VendorUnmapped(VENDOR, null, name));
        }
    }

    private List<Event> onLogado(String name, JsonNode args) throws MalformedCaptureException {
        String ext = ramal(args, name);
        // A second object with Nome/Usuario is read when a middleware sends one (assumed; the samples pass only RamalInfo).
        JsonNode info = args.size() > 1 && args.get(1).isObject() ? args.get(1) : null;
        String user = text(info, "Usuario") != null ? text(info, "Usuario") : login;
        agent = new Agent(null, text(info, "Nome"), user, ext, null);
        List<Event> out = new ArrayList<>(List.of(
                new Event.AgentLoggedIn(VENDOR, null, agent),
                new Event.DevicePaired(VENDOR, null, new Device(ext, ext)),
                new Event.SessionReady(VENDOR, null)));
        out.addAll(intervals.loggedIn());
        return out;
    }

    private List<Event> onDeslogado(String name, JsonNode args) throws MalformedCaptureException {
        String ext = ramal(args, name);
        Agent a = agent != null ? agent : new Agent(null, null, null, ext, null);
        agent = null;
        intervals.reset();
        calls.clear();
        queue.clear();
        return List.of(new Event.AgentLoggedOut(VENDOR, null, a));
    }

    private List<Event> onInicioIntervalo(String name, JsonNode args) throws MalformedCaptureException {
        // An IntervaloInfo as second argument (older readings of the seed) is the interval set at once.
        if (args.size() > 1 && args.get(1).isObject() && text(args.get(1), "RamalStatusDetalheId") != null) {
            return intervals.set(args.get(1), calls.lastEnded());
        }
        return intervals.started(calls.lastEnded());
    }

    private List<Event> onAtendido(String name, JsonNode args) throws MalformedCaptureException {
        JsonNode c = chamada(args, name);
        List<Event> out = new ArrayList<>(calls.connected(c, ramal));
        String globalId = text(c, "GlobalId");
        if (globalId != null && !out.isEmpty()) out.add(recording(text(c, "CanalId"), globalId));
        return out;
    }

    private List<Event> onGlobalId(String name, JsonNode args) throws MalformedCaptureException {
        JsonNode c = chamada(args, name);
        String globalId = args.size() > 2 ? Payloads.scalar(args.get(2)) : null;
        if (globalId == null) globalId = text(c, "GlobalId");
        if (globalId == null) throw new MalformedCaptureException(name + ": no GlobalId");
        return List.of(recording(text(c, "CanalId"), globalId));
    }

    private Event recording(String callId, String globalId) {
        globalIds.remove(callId);
        globalIds.put(callId, globalId);
        while (globalIds.size() > 50) globalIds.remove(globalIds.keySet().iterator().next());
        // The access token is added only when the file is fetched: it must never sit in an event.
        String url = serviceBase + "api/Ligacao/Download/"
                + URLEncoder.encode(globalId, StandardCharsets.UTF_8).replace("+", "%20");
        return new Event.CallRecording(VENDOR, null, callId, url);
    }

    private List<Event> queueEntered(JsonNode c) {
        dev.unibar.core.model.Call call = calls.snapshot(c, ramal, true, null);
        queue.put(call.id(), call);
        return List.of(new Event.QueueCallWaiting(VENDOR, null, call.id(), call),
                new Event.QueueWaiting(VENDOR, null, queue.size()));
    }

    private List<Event> queueLeft(JsonNode c) {
        String id = text(c, "CanalId");
        queue.remove(id);
        return List.of(new Event.QueueCallLeft(VENDOR, null, id), new Event.QueueWaiting(VENDOR, null, queue.size()));
    }

    /** SupervisaoHub's extension model: the number of calls waiting for this extension. */
    private List<Event> onModelChanged(String name, JsonNode args) throws MalformedCaptureException {
        String model = args.size() > 0 ? Payloads.scalar(args.get(0)) : null;
        if (model == null) throw new MalformedCaptureException(name + ": no model name");
        JsonNode info = args.size() > 1 ? args.get(1) : null;
        if (!"ramalevento".equalsIgnoreCase(model) || info == null || !info.isObject()) {
            return List.of(new Event.VendorUnmapped(VENDOR, null, name + ":" + model));
        }
        String number = text(info, "RamalNumero");
        Integer count = Payloads.integer(info, EpbxShapes.field(info, "QuantidadeFila"));
        if (count == null || (ramal != null && number != null && !number.equals(ramal))) return List.of();
        return List.of(new Event.QueueWaiting(VENDOR, null, count));
    }

    /**
     * The middleware's own view after a reconnect (REST ChamadaAtiva; null = no call): calls the bar shows
     * that the middleware no longer has end with cause {@code lost}; the active one is announced unless the
     * bar already shows it connected.
     */
    public List<Event> reconcile(JsonNode chamadaAtiva) {
        List<Event> out = new ArrayList<>();
        String activeId = chamadaAtiva != null && chamadaAtiva.isObject() ? text(chamadaAtiva, "CanalId") : null;
        for (String id : calls.openIds()) {
            if (!id.equals(activeId)) out.addAll(calls.endById(id, "lost"));
        }
        for (String id : new ArrayList<>(queue.keySet())) out.add(new Event.QueueCallLeft(VENDOR, null, id));
        if (!queue.isEmpty()) {
            queue.clear();
            out.add(new Event.QueueWaiting(VENDOR, null, 0));
        }
        if (activeId != null && !calls.isConnected(activeId)) out.addAll(calls.connected(chamadaAtiva, ramal));
        return out;
    }

    private static List<Event> notice(NoticeLevel level, String message) {
        return List.of(new Event.Notice(VENDOR, null, level, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
