package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.NamedEventMapper;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one AgentDesktop callback data object ({@code {"event": "HELD", ...contact fields}}) into
 * normalized events (docs/vendors/agentdesktop.md, "Mapping"). Event names are compared without
 * case. It remembers which call a consultation leg was started beside, so that a leg merged into a
 * conference reports the conference on the held call; one instance per session or capture file.
 */
public final class AgentDesktopMapper extends NamedEventMapper {

    public static final String VENDOR = "agentdesktop";

    private final Set<String> held = new HashSet<>();
    private final Map<String, String> legToMain = new HashMap<>();

    /**
     * CONNECTIONCLEARED's {@code reason} in the common vocabulary (decision 0055): seed 001 shows "" and
     * "transferred"; a consultation leg joined to a conference ends with "conference" (assumed, as the mapper reads it).
     */
    static final java.util.Map<String, dev.unibar.core.model.CallEnd> END_CAUSES = java.util.Map.of(
            "transferred", dev.unibar.core.model.CallEnd.TRANSFERRED,
            "conference", dev.unibar.core.model.CallEnd.CONFERENCED_AWAY,
            "rejected", dev.unibar.core.model.CallEnd.FAILED,
            "busy", dev.unibar.core.model.CallEnd.FAILED_BUSY,
            "no_answer", dev.unibar.core.model.CallEnd.FAILED_NO_ANSWER);

    /** Contacts that reached ESTABLISHED: a manual call cleared with a reason before it did was not placed. */
    private final Set<String> connected = new HashSet<>();

    public AgentDesktopMapper() {
        super(VENDOR, "event", "no \"event\" name");
    }

    @Override
    protected List<Event> map(String event, JsonNode line) throws MalformedCaptureException {
        String raw = event.trim();
        String name = raw.toUpperCase(Locale.ROOT);
        if (name.startsWith("AGENT:")) return agent(name, raw, line);
        return contact(name, raw, line);
    }

    private List<Event> agent(String name, String raw, JsonNode line) {
        return switch (name) {
            // Logged in to the telephony media: the bar becomes usable (again, after a logout).
            case "AGENT:LOGGEDIN" -> List.of(new Event.AgentLoggedIn(VENDOR, null, null),
                    new Event.SessionReady(VENDOR, null),
                    new Event.AgentStateChanged(VENDOR, null, AgentState.READY, null, null));
            case "AGENT:PAUSE" -> List.of(new Event.AgentStateChanged(VENDOR, null, AgentState.NOT_READY, pauseCode(line), null));
            case "AGENT:LOGGEDOUT" -> List.of(new Event.AgentLoggedOut(VENDOR, null, null),
                    new Event.AgentStateChanged(VENDOR, null, AgentState.OFFLINE, null, null));
            default -> List.of(new Event.VendorUnmapped(VENDOR, null, raw));
        };
    }

    /** Agent events' fields are not documented: the code is read from any of the likely names (assumed). */
    private static String pauseCode(JsonNode line) {
        for (String k : List.of("reason", "pause_code", "substate", "code")) {
            String v = text(line, k);
            if (v != null) return v;
        }
        return null;
    }

    private List<Event> contact(String name, String raw, JsonNode line) throws MalformedCaptureException {
        String id = text(line, "id");
        if (id == null) throw new MalformedCaptureException(raw + " without a contact \"id\"");
        switch (name) {
            case "POPUP", "RINGING" -> {
                return List.of(new Event.CallRinging(VENDOR, null, id, call(id, line)));
            }
            case "CONNECTIONSTARTED", "DIALING" -> {
                noteLeg(id, line);
                Call c = call(id, line);
                if (name.equals("CONNECTIONSTARTED") && c.direction() == Direction.INBOUND) {
                    return List.of(new Event.CallRinging(VENDOR, null, id, c));
                }
                return List.of(new Event.CallDialing(VENDOR, null, id, c));
            }
            case "ESTABLISHED" -> {
                held.remove(id);
                connected.add(id);
                return List.of(new Event.CallConnected(VENDOR, null, id, call(id, line)));
            }
            case "HELD" -> {
                held.add(id);
                return List.of(new Event.CallHeld(VENDOR, null, id));
            }
            case "TRANSFERRED" -> {
                return List.of(new Event.CallTransferred(VENDOR, null, id, null));
            }
            case "CONNECTIONCLEARED" -> {
                held.remove(id);
                String reason = text(line, "reason");
                String main = legToMain.remove(id);
                boolean wasConnected = connected.remove(id);
                Event ended = new Event.CallEnded(VENDOR, null, id, reason);
                if (main != null && reason != null && reason.toLowerCase(Locale.ROOT).contains("conference")) {
                    return List.of(ended, new Event.CallConferenced(VENDOR, null, main));
                }
                if (!wasConnected && notPlaced(reason, line)) {
                    // AgentDesktop's words stay the detail; the agent reads the sentence in their language.
                    return List.of(ended, Event.Notice.known(VENDOR, null, NoticeLevel.WARNING, reason,
                            "agentdesktop.dialRefused", Objects.requireNonNullElse(text(line, "dnis"), "?")));
                }
                return List.of(ended);
            }
            case "JOBCHANGED" -> {
                if ("offline".equalsIgnoreCase(text(line, "job_state"))) return List.of(new Event.CallWrapUp(VENDOR, null, id));
                return List.of(new Event.VendorUnmapped(VENDOR, null, raw));
            }
            case "DATACHANGED" -> {
                // The contact's CallData changed (SetCallData, or AgentDesktop's own scripts): same contact
                // fields as every contact event, so the whole snapshot is merged into the known call.
                return List.of(new Event.CallUpdated(VENDOR, null, id, call(id, line)));
            }
            case "JOBFINISHED" -> {
                held.remove(id);
                connected.remove(id);
                legToMain.values().removeIf(id::equals);
                return List.of(new Event.CallFinished(VENDOR, null, id));
            }
            default -> {
                return List.of(new Event.VendorUnmapped(VENDOR, null, raw));
            }
        }
    }

    /**
     * A manual call AgentDesktop cleared, with a reason, before it connected: refused or failed (assumed shape,
     * docs/vendors/agentdesktop.md "Refused call"). A transfer's or conference's reason is no refusal.
     */
    private static boolean notPlaced(String reason, JsonNode line) {
        if (reason == null || !"manual".equalsIgnoreCase(text(line, "job_type"))) return false;
        String r = reason.toLowerCase(Locale.ROOT);
        return !r.contains("transfer") && !r.contains("conference");
    }

    /** A manual outbound contact that starts while another call is held is that call's consultation leg. */
    private void noteLeg(String id, JsonNode line) {
        if (legToMain.containsKey(id) || held.contains(id)) return;
        if (!"manual".equalsIgnoreCase(text(line, "job_type"))) return;
        held.stream().filter(h -> !h.equals(id)).reduce((a, b) -> b).ifPresent(main -> legToMain.put(id, main));
    }

    static Call call(String id, JsonNode line) {
        String type = text(line, "type");
        Direction dir = type == null ? null
                : type.equalsIgnoreCase("inbound") ? Direction.INBOUND
                : type.equalsIgnoreCase("outbound") ? Direction.OUTBOUND : null;
        String ani = text(line, "ani");
        String dnis = text(line, "dnis");
        String queue = text(line, "queue");
        String jobType = text(line, "job_type");
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode cd = line.get("CallData");
        if (cd != null && cd.isArray()) {
            for (JsonNode item : cd) {
                String k = text(item, "name");
                if (k != null) data.put(k, item.hasNonNull("value") ? item.get("value").asText() : "");
            }
        }
        return new Call(id, dir, ani == null ? null : new Party(ani, null), dnis == null ? null : new Party(dnis, null),
                queue == null ? null : new QueueRef(null, queue, null), null, null, data,
                jobType == null ? null : jobType.equalsIgnoreCase("manual"), media(line));
    }

    /** Media values that mean a phone call: {@code telephony} [seed]; the others are assumed spellings. */
    private static final Set<String> VOICE = Set.of("telephony", "voice", "phone", "call", "audio");
    /** {@code type} values that are a direction, not a medium [seed]. */
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");

    /**
     * The contact's medium, null for a phone call. {@code media_type} first [seed]; then a {@code type}
     * that is not a direction, then a non-empty {@code chat_id} meaning chat (both assumed: leniency
     * for variants the seed does not show).
     */
    static String media(JsonNode line) {
        String m = text(line, "media_type");
        if (m == null) {
            String type = text(line, "type");
            if (type != null && !DIRECTIONS.contains(type.toLowerCase(Locale.ROOT))) m = type;
        }
        if (m == null) return text(line, "chat_id") == null ? null : "chat";
        String lower = m.toLowerCase(Locale.ROOT);
        return VOICE.contains(lower) ? null : lower;
    }

    /** A non-blank scalar as a string (numbers too: ids and numbers are strings in Unibar), else null. */
    static String text(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
