package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.ScenarioBook;

import java.util.List;
import java.util.Map;

/** The scripted contacts a supervisor or a test can play on the fake MAX (docs/simulators/max.md). */
public final class MaxScenarios {

    /** Name → what it does. */
    public static final Map<String, String> ALL = book(null).descriptions();

    private MaxScenarios() {
    }

    /** Runs one scenario. @throws IllegalArgumentException unknown name; IllegalStateException wrong state */
    public static Map<String, Object> run(MaxSimState st, String name, Map<String, Object> p) {
        synchronized (st) {
            return book(st).run(name, p);
        }
    }

    static ScenarioBook book(MaxSimState st) {
        return new ScenarioBook()
                .add("inbound", "an inbound call is offered (Incoming); params ani, dnis, skill, screenPopUrl, autoHangupAfterMs",
                        (p, out) -> {
                            SimContact c = offer(st, p);
                            if (p.has("screenPopUrl")) st.setScreenPop(c, p.str("screenPopUrl", ""));
                            long giveUp = p.num("autoHangupAfterMs", 0);
                            if (giveUp > 0) st.later(giveUp, () -> st.abandon(c, "None"));
                            out.put("contactId", c.contactId);
                        }, "ani", "caller", "dnis", "number called", "skill", "skill name", "screenPopUrl",
                        "the contact's ScreenPopUrl", "autoHangupAfterMs", "the caller gives up after this many ms if "
                                + "still ringing (0 = never)")
                .add("missed-call", "a call is offered and the caller gives up while it rings: Incoming, then Disconnected "
                        + "(FinalState True) after ringMs; params ani, skill, ringMs", (p, out) -> {
                            SimContact c = offer(st, p);
                            st.later(p.num("ringMs", 3000), () -> st.abandon(c, "None"));
                            out.put("contactId", c.contactId);
                        }, "ani", "caller", "skill", "skill name", "ringMs", "3000")
                .add("caller-abandons", "the caller of the ringing call gives up: Disconnected (FinalState True)",
                        (p, out) -> {
                            SimContact c = need(st.find("Incoming"), "no ringing call");
                            st.abandon(c, "None");
                            out.put("contactId", c.contactId);
                        })
                .add("outbound", "an outbound call: Dialing, then Active; params dnis, skill", (p, out) -> {
                    SimContact c = st.newContact(false, p.str("ani", "8013203200"), p.str("dnis", "8015559876"),
                            p.str("skill", "Outbound"), "Dialing", null, "Regular");
                    st.setAgent("OutboundContact", "", false);
                    out.put("contactId", c.contactId);
                }, "dnis", "number dialled", "skill", "skill name")
                .add("answered", "the far end of a Dialing call answers (Active)", (p, out) -> {
                    SimContact c = need(st.find("Dialing"), "no Dialing call");
                    st.setStatus(c, "Active");
                    out.put("contactId", c.contactId);
                })
                .add("consult", "the live call is held and a consult call (new ContactID) goes Dialing then Active", (p, out) -> {
                    SimContact a = need(st.find("Active", "Holding"), "no live call to consult from");
                    if (a.status.equals("Active")) st.setStatus(a, "Holding");
                    SimContact b = st.newContact(false, "8013203200", p.str("dnis", "4021"), a.skill, "Dialing", null, "Consult");
                    st.setAgent("OutboundConsult", "", false);
                    st.setStatus(b, "Active");
                    out.put("contactId", b.contactId);
                }, "dnis", "number consulted")
                .add("transfer", "the consult completes a transfer: both calls Disconnected (FinalState False), ACW", (p, out) -> {
                    SimContact b = need(consultCall(st), "no consult call");
                    SimContact a = need(st.find("Holding"), "no held call");
                    st.endVoice(List.of(a, b), "Transferred");
                    out.put("contactId", a.contactId);
                })
                .add("transfer-in", "a call transferred from another agent is offered: new ContactID, MasterID of the original",
                        (p, out) -> {
                            SimContact c = st.newContact(true, p.str("ani", "8015551234"), p.str("dnis", "8005550100"),
                                    p.str("skill", "Support"), "Incoming", p.str("masterId", "584910001"), "Regular");
                            out.put("contactId", c.contactId);
                        }, "masterId", "the original contact", "ani", "caller", "dnis", "number called", "skill", "skill name")
                .add("conference", "the held call and the consult call are Joined in a conference", (p, out) -> {
                    SimContact b = need(consultCall(st), "no consult call");
                    SimContact a = need(st.find("Holding"), "no held call");
                    a.callType = "Conference";
                    b.callType = "Conference";
                    st.setStatus(a, "Joined");
                    st.setStatus(b, "Joined");
                    out.put("contactId", a.contactId);
                })
                .add("caller-hangup", "the caller hangs up the live call (in a conference, the first party): Disconnected "
                        + "(FinalState False), ACW once the agent is on no call", (p, out) -> {
                    List<SimContact> joined = st.all("Joined");
                    SimContact c = need(joined.isEmpty() ? st.live() : joined.get(0), "no live call");
                    st.endVoice(List.of(c), p.str("disconnectCode", "None"));
                    out.put("contactId", c.contactId);
                }, "disconnectCode", "DisconnectCode (None)")
                .add("end-acw", "after-call work ends: Disconnected (FinalState True), agent Available", (p, out) -> st.endAcw())
                .add("unavailable", "the agent goes Unavailable; param reason (default Lunch); UpdateUnavailableCodes too",
                        (p, out) -> {
                            st.emit(List.of(MaxEvents.simple("UpdateUnavailableCodes")));
                            st.setAgent("Unavailable", p.str("reason", "Lunch"), false);
                        }, "reason", "unavailable code (Lunch)")
                .add("available", "the agent goes Available", (p, out) -> st.setAgent("Available", "", false))
                .add("remote-logoff", "the session is ended elsewhere: RemoteAgentSessionEnd, AgentState LoggedOut",
                        (p, out) -> st.logOff("RemoteAgentSessionEnd", "Your session was ended by a supervisor"))
                .add("session-timeout", "the session times out: AgentSessionEnd, AgentState LoggedOut",
                        (p, out) -> st.logOff("AgentSessionEnd", "Session timed out"))
                .add("logon", "a new session starts: AgentSessionStart, AgentState Available", (p, out) -> st.logOn())
                .add("popurl", "a PopURL screen-pop for the current contact; param url", (p, out) -> {
                    SimContact c = st.live() != null ? st.live() : st.find("Incoming");
                    String id = c == null ? "" : c.contactId;
                    st.emit(List.of(MaxEvents.popUrl(id, p.str("url", "https://crm.example.com/customer?ani=8015551234"),
                            "Customer")));
                }, "url", "the page to pop")
                .add("unknown", "an event type Unibar does not map (UpdateIndicators)",
                        (p, out) -> st.emit(List.of(MaxEvents.simple("UpdateIndicators"))));
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

    private static SimContact offer(MaxSimState st, dev.unibar.simkit.Params p) {
        return st.newContact(true, p.str("ani", "8015551234"), p.str("dnis", "8005550100"), p.str("skill", "Support"),
                "Incoming", null, "Regular");
    }

    private static SimContact need(SimContact c, String why) {
        if (c == null) throw new IllegalStateException(why);
        return c;
    }
}
