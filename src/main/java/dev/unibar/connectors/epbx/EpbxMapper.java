package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.PauseReason;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * EPBX hub client events ({@code {"callback":"onChamada","args":[ramal, chamada]}}) to CONTRACT events.
 * See docs/vendors/epbx-protocol.md for the wire shapes and docs/decisions/0005 for the choices below.
 *
 * <p>Stateful per session, because EPBX reports facts one at a time that the CONTRACT wants together:
 * pause reasons arrive one per event but are re-emitted as the full list; onChamada says nothing of
 * who placed the call, so the connector announces the numbers it is about to dial
 * ({@link #expectOutbound}); the wrap-up interval refers to "the call that just ended". Not thread
 * safe: the connector calls it from one dispatch thread, translate from one loop.
 *
 * <p>Choices the document leaves open: a dialer call (campaign fields present) is offered to the
 * agent and maps to {@code call.ringing} with direction {@code inbound} (it arrives at the agent's
 * extension, like Evolux campaign calls); {@code onChamadaPerdida} ends the call with cause
 * {@code missed}; {@code onChamadaTransferida} with cause {@code transfer}; {@code onConferenciaTermino}
 * ends the conference call with cause {@code conference} (the vendor's sample frees the extension
 * there) and adds an info notice; {@code onLogado} also reports READY because EPBX only announces an
 * interval when the extension is in one.
 */
public final class EpbxMapper implements VendorMapper {

    public static final String VENDOR = "epbx";

    private static final Pattern WRAP_UP_LABEL = Pattern.compile("^p[oó]s[\\s\\-_].*", Pattern.CASE_INSENSITIVE
            | Pattern.UNICODE_CASE | Pattern.DOTALL);

    /** ChamadaInfo fields that have a home in the call snapshot; every other field goes to {@code data}. */
    private static final Set<String> KNOWN_CALL_FIELDS = Set.of("canalid", "telefone", "tipodiscagem",
            "ramalstatusdetalheid", "datahora", "sentido", "codigocliente", "nomecliente", "codigocampanha",
            "telefonecliente", "destino", "nomecampanha");

    private final String serviceBase;
    private final String wrapUpInterval;
    private final String readyInterval;

    private final Map<String, PauseReason> reasons = new LinkedHashMap<>();
    private final Map<String, Call> openCalls = new LinkedHashMap<>();
    private final Set<String> consultLegs = new LinkedHashSet<>();
    private final Set<String> endedCalls = new LinkedHashSet<>();
    private final Map<String, String> globalIds = new LinkedHashMap<>();
    /** Numbers the connector is dialing (Discar/Consultar), oldest first, with whether it is a consult. */
    private final Deque<Expected> expected = new ArrayDeque<>();
    private Agent agent;
    private String lastEnded;
    private boolean inWrapUp;

    private record Expected(String digits, boolean consult) {
    }

    /** A mapper without connection details (translate): recording URLs are relative to the service base. */
    public EpbxMapper() {
        this(null, null, null);
    }

    /**
     * @param serviceBase    e.g. {@code http://server/Service/}; null leaves recording URLs relative
     * @param wrapUpInterval the after-call-work interval id, or null for the one labelled "Pós…"
     * @param readyInterval  the interval id that means available (default {@code 0})
     */
    public EpbxMapper(String serviceBase, String wrapUpInterval, String readyInterval) {
        this.serviceBase = serviceBase == null ? "" : serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
        this.wrapUpInterval = blankToNull(wrapUpInterval);
        this.readyInterval = blankToNull(readyInterval) == null ? "0" : readyInterval.trim();
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    /** The connector is about to call {@code number} itself; the next onChamada for it is the agent's own call. */
    public void expectOutbound(String number, boolean consult) {
        String d = digits(number);
        if (d.isEmpty()) return;
        expected.addLast(new Expected(d, consult));
        // A dial that never produced onChamada must not linger and capture a later inbound call forever.
        while (expected.size() > 8) expected.removeFirst();
    }

    /** The dial failed: the number will not come back as a call. */
    public void forgetOutbound(String number) {
        String d = digits(number);
        Iterator<Expected> it = expected.descendingIterator();
        while (it.hasNext()) {
            if (it.next().digits().equals(d)) {
                it.remove();
                return;
            }
        }
    }

    /** The GlobalId of a call's recording, once onChamadaGlobalId reported it. */
    public String globalIdOf(String callId) {
        return globalIds.get(callId);
    }

    /** Calls EPBX reported and has not ended yet, in the order they appeared. */
    public List<String> openCallIds() {
        return new ArrayList<>(openCalls.keySet());
    }

    /**
     * The middleware forgot the session (restart) and the connector logs the device in again: the
     * reasons and the interval will be re-announced, calls keep their ids so re-reported ones merge.
     */
    public void sessionRestarted() {
        reasons.clear();
        inWrapUp = false;
        expected.clear();
    }

    @Override
    public List<Event> map(JsonNode line) throws MalformedCaptureException {
        JsonNode cb = line.get("callback");
        if (cb == null || !cb.isTextual() || cb.asText().isBlank()) {
            throw new MalformedCaptureException("no callback name");
        }
        JsonNode args = line.get("args");
        if (args == null || !args.isArray()) throw new MalformedCaptureException("args is not an array");
        String name = cb.asText();
        // Classic SignalR matches client methods case-insensitively; the vendor's JS uses camelCase.
        switch (name.toLowerCase(Locale.ROOT)) {
            case "onlogado": return onLogado(name, args);
            case "onlogadoerro": return List.of(new Event.SessionError(VENDOR, null, text(args, 1, name, "mensagem"),
                    null));
            case "ondeslogado": return onDeslogado(name, args);
            case "oninfointervaloramal": return onInfoIntervalo(name, args);
            case "oniniciointervalo": return onInicioIntervalo(name, args);
            case "onterminointervalo": return onTerminoIntervalo(name, args);
            case "onchamada": return onChamada(name, args);
            case "onatendido":
            case "onconsultaatendido": return onAtendido(name, args);
            case "ondesliga": return ended(name, args, null);
            case "onchamadaperdida": return ended(name, args, "missed");
            case "onchamadatransferida": return onTransferida(name, args);
            case "onchamadaglobalid": return onGlobalId(name, args);
            case "oninicioespera": {
                JsonNode c = chamada(args, name);
                return List.of(new Event.CallHeld(VENDOR, Payloads.time(c, field(c, "DataHora")), callId(c, name)));
            }
            case "onterminoespera": {
                JsonNode c = chamada(args, name);
                return List.of(new Event.CallResumed(VENDOR, Payloads.time(c, field(c, "DataHora")), callId(c, name)));
            }
            case "onconferenciainicio": {
                JsonNode c = chamada(args, name);
                return List.of(new Event.CallConferenced(VENDOR, Payloads.time(c, field(c, "DataHora")),
                        callId(c, name)));
            }
            case "onconferenciatermino": {
                List<Event> out = new ArrayList<>(ended(name, args, "conference"));
                out.add(new Event.Notice(VENDOR, null, NoticeLevel.INFO, "Conference ended"));
                return out;
            }
            case "onconferenciaerro":
                return List.of(new Event.Notice(VENDOR, null, NoticeLevel.ERROR, text(args, 1, name, "mensagem")));
            default:
                return List.of(new Event.VendorUnmapped(VENDOR, null, name));
        }
    }

    private List<Event> onLogado(String name, JsonNode args) throws MalformedCaptureException {
        String ramal = ramal(args, name);
        JsonNode info = args.size() > 1 ? args.get(1) : null;
        if (info != null && !info.isNull() && !info.isObject()) {
            throw new MalformedCaptureException(name + ": info is not an object");
        }
        String ext = info != null && text(info, "Ramal") != null ? text(info, "Ramal") : ramal;
        reasons.clear();
        inWrapUp = false;
        agent = new Agent(null, text(info, "Nome"), text(info, "Usuario"), ext, null);
        return List.of(
                new Event.AgentLoggedIn(VENDOR, null, agent),
                new Event.DevicePaired(VENDOR, null, new Device(ext, ext)),
                new Event.SessionReady(VENDOR, null),
                new Event.AgentStateChanged(VENDOR, null, AgentState.READY, null, null));
    }

    private List<Event> onDeslogado(String name, JsonNode args) throws MalformedCaptureException {
        String ramal = ramal(args, name);
        Agent a = agent != null ? agent : new Agent(null, null, null, ramal, null);
        agent = null;
        reasons.clear();
        inWrapUp = false;
        openCalls.clear();
        consultLegs.clear();
        expected.clear();
        lastEnded = null;
        return List.of(new Event.AgentLoggedOut(VENDOR, null, a));
    }

    private List<Event> onInfoIntervalo(String name, JsonNode args) throws MalformedCaptureException {
        JsonNode iv = interval(args, name);
        String id = text(iv, "RamalStatusDetalheId");
        String label = text(iv, "Descricao");
        if (!isWrapUp(id, label) && !id.equals(readyInterval)) {
            reasons.put(id, new PauseReason(id, label != null ? label : id, Payloads.bool(iv, field(iv, "Produtivo"))));
        }
        return List.of(new Event.PauseReasons(VENDOR, null, new ArrayList<>(reasons.values())));
    }

    private List<Event> onInicioIntervalo(String name, JsonNode args) throws MalformedCaptureException {
        JsonNode iv = interval(args, name);
        String id = text(iv, "RamalStatusDetalheId");
        String label = text(iv, "Descricao");
        Boolean productive = Payloads.bool(iv, field(iv, "Produtivo"));
        Instant at = Payloads.time(iv, field(iv, "DataHoraInicio"));
        if (id.equals(readyInterval)) {
            return List.of(new Event.AgentStateChanged(VENDOR, at, AgentState.READY, null, null));
        }
        if (isWrapUp(id, label)) {
            List<Event> out = new ArrayList<>();
            out.add(new Event.AgentStateChanged(VENDOR, at, AgentState.WRAP_UP, label, productive));
            if (lastEnded != null && !inWrapUp) out.add(new Event.CallWrapUp(VENDOR, at, lastEnded));
            inWrapUp = true;
            return out;
        }
        return List.of(new Event.AgentStateChanged(VENDOR, at, AgentState.NOT_READY,
                label != null ? label : id, productive));
    }

    private List<Event> onTerminoIntervalo(String name, JsonNode args) throws MalformedCaptureException {
        JsonNode iv = interval(args, name);
        String id = text(iv, "RamalStatusDetalheId");
        List<Event> out = new ArrayList<>();
        if ((inWrapUp || isWrapUp(id, text(iv, "Descricao"))) && lastEnded != null) {
            out.add(new Event.CallFinished(VENDOR, null, lastEnded));
            lastEnded = null;
        }
        inWrapUp = false;
        out.add(new Event.AgentStateChanged(VENDOR, null, AgentState.READY, null, null));
        return out;
    }

    private List<Event> onChamada(String name, JsonNode args) throws MalformedCaptureException {
        String ramal = ramal(args, name);
        JsonNode c = chamada(args, name);
        String id = callId(c, name);
        Instant at = Payloads.time(c, field(c, "DataHora"));
        String phone = text(c, "Telefone");
        Campaign campaign = Campaign.of(text(c, "CodigoCampanha"), text(c, "NomeCampanha"));
        Customer customer = Customer.of(text(c, "NomeCliente"), text(c, "TelefoneCliente"), text(c, "CodigoCliente"));
        boolean dialer = campaign != null || customer != null;
        Expected mine = dialer ? null : takeExpected(phone);
        String sentido = text(c, "Sentido");

        boolean outbound;
        if (mine != null) {
            outbound = true;
        } else if (dialer) {
            outbound = false;
        } else {
            outbound = sentido != null && sentido.toLowerCase(Locale.ROOT).startsWith("sa");
        }
        Call call;
        if (outbound) {
            call = new Call(id, Direction.OUTBOUND, Party.of(ramal, null), Party.of(phone, null), null, null, null,
                    extraData(c), true);
        } else {
            String fromNumber = phone != null ? phone : customer != null ? customer.number() : null;
            call = new Call(id, Direction.INBOUND, Party.of(fromNumber, customer != null ? customer.name() : null),
                    Party.of(ramal, null), null, campaign, customer, extraData(c), dialer ? Boolean.FALSE : null);
        }
        Call known = openCalls.get(id);
        call = known != null ? known.mergedWith(call) : call;
        openCalls.put(id, call);
        if (mine != null && mine.consult()) consultLegs.add(id);
        return List.of(outbound ? new Event.CallDialing(VENDOR, at, id, call) : new Event.CallRinging(VENDOR, at, id, call));
    }

    private List<Event> onAtendido(String name, JsonNode args) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = chamada(args, name);
        String id = callId(c, name);
        Call known = openCalls.get(id);
        Call now = known != null ? known.mergedWith(new Call(id, null, null, null, null, null, null, extraData(c), null))
                : new Call(id, null, null, null, null, null, null, extraData(c), null);
        openCalls.put(id, now);
        return List.of(new Event.CallConnected(VENDOR, Payloads.time(c, field(c, "DataHora")), id, now));
    }

    private List<Event> ended(String name, JsonNode args, String cause) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = chamada(args, name);
        String id = callId(c, name);
        // EPBX reports the end of a transferred or conferenced call twice (onChamadaTransferida or
        // onConferenciaTermino, then onDesliga): the line was released once.
        if (!openCalls.containsKey(id) && endedCalls.contains(id)) return List.of();
        noteEnded(id);
        return List.of(new Event.CallEnded(VENDOR, Payloads.time(c, field(c, "DataHora")), id, cause));
    }

    private List<Event> onTransferida(String name, JsonNode args) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = chamada(args, name);
        String id = callId(c, name);
        Instant at = Payloads.time(c, field(c, "DataHora"));
        noteEnded(id);
        return List.of(new Event.CallTransferred(VENDOR, at, id, text(c, "Destino")),
                new Event.CallEnded(VENDOR, at, id, "transfer"));
    }

    private List<Event> onGlobalId(String name, JsonNode args) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = chamada(args, name);
        String id = callId(c, name);
        String globalId = args.size() > 2 ? Payloads.scalar(args.get(2)) : null;
        if (globalId == null) throw new MalformedCaptureException(name + ": no globalId");
        globalIds.remove(id);
        globalIds.put(id, globalId);
        while (globalIds.size() > 50) globalIds.remove(globalIds.keySet().iterator().next());
        // The access token is added only when the file is fetched: it must never sit in an event.
        String url = serviceBase + "api/Ligacao/Download/"
                + java.net.URLEncoder.encode(globalId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return List.of(new Event.CallRecording(VENDOR, null, id, url));
    }

    private void noteEnded(String id) {
        boolean wasOpen = openCalls.remove(id) != null;
        boolean consult = consultLegs.remove(id);
        if (endedCalls.add(id)) {
            while (endedCalls.size() > 64) endedCalls.remove(endedCalls.iterator().next());
            // The contact the agent wraps up is the main call, not the consultation leg.
            if (!consult || !wasOpen) lastEnded = id;
        }
    }

    private Expected takeExpected(String phone) {
        String d = digits(phone);
        if (d.isEmpty()) return null;
        Iterator<Expected> it = expected.iterator();
        while (it.hasNext()) {
            Expected e = it.next();
            // Dialing plans add or strip prefixes (0, carrier, country): compare the tails.
            if (e.digits().equals(d) || e.digits().endsWith(d) || d.endsWith(e.digits())) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    private boolean isWrapUp(String id, String label) {
        if (wrapUpInterval != null) return wrapUpInterval.equals(id);
        return label != null && WRAP_UP_LABEL.matcher(label.trim()).matches();
    }

    private static Map<String, String> extraData(JsonNode c) {
        Map<String, String> all = Payloads.stringMap(c);
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!KNOWN_CALL_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT))) data.put(e.getKey(), e.getValue());
        }
        return data;
    }

    // ---- shape checks -------------------------------------------------------------------------------

    private static String ramal(JsonNode args, String name) throws MalformedCaptureException {
        if (args.size() < 1) throw new MalformedCaptureException(name + ": no ramal argument");
        JsonNode r = args.get(0);
        if (r.isContainerNode()) throw new MalformedCaptureException(name + ": ramal is not a scalar");
        String s = Payloads.scalar(r);
        return s;
    }

    private static JsonNode chamada(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = args.size() > 1 ? args.get(1) : null;
        if (c == null || !c.isObject()) throw new MalformedCaptureException(name + ": chamada is not an object");
        return c;
    }

    private static String callId(JsonNode c, String name) throws MalformedCaptureException {
        String id = text(c, "CanalId");
        if (id == null) throw new MalformedCaptureException(name + ": chamada has no CanalId");
        return id;
    }

    private static JsonNode interval(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode iv = args.size() > 1 ? args.get(1) : null;
        if (iv == null || !iv.isObject()) throw new MalformedCaptureException(name + ": interval is not an object");
        if (text(iv, "RamalStatusDetalheId") == null) {
            throw new MalformedCaptureException(name + ": interval has no RamalStatusDetalheId");
        }
        return iv;
    }

    private static String text(JsonNode args, int index, String name, String what) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode v = args.size() > index ? args.get(index) : null;
        if (v == null || v.isContainerNode()) throw new MalformedCaptureException(name + ": no " + what);
        String s = Payloads.scalar(v);
        if (s == null) throw new MalformedCaptureException(name + ": no " + what);
        return s;
    }

    /** A field read case-insensitively: the vendor's JSON is PascalCase, its JS samples camelCase. */
    private static String text(JsonNode obj, String name) {
        if (obj == null) return null;
        String f = field(obj, name);
        return Payloads.text(obj, f);
    }

    private static String field(JsonNode obj, String name) {
        if (obj == null || obj.has(name)) return name;
        Iterator<String> it = obj.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) return f;
        }
        return name;
    }

    static String digits(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isDigit(ch)) b.append(ch);
        }
        return b.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
