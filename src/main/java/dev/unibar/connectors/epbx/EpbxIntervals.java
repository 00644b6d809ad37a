package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.PauseReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static dev.unibar.connectors.epbx.EpbxShapes.field;
import static dev.unibar.connectors.epbx.EpbxShapes.text;

/**
 * The agent's availability as EPBX reports it: the intervals offered (onInfoIntervaloRamal), the
 * current one (onSetIntervaloRamal carries the IntervaloInfo; onInicio/TerminoIntervalo only the
 * RamalInfo), and "not available" periods. The agent state is emitted only when it changes, because
 * EPBX announces one change through several events.
 */
final class EpbxIntervals {

    static final String UNAVAILABLE = "Não disponível";
    private static final Pattern WRAP_UP_LABEL = Pattern.compile("^p[oó]s[\\s\\-_].*", Pattern.CASE_INSENSITIVE
            | Pattern.UNICODE_CASE | Pattern.DOTALL);

    private final String vendor;
    private final String wrapUpInterval;
    private final String readyInterval;
    private final Map<String, PauseReason> reasons = new LinkedHashMap<>();
    private final Map<String, JsonNode> known = new LinkedHashMap<>();
    private String current;
    private boolean unavailable;
    private String lastState;
    private boolean inWrapUp;

    EpbxIntervals(String vendor, String wrapUpInterval, String readyInterval) {
        this.vendor = vendor;
        this.wrapUpInterval = wrapUpInterval;
        this.readyInterval = readyInterval;
    }

    void reset() {
        reasons.clear();
        known.clear();
        current = null;
        unavailable = false;
        lastState = null;
        inWrapUp = false;
    }

    boolean inWrapUp() {
        return inWrapUp;
    }

    /** The session starts available until an interval says otherwise. */
    List<Event> loggedIn() {
        current = readyInterval;
        unavailable = false;
        inWrapUp = false;
        lastState = null;
        return state(AgentState.READY, null, null);
    }

    List<Event> offered(JsonNode iv) {
        String id = text(iv, "RamalStatusDetalheId");
        known.put(id, iv);
        String label = text(iv, "Descricao");
        if (!isWrapUp(id, label) && !id.equals(readyInterval)) {
            reasons.put(id, new PauseReason(id, label != null ? label : id, Payloads.bool(iv, field(iv, "Produtivo"))));
        }
        return List.of(new Event.PauseReasons(vendor, null, new ArrayList<>(reasons.values())));
    }

    /** onSetIntervaloRamal: the current interval, or one pending until the call ends. */
    List<Event> set(JsonNode iv, String lastEnded) {
        String id = text(iv, "RamalStatusDetalheId");
        if (!known.containsKey(id) || text(iv, "Descricao") != null) known.put(id, iv);
        if ("1".equals(text(iv, "RamalStatusDestinoId")) || "1".equals(text(iv, "Status"))) {
            return List.of(Event.Notice.keyed(vendor, null, NoticeLevel.INFO, "epbx.pausePending", label(id)));
        }
        current = id;
        return unavailable ? List.of() : currentState(lastEnded);
    }

    /** onInicioIntervalo: the interval set before (or an unnamed one). */
    List<Event> started(String lastEnded) {
        if (current == null || current.equals(readyInterval)) current = "?";
        return unavailable ? List.of() : currentState(lastEnded);
    }

    /** onTerminoIntervalo; finishes the wrap-up of {@code lastEnded}. */
    List<Event> ended(String lastEnded) {
        List<Event> out = new ArrayList<>();
        if (inWrapUp && lastEnded != null) out.add(new Event.CallFinished(vendor, null, lastEnded));
        inWrapUp = false;
        current = readyInterval;
        if (!unavailable) out.addAll(state(AgentState.READY, null, null));
        return out;
    }

    List<Event> unavailable(boolean on, String lastEnded) {
        unavailable = on;
        if (on) return state(AgentState.NOT_READY, UNAVAILABLE, null);
        return currentState(lastEnded);
    }

    private List<Event> currentState(String lastEnded) {
        String id = current == null ? readyInterval : current;
        if (id.equals(readyInterval)) return state(AgentState.READY, null, null);
        JsonNode iv = known.get(id);
        String label = iv == null ? null : text(iv, "Descricao");
        Boolean productive = iv == null ? null : Payloads.bool(iv, field(iv, "Produtivo"));
        if (isWrapUp(id, label)) {
            List<Event> out = new ArrayList<>(state(AgentState.WRAP_UP, label, productive));
            if (lastEnded != null && !inWrapUp) out.add(new Event.CallWrapUp(vendor, null, lastEnded));
            inWrapUp = true;
            return out;
        }
        return state(AgentState.NOT_READY, "?".equals(id) ? null : label(id), productive);
    }

    private List<Event> state(AgentState s, String reason, Boolean productive) {
        String key = s + "|" + reason + "|" + productive;
        if (Objects.equals(key, lastState)) return List.of();
        lastState = key;
        return List.of(new Event.AgentStateChanged(vendor, null, s, reason, productive));
    }

    private String label(String id) {
        JsonNode iv = known.get(id);
        String l = iv == null ? null : text(iv, "Descricao");
        return l != null ? l : id;
    }

    private boolean isWrapUp(String id, String label) {
        if (wrapUpInterval != null) return wrapUpInterval.equals(id);
        return label != null && WRAP_UP_LABEL.matcher(label.trim()).matches();
    }
}
