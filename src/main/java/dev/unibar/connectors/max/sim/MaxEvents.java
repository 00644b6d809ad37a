package dev.unibar.connectors.max.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NICE agent-session events as MAX hands them to its children: PascalCase keys, every value a string,
 * booleans "True"/"False" (docs/vendors/max.md). Maps keep insertion order so captures read naturally.
 */
final class MaxEvents {

    private MaxEvents() {
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    static Map<String, Object> agentState(String state, String outReason, boolean acw, int acwTimeout, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "AgentState");
        e.put("CurrentState", state);
        e.put("CurrentOutReason", outReason == null ? "" : outReason);
        e.put("StartTimeUTC", at.toString());
        e.put("IsAcw", bool(acw));
        e.put("AcwTimeout", acw ? String.valueOf(acwTimeout) : "0");
        e.put("NextStates", List.of());
        return e;
    }

    /** The whole CallContactEvent of a contact in its current status. */
    static Map<String, Object> callContact(SimContact c, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "CallContactEvent");
        e.put("ContactID", c.contactId);
        e.put("MasterID", c.masterId);
        e.put("Status", c.status);
        e.put("OriginalState", "False");
        e.put("CallType", c.callType);
        e.put("DNIS", c.dnis);
        e.put("ANI", c.ani);
        e.put("Skill", c.skill);
        e.put("IsInbound", bool(c.inbound));
        e.put("StartTimeUTC", c.startedAt.toString());
        e.put("LastStateChangeTimeUTC", at.toString());
        e.put("ScreenPopUrl", c.screenPopUrl);
        e.put("DisconnectCode", c.disconnectCode);
        e.put("IsLogging", bool(c.logging));
        e.put("Timeout", "");
        e.put("AllowDispositions", "False");
        e.put("Label", "");
        e.put("IsLinked", "True");
        e.put("FinalState", bool(c.finalState));
        return e;
    }

    static Map<String, Object> sessionStart(String agentId, String station, String sessionId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "AgentSessionStart");
        e.put("BusNo", "4500");
        e.put("AgentId", agentId);
        e.put("SessionId", sessionId);
        e.put("StationPhoneNumber", station);
        e.put("StationCallerId", station);
        e.put("DialerCampaign", "");
        e.put("CanMask", "True");
        e.put("CanRecord", "True");
        return e;
    }

    static Map<String, Object> sessionEnd(String type, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", type);
        e.put("Message", message);
        e.put("Success", "True");
        return e;
    }

    static Map<String, Object> agentLeg(String legId, String status, boolean finalState) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "AgentLeg");
        e.put("AgentLegId", legId);
        e.put("Status", status);
        e.put("FinalState", bool(finalState));
        return e;
    }

    static Map<String, Object> mute(boolean muted) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "Mute");
        e.put("AgentMuted", bool(muted));
        return e;
    }

    static Map<String, Object> simple(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", type);
        e.put("IISHost", "sim-iis");
        e.put("VCHost", "sim-vc");
        return e;
    }

    static Map<String, Object> popUrl(String contactId, String url, String title) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Type", "PopURL");
        e.put("ContactId", contactId);
        e.put("URL", url);
        e.put("TabTitle", title);
        e.put("PopDestination", "Tab");
        return e;
    }

    static Map<String, Object> ack(Object contactId, boolean ok, String reason) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("messageType", "ClientEventSubscriptionAcknowledge");
        e.put("contactId", contactId);
        e.put("status", ok ? "OK" : "ERROR");
        e.put("reason", reason);
        return e;
    }

    static Map<String, Object> sessionInfo(String token) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("messageType", "SessionInfo");
        e.put("sessionToken", token);
        return e;
    }

    /** The contact id an event belongs to, or null for agent events (MAX's routing key). */
    static String contactIdOf(Map<String, Object> event) {
        Object id = event.get("ContactID");
        if (id == null) id = event.get("ContactId");
        return id == null || String.valueOf(id).isEmpty() ? null : String.valueOf(id);
    }
}
