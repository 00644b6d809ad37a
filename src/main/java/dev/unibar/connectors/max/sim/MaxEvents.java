package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.Replies;

import java.time.Instant;
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
        return Replies.fields("Type", "AgentState",
                "CurrentState", state,
                "CurrentOutReason", outReason == null ? "" : outReason,
                "StartTimeUTC", at.toString(),
                "IsAcw", bool(acw),
                "AcwTimeout", acw ? String.valueOf(acwTimeout) : "0",
                "NextStates", List.of());
    }

    /** The whole CallContactEvent of a contact in its current status. */
    static Map<String, Object> callContact(SimContact c, Instant at) {
        return Replies.fields("Type", "CallContactEvent",
                "ContactID", c.contactId,
                "MasterID", c.masterId,
                "Status", c.status,
                "OriginalState", "False",
                "CallType", c.callType,
                "DNIS", c.dnis,
                "ANI", c.ani,
                "Skill", c.skill,
                "IsInbound", bool(c.inbound),
                "StartTimeUTC", c.startedAt.toString(),
                "LastStateChangeTimeUTC", at.toString(),
                "ScreenPopUrl", c.screenPopUrl,
                "DisconnectCode", c.disconnectCode,
                "IsLogging", bool(c.logging),
                "Timeout", "",
                "AllowDispositions", "False",
                "Label", "",
                "IsLinked", "True",
                "FinalState", bool(c.finalState));
    }

    static Map<String, Object> sessionStart(String agentId, String station, String sessionId) {
        return Replies.fields("Type", "AgentSessionStart",
                "BusNo", "4500",
                "AgentId", agentId,
                "SessionId", sessionId,
                "StationPhoneNumber", station,
                "StationCallerId", station,
                "DialerCampaign", "",
                "CanMask", "True",
                "CanRecord", "True");
    }

    static Map<String, Object> sessionEnd(String type, String message) {
        return Replies.fields("Type", type,
                "Message", message,
                "Success", "True");
    }

    static Map<String, Object> mute(boolean muted) {
        return Replies.fields("Type", "Mute",
                "AgentMuted", bool(muted));
    }

    static Map<String, Object> simple(String type) {
        return Replies.fields("Type", type,
                "IISHost", "sim-iis",
                "VCHost", "sim-vc");
    }

    static Map<String, Object> popUrl(String contactId, String url, String title) {
        return Replies.fields("Type", "PopURL",
                "ContactId", contactId,
                "URL", url,
                "TabTitle", title,
                "PopDestination", "Tab");
    }

    static Map<String, Object> ack(Object contactId, boolean ok, String reason) {
        return Replies.fields("messageType", "ClientEventSubscriptionAcknowledge",
                "contactId", contactId,
                "status", ok ? "OK" : "ERROR",
                "reason", reason);
    }

    static Map<String, Object> sessionInfo(String token) {
        return Replies.fields("messageType", "SessionInfo",
                "sessionToken", token);
    }

    /** The contact id an event belongs to, or null for agent events (MAX's routing key). */
    static String contactIdOf(Map<String, Object> event) {
        Object id = event.get("ContactID");
        if (id == null) id = event.get("ContactId");
        return id == null || String.valueOf(id).isEmpty() ? null : String.valueOf(id);
    }
}
