package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Participant;
import dev.unibar.core.model.Party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.unibar.connectors.epbx.EpbxShapes.field;
import static dev.unibar.connectors.epbx.EpbxShapes.findChamada;
import static dev.unibar.connectors.epbx.EpbxShapes.findException;
import static dev.unibar.connectors.epbx.EpbxShapes.ramal;
import static dev.unibar.connectors.epbx.EpbxShapes.text;

/**
 * The calls of one EPBX session, keyed by {@code CanalId}: which are open, which are consultation
 * legs, which already ended (EPBX reports some endings twice: onDiscaStatus or onChamadaTransferida,
 * then onDesliga) and which is the current call that RamalInfo-only events act on.
 */
final class EpbxCalls {

    /** ChamadaInfo fields that have a home in the call snapshot; the others go to {@code data}. */
    private static final Set<String> KNOWN = Set.of("canalid", "telefone", "tipodiscagem", "ramalstatusdetalheid",
            "datahora", "direcao", "globalid", "sentido", "destino", "codigocliente", "nomecliente", "codigocampanha",
            "telefonecliente", "nomecampanha");

    private final String vendor;
    private final String inboundDirecao;
    private final Map<String, Call> open = new LinkedHashMap<>();
    private final Set<String> consultLegs = new LinkedHashSet<>();
    /** Each consultation leg's TipoDiscagem as EPBX sent it (1 external, 2 extension). */
    private final Map<String, String> consultTipos = new java.util.HashMap<>();
    private final Set<String> ended = new LinkedHashSet<>();
    /** Open calls already reported connected: a reconnect's REST view need not announce them again. */
    private final Set<String> answered = new LinkedHashSet<>();
    private String lastEnded;
    private String transferTarget;

    EpbxCalls(String vendor, String inboundDirecao) {
        this.vendor = vendor;
        this.inboundDirecao = inboundDirecao;
    }

    String lastEnded() {
        return lastEnded;
    }

    List<String> openIds() {
        return new ArrayList<>(open.keySet());
    }

    String current() {
        String id = null;
        for (String k : open.keySet()) if (!consultLegs.contains(k)) id = k;
        return id;
    }

    boolean isConnected(String id) {
        return answered.contains(id);
    }

    void clear() {
        open.clear();
        answered.clear();
        consultLegs.clear();
        consultTipos.clear();
        lastEnded = null;
    }

    void transferringTo(String number) {
        transferTarget = number;
    }

    /** The consulted party: the number and TipoDiscagem (as EPBX sent it) of a consultation leg that talks. */
    record Consulted(String number, String tipo) {
        /** TipoDiscagem 2 (LigacaoRamal) is an extension; anything else an external number (1). */
        int tipoDiscagem() {
            String t = tipo == null ? "" : tipo.trim();
            return t.equals("2") || t.equalsIgnoreCase("LigacaoRamal") ? 2 : 1;
        }
    }

    /** The consulted party a conference in the consultation joins, or null when no consultation leg talks. */
    Consulted consulted() {
        for (String id : consultLegs) {
            Call c = open.get(id);
            if (c != null && answered.contains(id) && c.to() != null && c.to().number() != null) {
                return new Consulted(c.to().number(), consultTipos.get(id));
            }
        }
        return null;
    }

    /** onChamada: a call offered to the agent (the agent's own dial is onDisca). */
    List<Event> offered(JsonNode c, String ramal) {
        Call call = remember(c, snapshot(c, ramal, null, null));
        Instant at = time(c);
        return List.of(new Event.CallRinging(vendor, at, call.id(), call));
    }

    /** onDisca (the agent's own call) and onConsultaChamada (a consultation leg). */
    List<Event> dialing(JsonNode c, String ramal, boolean consult) {
        Call call = remember(c, snapshot(c, ramal, false, true));
        if (consult) {
            consultLegs.add(call.id());
            String tipo = text(c, "TipoDiscagem");
            if (tipo != null) consultTipos.put(call.id(), tipo);
        }
        return List.of(new Event.CallDialing(vendor, time(c), call.id(), call));
    }

    /** onAtendido / onConsultaAtendido, and the active call after a reconnect. */
    List<Event> connected(JsonNode c, String ramal) {
        String id = text(c, "CanalId");
        if (ended.contains(id) && !open.containsKey(id)) return List.of();
        Call known = open.get(id);
        Call now = known != null ? known.mergedWith(new Call(id, null, null, null, null, null, null, data(c), null))
                : snapshot(c, ramal, null, null);
        open.put(id, now);
        answered.add(id);
        return List.of(new Event.CallConnected(vendor, time(c), id, now));
    }

    List<Event> ended(JsonNode c, String cause) {
        return endById(text(c, "CanalId"), cause, time(c));
    }

    List<Event> endById(String id, String cause) {
        return endById(id, cause, null);
    }

    private List<Event> endById(String id, String cause, Instant at) {
        if (!open.containsKey(id) && ended.contains(id)) return List.of();
        noteEnded(id);
        return List.of(new Event.CallEnded(vendor, at, id, cause));
    }

    List<Event> transferred(JsonNode c) {
        String id = text(c, "CanalId");
        String target = text(c, "Destino") != null ? text(c, "Destino") : transferTarget;
        transferTarget = null;
        Instant at = time(c);
        noteEnded(id);
        return List.of(new Event.CallTransferred(vendor, at, id, target), new Event.CallEnded(vendor, at, id, "transfer"));
    }

    /** onDiscaStatus(ramal, chamada, resultado): the dial failed; the cause ends the call now. */
    List<Event> dialStatus(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode resultado = null;
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).isObject() && EpbxShapes.has(args.get(i), "StatusDiscagem")) resultado = args.get(i);
        }
        if (resultado == null) throw new MalformedCaptureException(name + ": no ResultadoDiscagem");
        JsonNode c = findChamada(args);
        String id = c != null ? text(c, "CanalId") : dialingCall();
        if (id == null) id = text(resultado, "CanalSainte");
        String cause = EpbxShapes.dialCause(resultado);
        if (id == null) return List.of(Event.Notice.keyed(vendor, null, NoticeLevel.WARNING, "epbx.dialFailed", cause));
        return endById(id, cause, c == null ? null : time(c));
    }

    /** onDiscaErro: (ramal, chamada, Exception) in the C# client, (ramal, Exception) in the JS sample. */
    List<Event> dialError(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        String message = findException(args);
        if (message == null) throw new MalformedCaptureException(name + ": no Exception argument");
        JsonNode c = findChamada(args);
        String id = c != null ? text(c, "CanalId") : dialingCall();
        List<Event> out = new ArrayList<>();
        out.add(new Event.Notice(vendor, null, NoticeLevel.ERROR, message));
        if (id != null) out.addAll(endById(id, "failed"));
        return out;
    }

    /** An event that names only the RamalInfo acts on the current call; none is shown as unmapped. */
    List<Event> onCurrent(String name, JsonNode args, Function<String, Event> make) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = findChamada(args);
        String id = c != null ? text(c, "CanalId") : current();
        if (id == null) return List.of(new Event.VendorUnmapped(vendor, null, name));
        return List.of(make.apply(id));
    }

    /** onConferenciaTermino: the vendor's sample frees the extension here (assumed: the call ends). */
    List<Event> conferenceEnded(String name, JsonNode args) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = findChamada(args);
        String id = c != null ? text(c, "CanalId") : current();
        List<Event> out = new ArrayList<>();
        if (id != null) out.addAll(endById(id, "conference"));
        out.add(Event.Notice.keyed(vendor, null, NoticeLevel.INFO, "epbx.conferenceEnded"));
        return out;
    }

    /** A conference leg: its ChamadaInfo (the participant) or, for a failed dial, an Exception. */
    List<Event> participant(String name, JsonNode args, String state) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = findChamada(args);
        String message = "failed".equals(state) ? findException(args) : null;
        if (c == null && message == null) throw new MalformedCaptureException(name + ": no ChamadaInfo");
        String main = current();
        List<Event> out = new ArrayList<>();
        // The consulted party joining the conference: their line is no longer a call of its own.
        String leg = c == null ? null : text(c, "CanalId");
        if (leg != null && consultLegs.contains(leg) && open.containsKey(leg)) out.addAll(endById(leg, "conference"));
        Participant p = c == null ? new Participant(null, null, state)
                : new Participant(text(c, "CanalId"), text(c, "Telefone"), state);
        if (main != null) out.add(new Event.CallParticipant(vendor, null, main, p));
        if (message != null) out.add(new Event.Notice(vendor, null, NoticeLevel.ERROR, message));
        if (out.isEmpty()) out.add(new Event.VendorUnmapped(vendor, null, name));
        return out;
    }

    /** The snapshot of a ChamadaInfo; {@code inbound} null = from Direcao, else the event's own reading. */
    Call snapshot(JsonNode c, String ramal, Boolean inboundDefault, Boolean manual) {
        String id = text(c, "CanalId");
        String phone = text(c, "Telefone");
        Campaign campaign = Campaign.of(text(c, "CodigoCampanha"), text(c, "NomeCampanha"));
        Customer customer = Customer.of(text(c, "NomeCliente"), text(c, "TelefoneCliente"), text(c, "CodigoCliente"));
        boolean dialer = campaign != null || customer != null;
        Boolean in = EpbxShapes.inbound(c, inboundDirecao);
        if (in == null) in = inboundDefault != null ? inboundDefault : !dialer;
        String name = customer != null ? customer.name() : null;
        Boolean isManual = dialer ? Boolean.FALSE : manual;
        if (in) {
            String from = phone != null ? phone : customer != null ? customer.number() : null;
            return new Call(id, Direction.INBOUND, Party.of(from, name), Party.of(ramal, null), null, campaign, customer,
                    data(c), isManual);
        }
        String to = phone != null ? phone : customer != null ? customer.number() : null;
        return new Call(id, Direction.OUTBOUND, Party.of(ramal, null), Party.of(to, name), null, campaign, customer,
                data(c), isManual);
    }

    private Call remember(JsonNode c, Call call) {
        Call known = open.get(call.id());
        Call merged = known != null ? known.mergedWith(call) : call;
        if (!ended.contains(call.id()) || known != null) open.put(call.id(), merged);
        return merged;
    }

    /** The newest call still being dialed. */
    private String dialingCall() {
        String id = null;
        for (String k : open.keySet()) id = k;
        return id;
    }

    private void noteEnded(String id) {
        boolean wasOpen = open.remove(id) != null;
        answered.remove(id);
        boolean consult = consultLegs.remove(id);
        consultTipos.remove(id);
        if (ended.add(id)) {
            while (ended.size() > 64) ended.remove(ended.iterator().next());
            // The contact the agent wraps up is the main call, not the consultation leg.
            if (!consult || !wasOpen) lastEnded = id;
        }
    }

    private static Instant time(JsonNode c) {
        return Payloads.time(c, field(c, "DataHora"));
    }

    private static Map<String, String> data(JsonNode c) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Payloads.stringMap(c).entrySet()) {
            if (!KNOWN.contains(e.getKey().toLowerCase(Locale.ROOT))) data.put(e.getKey(), e.getValue());
        }
        return data;
    }
}
