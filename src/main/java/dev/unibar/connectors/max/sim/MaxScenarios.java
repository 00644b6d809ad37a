package dev.unibar.connectors.max.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scripted contacts a supervisor or a test can play on the fake MAX (docs/simulators/max.md). */
public final class MaxScenarios {

    /** Name → what it does. */
    public static final Map<String, String> ALL = scenarios();

    private MaxScenarios() {
    }

    private static Map<String, String> scenarios() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("inbound", "an inbound call is offered (Incoming); params ani, dnis, skill, screenPopUrl");
        m.put("outbound", "an outbound call: Dialing, then Active; params dnis, skill");
        m.put("answered", "the far end of a Dialing call answers (Active)");
        m.put("consult", "the live call is held and a consult call (new ContactID) goes Dialing then Active");
        m.put("transfer", "the consult completes a transfer: both calls Disconnected (FinalState False), ACW");
        m.put("transfer-in", "a call transferred from another agent is offered: new ContactID, MasterID of the original");
        m.put("conference", "the held call and the consult call are Joined in a conference");
        m.put("caller-hangup", "the caller hangs up the live call: Disconnected (FinalState False), ACW");
        m.put("end-acw", "after-call work ends: Disconnected (FinalState True), agent Available");
        m.put("unavailable", "the agent goes Unavailable; param reason (default Lunch); UpdateUnavailableCodes too");
        m.put("available", "the agent goes Available");
        m.put("remote-logoff", "the session is ended elsewhere: RemoteAgentSessionEnd, AgentState LoggedOut");
        m.put("session-timeout", "the session times out: AgentSessionEnd, AgentState LoggedOut");
        m.put("logon", "a new session starts: AgentSessionStart, AgentState Available");
        m.put("popurl", "a PopURL screen-pop for the current contact; param url");
        m.put("unknown", "an event type Unibar does not map (UpdateIndicators)");
        return m;
    }

    /** Runs one scenario. @throws IllegalArgumentException unknown name; IllegalStateException wrong state */
    public static Map<String, Object> run(MaxSimState st, String name, Map<String, Object> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", name);
        synchronized (st) {
            play(st, name, p, out);
        }
        return out;
    }

    private static void play(MaxSimState st, String name, Map<String, Object> p, Map<String, Object> out) {
        switch (name) {
            case "inbound" -> {
                SimContact c = st.newContact(true, str(p, "ani", "8015551234"), str(p, "dnis", "8005550100"),
                        str(p, "skill", "Support"), "Incoming", null, "Regular");
                if (p.containsKey("screenPopUrl")) st.setScreenPop(c, str(p, "screenPopUrl", ""));
                out.put("contactId", c.contactId);
            }
            case "outbound" -> {
                SimContact c = st.newContact(false, str(p, "ani", "8013203200"), str(p, "dnis", "8015559876"),
                        str(p, "skill", "Outbound"), "Dialing", null, "Regular");
                st.setAgent("OutboundContact", "", false);
                out.put("contactId", c.contactId);
            }
            case "answered" -> {
                SimContact c = need(st.find("Dialing"), "no Dialing call");
                st.setStatus(c, "Active");
                out.put("contactId", c.contactId);
            }
            case "consult" -> {
                SimContact a = need(st.find("Active", "Holding"), "no live call to consult from");
                if (a.status.equals("Active")) st.setStatus(a, "Holding");
                SimContact b = st.newContact(false, "8013203200", str(p, "dnis", "4021"), a.skill, "Dialing",
                        null, "Consult");
                st.setAgent("OutboundConsult", "", false);
                st.setStatus(b, "Active");
                out.put("contactId", b.contactId);
            }
            case "transfer" -> {
                SimContact b = need(consultCall(st), "no consult call");
                SimContact a = need(st.find("Holding"), "no held call");
                st.endVoice(List.of(a, b), "Transferred");
                out.put("contactId", a.contactId);
            }
            case "transfer-in" -> {
                String master = str(p, "masterId", "584910001");
                SimContact c = st.newContact(true, str(p, "ani", "8015551234"), str(p, "dnis", "8005550100"),
                        str(p, "skill", "Support"), "Incoming", master, "Regular");
                out.put("contactId", c.contactId);
            }
            case "conference" -> {
                SimContact b = need(consultCall(st), "no consult call");
                SimContact a = need(st.find("Holding"), "no held call");
                a.callType = "Conference";
                b.callType = "Conference";
                st.setStatus(a, "Joined");
                st.setStatus(b, "Joined");
                out.put("contactId", a.contactId);
            }
            case "caller-hangup" -> {
                SimContact c = need(st.live(), "no live call");
                st.endVoice(List.of(c), str(p, "disconnectCode", "None"));
                out.put("contactId", c.contactId);
            }
            case "end-acw" -> st.endAcw();
            case "unavailable" -> {
                st.emit(List.of(MaxEvents.simple("UpdateUnavailableCodes")));
                st.setAgent("Unavailable", str(p, "reason", "Lunch"), false);
            }
            case "available" -> st.setAgent("Available", "", false);
            case "remote-logoff" -> st.logOff("RemoteAgentSessionEnd", "Your session was ended by a supervisor");
            case "session-timeout" -> st.logOff("AgentSessionEnd", "Session timed out");
            case "logon" -> st.logOn();
            case "popurl" -> {
                SimContact c = st.live() != null ? st.live() : st.find("Incoming");
                String id = c == null ? "" : c.contactId;
                st.emit(List.of(MaxEvents.popUrl(id, str(p, "url", "https://crm.example.com/customer?ani=8015551234"),
                        "Customer")));
            }
            case "unknown" -> st.emit(List.of(MaxEvents.simple("UpdateIndicators")));
            default -> throw new IllegalArgumentException("unknown scenario: " + name);
        }
    }

    private static SimContact consultCall(MaxSimState st) {
        synchronized (st) {
            for (String id : st.contactIds()) {
                SimContact c = st.findById(id);
                if (c != null && "Consult".equals(c.callType) && c.isLive()) return c;
            }
            return null;
        }
    }

    private static SimContact need(SimContact c, String why) {
        if (c == null) throw new IllegalStateException(why);
        return c;
    }

    private static String str(Map<String, Object> p, String key, String def) {
        Object v = p == null ? null : p.get(key);
        return v == null ? def : String.valueOf(v);
    }
}
