package dev.unibar.ui;

import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.model.QueueRef;

import java.util.List;
import java.util.Map;

/** Normalized events the UI tests push, as a vendor connector would. */
final class Scenes {

    static final String V = FakeConnector.VENDOR;
    static final String NUMBER = "5511988887777";
    static final String NAME = "Maria Oliveira";
    static final String QUEUE = "Suporte";
    static final String AGENT = "Ana Souza";

    private Scenes() {
    }

    static Event[] loggedInReady() {
        return new Event[]{
                new Event.SessionReady(V, null),
                new Event.AgentLoggedIn(V, null, new Agent("7", AGENT, "ana", "2001", null)),
                new Event.PauseReasons(V, null, List.of(new PauseReason("lunch", "Lunch", false),
                        new PauseReason("training", "Training", true))),
                new Event.AgentStateChanged(V, null, AgentState.READY, null, null)};
    }

    static Call inbound(String id) {
        return new Call(id, Direction.INBOUND, Party.of(NUMBER, NAME), Party.of("4000", null),
                QueueRef.of("q1", QUEUE, null), null, null, Map.of(), null);
    }

    static Call outbound(String id, String to) {
        return new Call(id, Direction.OUTBOUND, Party.of("2001", AGENT), Party.of(to, null), null, null, null,
                Map.of(), null);
    }

    /** A chat (or other non-voice contact) from a customer, as a vendor with several media reports it. */
    static Call contact(String id, String media, String who) {
        return new Call(id, Direction.INBOUND, Party.of(null, who), Party.of("4000", null),
                QueueRef.of("q2", "Chat", null), null, null, Map.of(), null, media);
    }

    static Event ringing(String id) {
        return new Event.CallRinging(V, null, id, inbound(id));
    }

    static Event connected(String id) {
        return new Event.CallConnected(V, null, id, null);
    }
}
