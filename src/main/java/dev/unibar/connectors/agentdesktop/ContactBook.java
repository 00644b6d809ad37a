package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connector needs to remember from the callback lines to address its calls: which contacts
 * are online, which one is held, which consultation leg belongs to which held call, which contacts
 * are in after-call work. Hold is a toggle without a "retrieved" event: held means a HELD was seen
 * and no ESTABLISHED since.
 */
final class ContactBook {

    private final Set<String> online = ConcurrentHashMap.newKeySet();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<String, String> legToMain = new ConcurrentHashMap<>();
    private final Set<String> offline = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    /** Contacts that are not phone calls (chat...), with their medium. */
    private final Map<String, String> media = new ConcurrentHashMap<>();

    synchronized void observe(JsonNode line) {
        String event = AgentDesktopMapper.text(line, "event");
        String id = AgentDesktopMapper.text(line, "id");
        if (event == null || id == null) return;
        String m = AgentDesktopMapper.media(line);
        if (m != null) media.put(id, m);
        switch (event.toUpperCase(Locale.ROOT)) {
            case "POPUP", "RINGING", "ESTABLISHED" -> {
                online.add(id);
                held.remove(id);
            }
            case "CONNECTIONSTARTED", "DIALING" -> {
                if (online.add(id) && "manual".equalsIgnoreCase(AgentDesktopMapper.text(line, "job_type"))) {
                    held.stream().filter(h -> !h.equals(id)).findFirst().ifPresent(main -> legToMain.put(id, main));
                }
            }
            case "HELD" -> held.add(id);
            case "CONNECTIONCLEARED" -> {
                online.remove(id);
                held.remove(id);
                legToMain.remove(id);
            }
            case "JOBCHANGED" -> {
                if ("offline".equalsIgnoreCase(AgentDesktopMapper.text(line, "job_state"))) offline.add(id);
            }
            case "JOBFINISHED", "DELETE" -> {
                media.remove(id);
                offline.remove(id);
                online.remove(id);
                held.remove(id);
            }
            default -> {
                // other events do not change what the connector addresses
            }
        }
    }

    synchronized boolean isLeg(String id) {
        return legToMain.containsKey(id);
    }

    /** The held call a consultation leg belongs to, or null. */
    synchronized String mainOf(String legId) {
        return legToMain.get(legId);
    }

    /** The consultation in progress: (held call, leg), if any. */
    synchronized Optional<Map.Entry<String, String>> consultation() {
        return legToMain.entrySet().stream().findFirst().map(e -> Map.entry(e.getValue(), e.getKey()));
    }

    /** The contact's medium when it is not a phone call, else null. */
    String media(String id) {
        return id == null ? null : media.get(id);
    }

    synchronized Set<String> inWrapUp() {
        return Set.copyOf(offline);
    }

    synchronized void clear() {
        online.clear();
        held.clear();
        legToMain.clear();
        offline.clear();
        media.clear();
    }
}
