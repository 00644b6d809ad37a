package dev.unibar.connectors.max.sim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MaxSimStateTest {

    private MaxSimState st;

    @BeforeEach
    void setUp() {
        st = new MaxSimState(Clock.fixed(Instant.parse("2026-03-02T14:00:00Z"), ZoneOffset.UTC), "tok==");
    }

    private static Map<String, Object> msg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private void register(String window, Object... extra) {
        Map<String, Object> m = msg("messageType", "RegisterForClientEvents", "issuer", "Test",
                "subscriptionTypes", List.of("agent", "contacts"));
        m.putAll(msg(extra));
        st.onClientMessage(window, "http://127.0.0.1", m);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(MaxSimState.Delivery d) {
        return (List<Map<String, Object>>) d.message().get("events");
    }

    private static List<String> types(MaxSimState.Delivery d) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : events(d)) out.add(String.valueOf(e.containsKey("Type") ? e.get("Type") : e.get("messageType")));
        return out;
    }

    @Test
    void okAckComesFirstFromMaxWithTheSnapshot() {
        MaxScenarios.run(st, "inbound", Map.of());
        long before = st.lastSeq();
        register("w1");
        List<MaxSimState.Delivery> d = st.deliveriesAfter(before);
        assertEquals(1, d.size());
        assertEquals("MAX", d.get(0).message().get("issuer"));
        assertEquals(List.of("ClientEventSubscriptionAcknowledge", "AgentState", "CallContactEvent"), types(d.get(0)));
        assertEquals("OK", events(d.get(0)).get(0).get("status"));
        assertEquals("Incoming", events(d.get(0)).get(2).get("Status"));
    }

    /** NICE's messenger [X1] routes by the camelCase contactId; MAX's live events carry ContactID (issue 21). */
    @Test
    void liveCallsReachAgentSubscribersAndOnlyCamelCaseContactEventsReachContacts() {
        register("agentOnly", "subscriptionTypes", List.of("agent"));
        register("contactsOnly", "subscriptionTypes", List.of("contacts"));
        long before = st.lastSeq();
        MaxScenarios.run(st, "inbound", Map.of());
        List<String> windows = st.deliveriesAfter(before).stream().map(MaxSimState.Delivery::window).toList();
        assertEquals(List.of("agentOnly"), windows, "a live CallContactEvent counts as an agent event");

        before = st.lastSeq();
        st.emit(List.of(msg("contactId", "1", "status", "Disconnected", "finalState", true)));
        windows = st.deliveriesAfter(before).stream().map(MaxSimState.Delivery::window).toList();
        assertEquals(List.of("contactsOnly"), windows, "a cleared contact (camelCase) is a contact event");
    }

    @Test
    void newerClientPutsTheAckLastWithItsIssuer() {
        st.flavor(MaxSimState.Flavor.CXA);
        register("w1");
        MaxSimState.Delivery d = st.deliveriesAfter(0).get(0);
        assertEquals("CXA", d.message().get("issuer"));
        assertEquals(List.of("AgentState", "ClientEventSubscriptionAcknowledge"), types(d));
    }

    @Test
    void invalidContactIdIsCheckedBeforeTheTypes() {
        register("w1", "contactId", "abc", "subscriptionTypes", List.of());
        Map<String, Object> ack = events(st.deliveriesAfter(0).get(0)).get(0);
        assertEquals("ERROR", ack.get("status"));
        assertEquals("Invalid Contact Id", ack.get("reason"));
        assertFalse(st.isSubscribed("w1"));
        register("w2", "contactId", 0);
        assertEquals("Invalid Contact Id", events(st.deliveriesAfter(1).get(0)).get(0).get("reason"));
    }

    @Test
    void emptyOrInvalidSubscriptionTypesAreRefused() {
        register("w1", "subscriptionTypes", List.of());
        register("w2", "subscriptionTypes", List.of("everything", 3));
        for (MaxSimState.Delivery d : st.deliveriesAfter(0)) {
            assertEquals(List.of("ClientEventSubscriptionAcknowledge"), types(d));
            assertEquals("Invalid Subscription Types", events(d).get(0).get("reason"));
        }
        assertEquals(0, st.subscriberCount());
        register("w3", "subscriptionTypes", List.of("AGENT", "nonsense"));
        assertTrue(st.isSubscribed("w3"));
    }

    @Test
    void aSecondRegistrationGetsNoAnswerUntilUnregistered() {
        register("w1");
        long seq = st.lastSeq();
        register("w1");
        assertTrue(st.deliveriesAfter(seq).isEmpty(), "MAX stays silent");
        MaxSimState.Received r = st.received().get(1);
        assertFalse(r.accepted());
        st.onClientMessage("w1", "o", msg("messageType", "UnregisterFromClientEvents"));
        register("w1");
        assertEquals(1, st.deliveriesAfter(seq).size());
    }

    /** The real MAX forgets its subscribers with its page: after a reload the same child frame may register. */
    @Test
    void aReloadedPageHasNoSubscribers() {
        register("load1/w1");
        assertTrue(st.isSubscribed("load1/w1"));
        long seq = st.lastSeq();
        register("load2/w1");
        assertFalse(st.isSubscribed("load1/w1"), "the old page's subscriber went with it");
        assertTrue(st.isSubscribed("load2/w1"));
        assertEquals("OK", events(st.deliveriesAfter(seq).get(0)).get(0).get("status"));
        assertEquals(1, st.subscriberCount());
    }

    @Test
    void agentSubscriberGetsLiveCallsAndSessionInfoOnlyWhenAsked() {
        register("agentOnly", "subscriptionTypes", List.of("agent"));
        register("info", "subscriptionTypes", List.of("sessioninfo"));
        assertTrue(types(st.deliveriesAfter(1).get(0)).contains("SessionInfo"));
        long seq = st.lastSeq();
        MaxScenarios.run(st, "inbound", Map.of());
        List<MaxSimState.Delivery> live = st.deliveriesAfter(seq);
        assertEquals(List.of("agentOnly"), live.stream().map(MaxSimState.Delivery::window).toList(),
                "a live CallContactEvent carries ContactID, not the camelCase contactId [X1] routes by: an agent event");
        seq = st.lastSeq();
        MaxScenarios.run(st, "remote-logoff", Map.of());
        List<MaxSimState.Delivery> d = st.deliveriesAfter(seq);
        assertEquals(List.of("RemoteAgentSessionEnd", "AgentState"), types(d.get(0)));
        assertEquals("agentOnly", d.get(0).window());
        assertEquals(List.of("RemoteAgentSessionEnd"), types(d.get(1)));
    }

    @Test
    void commandsFollowMaxStateRules() {
        register("w1");
        st.onClientMessage("w1", "o", msg("messageType", "HoldEvent"));
        assertFalse(st.received().get(1).accepted(), "nothing to hold");
        String id = (String) MaxScenarios.run(st, "inbound", Map.of()).get("contactId");
        st.onClientMessage("w1", "o", msg("messageType", "HoldEvent"));
        assertFalse(st.received().get(2).accepted(), "an incoming call cannot be held");
        st.onClientMessage("w1", "o", msg("messageType", "AnswerEvent"));
        assertEquals("Active", st.contactStatus(id));
        assertEquals("InboundContact", st.agentState());
        st.onClientMessage("w1", "o", msg("messageType", "HoldEvent"));
        assertEquals("Holding", st.contactStatus(id));
        st.onClientMessage("w1", "o", msg("messageType", "HoldEvent"));
        assertEquals("Active", st.contactStatus(id));
        st.onClientMessage("w1", "o", msg("messageType", "MuteEvent"));
        assertTrue(st.isMuted());
        st.onClientMessage("w1", "o", msg("messageType", "RecordEvent"));
        st.onClientMessage("w1", "o", msg("messageType", "RecordEvent"));
        assertTrue(st.isLogging(id));
        assertFalse(st.received().get(st.received().size() - 1).accepted(), "record is one-shot");
        st.onClientMessage("w1", "o", msg("messageType", "MaskEvent"));
        assertEquals("Masking", st.contactStatus(id));
        st.onClientMessage("w1", "o", msg("messageType", "MaskEvent"));
        st.onClientMessage("w1", "o", msg("messageType", "HangupEvent"));
        assertEquals("Disconnected", st.contactStatus(id));
        assertTrue(st.isAcw());
        assertEquals("Unavailable", st.agentState());
        MaxScenarios.run(st, "end-acw", Map.of());
        assertNull(st.contactStatus(id));
        assertEquals("Available", st.agentState());
    }

    @Test
    void refuseClosesTheOfferedCall() {
        register("w1");
        String id = (String) MaxScenarios.run(st, "inbound", Map.of()).get("contactId");
        st.onClientMessage("w1", "o", msg("messageType", "RefuseEvent"));
        assertNull(st.contactStatus(id));
        assertEquals("Unavailable", st.agentState());
        st.onClientMessage("w1", "o", msg("messageType", "AnswerEvent"));
        assertFalse(st.received().get(st.received().size() - 1).accepted());
    }

    @Test
    void consultTransferGivesBothCallsDisconnectedAndAcw() {
        register("w1");
        MaxScenarios.run(st, "inbound", Map.of());
        st.onClientMessage("w1", "o", msg("messageType", "AnswerEvent"));
        String consult = (String) MaxScenarios.run(st, "consult", Map.of()).get("contactId");
        assertEquals("Active", st.contactStatus(consult));
        assertEquals("OutboundConsult", st.agentState());
        long seq = st.lastSeq();
        MaxScenarios.run(st, "transfer", Map.of());
        List<MaxSimState.Delivery> d = st.deliveriesAfter(seq);
        assertEquals(List.of("CallContactEvent", "CallContactEvent", "AgentState"), types(d.get(0)));
        assertEquals("False", events(d.get(0)).get(0).get("FinalState"));
        assertEquals("True", events(d.get(0)).get(2).get("IsAcw"));
    }

    @Test
    void transferInCarriesTheOriginalAsMasterId() {
        register("w1");
        Map<String, Object> out = MaxScenarios.run(st, "transfer-in", Map.of("masterId", "111"));
        Map<String, Object> e = events(st.deliveriesAfter(1).get(0)).get(0);
        assertEquals(out.get("contactId"), e.get("ContactID"));
        assertEquals("111", e.get("MasterID"));
    }

    @Test
    void contactCardDataIsKeptOnTheCall() {
        register("w1");
        String id = (String) MaxScenarios.run(st, "inbound", Map.of()).get("contactId");
        st.onClientMessage("w1", "o", msg("messageType", "ContactCardData",
                "contactCardData", Map.of("name", "Ana Souza", "userImg", "https://img.example/a.png")));
        assertEquals("Ana Souza", st.customerName(id));
    }

    @Test
    void contactIdParsing() {
        assertEquals(42L, MaxSubscribers.parseContactId("42"));
        assertEquals(42L, MaxSubscribers.parseContactId(42));
        assertNull(MaxSubscribers.parseContactId("4.2"));
        assertNull(MaxSubscribers.parseContactId(0));
        assertNull(MaxSubscribers.parseContactId("-5"));
        assertNull(MaxSubscribers.parseContactId(4.5));
    }

    @Test
    void unknownScenarioAndWrongStateAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaxScenarios.run(st, "nope", Map.of()));
        assertThrows(IllegalStateException.class, () -> MaxScenarios.run(st, "transfer", Map.of()));
    }
    /** A caller answered, consulted and joined in a conference: the caller's and the consult's contact ids. */
    private List<String> conference() {
        register("w1");
        String caller = (String) MaxScenarios.run(st, "inbound", Map.of()).get("contactId");
        st.onClientMessage("w1", "o", msg("messageType", "AnswerEvent"));
        String consult = (String) MaxScenarios.run(st, "consult", Map.of()).get("contactId");
        MaxScenarios.run(st, "conference", Map.of());
        return List.of(caller, consult);
    }

    /** The agent hangs up in a conference: MAX ends the agent's part in every joined contact at once, then ACW. */
    @Test
    void hangingUpInAConferenceLeavesItWithEveryJoinedContactDisconnected() {
        List<String> ids = conference();
        String caller = ids.get(0);
        String consult = ids.get(1);
        long seq = st.lastSeq();
        st.onClientMessage("w1", "o", msg("messageType", "HangupEvent"));
        List<MaxSimState.Delivery> d = st.deliveriesAfter(seq);
        assertEquals(1, d.size(), "one batch");
        assertEquals(List.of("CallContactEvent", "CallContactEvent", "AgentState"), types(d.get(0)));
        assertEquals(List.of(caller, consult), events(d.get(0)).subList(0, 2).stream().map(e -> e.get("ContactID")).toList());
        for (Map<String, Object> e : events(d.get(0)).subList(0, 2)) {
            assertEquals("Disconnected", e.get("Status"));
            assertEquals("False", e.get("FinalState"));
        }
        assertEquals("True", events(d.get(0)).get(2).get("IsAcw"));
        assertTrue(st.isAcw());
        MaxScenarios.run(st, "end-acw", Map.of());
        assertEquals(List.of(), st.contactIds());
    }

    /** The caller hangs up in a conference: the agent stays with the other party, no after-call work yet. */
    @Test
    void theCallerLeavingAConferenceLeavesTheAgentOnTheOtherParty() {
        List<String> ids = conference();
        String caller = ids.get(0);
        String consult = ids.get(1);
        MaxScenarios.run(st, "caller-hangup", Map.of());
        assertEquals("Disconnected", st.contactStatus(caller));
        assertEquals("Joined", st.contactStatus(consult));
        assertFalse(st.isAcw());
        assertEquals("OutboundContact", st.agentState());
    }

    /** A caller who gives up while it rings: Incoming, then Disconnected with FinalState True; the agent stays put. */
    @Test
    void aCallerWhoGivesUpWhileItRingsClosesTheContact() {
        List<Runnable> due = new ArrayList<>();
        st = new MaxSimState(Clock.fixed(Instant.parse("2026-03-02T14:00:00Z"), ZoneOffset.UTC), "tok==",
                (action, ms) -> {
                    due.add(action);
                    return () -> due.remove(action);
                });
        register("w1");
        long seq = st.lastSeq();
        String id = (String) MaxScenarios.run(st, "missed-call", Map.of("ani", "731000111")).get("contactId");
        assertEquals("Incoming", st.contactStatus(id));
        assertEquals(1, due.size(), "the caller gives up later");
        due.remove(0).run();
        assertNull(st.contactStatus(id), "MAX forgets the contact");
        List<Map<String, Object>> seen = new ArrayList<>();
        st.deliveriesAfter(seq).forEach(d -> seen.addAll(events(d)));
        assertEquals(List.of("Incoming", "Disconnected"), seen.stream().map(e -> e.get("Status")).toList());
        assertEquals("True", seen.get(1).get("FinalState"));
        assertEquals("731000111", seen.get(1).get("ANI"));
        assertEquals("Available", st.agentState());
        assertFalse(st.isAcw());

        // An answered call is not abandoned later: the timer finds it talking and leaves it.
        String answered = (String) MaxScenarios.run(st, "inbound", Map.of("autoHangupAfterMs", 800)).get("contactId");
        st.onClientMessage("w1", "o", msg("messageType", "AnswerEvent"));
        due.remove(0).run();
        assertEquals("Active", st.contactStatus(answered));

        String ringing = (String) MaxScenarios.run(st, "inbound", Map.of()).get("contactId");
        assertTrue(due.isEmpty(), "no give-up unless asked");
        MaxScenarios.run(st, "caller-abandons", Map.of());
        assertNull(st.contactStatus(ringing));
        assertThrows(IllegalStateException.class, () -> MaxScenarios.run(st, "caller-abandons", Map.of()));
    }
}
