package dev.unibar.core;

import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Participant;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.Presentation;
import dev.unibar.core.state.Presenter;
import dev.unibar.core.state.PrimaryActions;
import dev.unibar.core.state.PrimaryActions.Action;
import dev.unibar.core.state.Reducer;
import dev.unibar.core.state.Situation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.unibar.core.state.PrimaryActions.Action.ANSWER;
import static dev.unibar.core.state.PrimaryActions.Action.CODES;
import static dev.unibar.core.state.PrimaryActions.Action.COMPLETE_TRANSFER;
import static dev.unibar.core.state.PrimaryActions.Action.HANGUP;
import static dev.unibar.core.state.PrimaryActions.Action.HOLD;
import static dev.unibar.core.state.PrimaryActions.Action.MUTE;
import static dev.unibar.core.state.PrimaryActions.Action.NONE;
import static dev.unibar.core.state.PrimaryActions.Action.READY;
import static dev.unibar.core.state.PrimaryActions.Action.REJECT;
import static dev.unibar.core.state.PrimaryActions.Action.TRANSFER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The presentation as a table: vendor-neutral situations (events and the connection, as any connector reports
 * them) against what the agent sees (situation, reason, timer, badges, primary slots). Each event lands one
 * second after the one before from T0; the timer is read at the row's {@code now}.
 */
class PresenterTest {

    static final String V = "any";
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final Set<Action> ALL = EnumSet.allOf(Action.class);

    record Row(String name, ConnectionStatus connection, List<Event> events, long now, Situation situation,
               String reason, String timer, boolean over, Presentation.Badges badges, List<Action> slots) {
    }

    static Event[] signedIn() {
        return new Event[]{new Event.SessionReady(V, null),
                new Event.AgentLoggedIn(V, null, new Agent("7", "Ana", "ana", "2001", null)),
                new Event.PauseReasons(V, null, List.of(new PauseReason("12", "Lunch", false)))};
    }

    static List<Event> with(Event... more) {
        List<Event> out = new ArrayList<>(List.of(signedIn()));
        out.addAll(List.of(more));
        return out;
    }

    static Event state(AgentState s) {
        return new Event.AgentStateChanged(V, null, s, null, null);
    }

    static Event ringing(String id) {
        return new Event.CallRinging(V, null, id, ReducerTest.inbound(id, "5511"));
    }

    static Event connected(String id) {
        return new Event.CallConnected(V, null, id, null);
    }

    static final Presentation.Badges NO = Presentation.Badges.NONE;
    static final ConnectionStatus UP = ConnectionStatus.CONNECTED;

    static List<Row> table() {
        List<Row> t = new ArrayList<>();
        t.add(new Row("starting", ConnectionStatus.CONNECTING, List.of(), 0, Situation.NOT_KNOWN, null, "", false, NO,
                List.of(NONE, NONE, NONE, NONE)));
        t.add(new Row("sign-in asked, even with no connection yet (EPBX)", ConnectionStatus.DISCONNECTED,
                List.of(new Event.CredentialsRequired(V, null)), 5, Situation.OFFLINE, null, "", false, NO,
                List.of(NONE, READY, NONE, NONE)));
        t.add(new Row("connected, the vendor has not said the agent state", UP, with(), 9, Situation.NOT_KNOWN, null, "",
                false, NO, List.of(NONE, NONE, NONE, NONE)));
        t.add(new Row("ready, counting up", UP, with(state(AgentState.READY)), 65, Situation.READY, null, "01:02", false,
                NO, List.of(NONE, NONE, NONE, NONE)));
        t.add(new Row("ready, then the connection drops: never a counting Ready", ConnectionStatus.RECONNECTING,
                with(state(AgentState.READY)), 65, Situation.NOT_KNOWN, null, "", false, NO,
                List.of(NONE, NONE, NONE, NONE)));
        t.add(new Row("a call, then the connection is lost: no live call buttons", ConnectionStatus.DISCONNECTED,
                with(state(AgentState.READY), ringing("c1"), connected("c1")), 65, Situation.NOT_KNOWN, null, "", false,
                NO, List.of(NONE, NONE, NONE, NONE)));
        t.add(new Row("paused with the reason's id: shown by its label", UP,
                with(new Event.AgentStateChanged(V, null, AgentState.NOT_READY, "12", false)), 3603,
                Situation.NOT_READY, "Lunch", "1:00:00", false, NO, List.of(NONE, READY, NONE, NONE)));
        t.add(new Row("a pause the vendor limits counts down", UP,
                with(new Event.AgentStateChanged(V, null, AgentState.NOT_READY, "Banheiro", false, 300)), 63,
                Situation.NOT_READY, "Banheiro", "04:00", false, NO, List.of(NONE, READY, NONE, NONE)));
        t.add(new Row("offline but signed in", UP, with(state(AgentState.OFFLINE)), 4, Situation.OFFLINE, null, "00:01",
                false, NO, List.of(NONE, READY, NONE, NONE)));
        t.add(new Row("ringing while the vendor still says ready", UP, with(state(AgentState.READY), ringing("c1")), 6,
                Situation.RINGING, null, "00:02", false, NO, List.of(ANSWER, REJECT, NONE, NONE)));
        t.add(new Row("talking: on call, not a green Ready", UP,
                with(state(AgentState.READY), ringing("c1"), connected("c1")), 20, Situation.ON_CALL, null, "00:15",
                false, NO, List.of(HOLD, MUTE, TRANSFER, HANGUP)));
        t.add(new Row("held and muted: badges", UP, with(ringing("c1"), connected("c1"),
                new Event.CallMuted(V, null, "c1"), new Event.CallHeld(V, null, "c1")), 10, Situation.ON_CALL, null,
                "00:06", false, new Presentation.Badges(true, true, false, 0, false, false),
                List.of(HOLD, MUTE, TRANSFER, HANGUP)));
        t.add(new Row("consulting: complete the transfer in the transfer's place", UP, with(ringing("c1"),
                connected("c1"), new Event.CallHeld(V, null, "c1"),
                new Event.CallDialing(V, null, "c2", ReducerTest.outbound("c2", "2002")), connected("c2")), 10,
                Situation.ON_CALL, null, "00:03", false, NO, List.of(HOLD, MUTE, COMPLETE_TRANSFER, HANGUP)));
        t.add(new Row("conference with two legs", UP, with(ringing("c1"), connected("c1"),
                new Event.CallConferenced(V, null, "c1"),
                new Event.CallParticipant(V, null, "c1", new Participant("p1", "2002", "connected")),
                new Event.CallParticipant(V, null, "c1", new Participant("p2", "2003", "dialing"))), 10,
                Situation.ON_CALL, null, "00:06", false, new Presentation.Badges(false, false, true, 2, false, false),
                List.of(HOLD, MUTE, TRANSFER, HANGUP)));
        t.add(new Row("dialing out is on a call", UP,
                with(new Event.CallDialing(V, null, "c3", ReducerTest.outbound("c3", "2002"))), 8, Situation.ON_CALL,
                null, "00:05", false, NO, List.of(HOLD, MUTE, TRANSFER, HANGUP)));
        t.add(new Row("wrap-up with a limit counts down to zero (MAX AcwTimeout)", UP, with(ringing("c1"),
                connected("c1"), new Event.CallEnded(V, null, "c1", "remote"),
                new Event.AgentStateChanged(V, null, AgentState.WRAP_UP, null, null, 120)), 8, Situation.WRAP_UP, null,
                "01:58", false, NO, List.of(CODES, READY, NONE, NONE)));
        t.add(new Row("wrap-up past its limit: over time, in red", UP, with(
                new Event.AgentStateChanged(V, null, AgentState.WRAP_UP, null, null, 30)), 68, Situation.WRAP_UP, null,
                "+00:35", true, NO, List.of(CODES, READY, NONE, NONE)));
        t.add(new Row("after-call work announced by the call, state still ready", UP, with(state(AgentState.READY),
                ringing("c1"), connected("c1"), new Event.CallWrapUp(V, null, "c1")), 9, Situation.WRAP_UP, null, "",
                false, NO, List.of(CODES, READY, NONE, NONE)));
        return t;
    }

    static BarState run(ConnectionStatus connection, List<Event> events) {
        BarState s = Reducer.withConnection(BarState.initial(V), ConnectionStatus.CONNECTED);
        Instant at = T0;
        for (Event e : events) {
            s = Reducer.reduce(s, e, at);
            at = at.plusSeconds(1);
        }
        return Reducer.withConnection(s, connection);
    }

    @Test
    void everySituationAsTheTableSays() {
        for (Row r : table()) {
            Presentation p = Presenter.present(run(r.connection(), r.events()));
            Presentation.Timer timer = p.timer(T0.plusSeconds(r.now()));
            assertEquals(r.situation(), p.situation(), r.name());
            assertEquals(r.reason(), p.reason(), r.name());
            assertEquals(r.timer(), timer.text(), r.name());
            assertEquals(r.over(), timer.over(), r.name());
            assertEquals(r.badges(), p.badges(), r.name());
            assertEquals(r.slots(), PrimaryActions.slots(p, ALL), r.name());
        }
    }

    @Test
    void theVendorsWordsStayBesideTheSituation() {
        Presentation p = Presenter.present(run(UP, with(new Event.AgentStateChanged(V, null, AgentState.NOT_READY,
                "12", false))));
        assertEquals(new Presentation.Said(V, UP, dev.unibar.core.state.SessionPhase.READY, AgentState.NOT_READY, "12"),
                p.said());
    }

    @Test
    void aStateTheVendorCannotDoLeavesItsSlotEmpty() {
        Presentation ringing = Presenter.present(run(UP, with(ringing("c1"))));
        // EPBX: the phone answers, the bar cannot; no reject either, so hanging up turns the call down.
        assertEquals(List.of(NONE, NONE, NONE, HANGUP),
                PrimaryActions.slots(ringing, EnumSet.of(HANGUP, HOLD, TRANSFER)));
        Presentation wrapUp = Presenter.present(run(UP, with(state(AgentState.WRAP_UP))));
        // MAX: no state command and no codes through the bar.
        assertEquals(List.of(NONE, NONE, NONE, NONE), PrimaryActions.slots(wrapUp, EnumSet.of(HANGUP, HOLD)));
    }

    @Test
    void everyActionHasOnePlace() {
        for (Row r : table()) {
            List<Action> slots = PrimaryActions.slots(Presenter.present(run(r.connection(), r.events())), ALL);
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i) != NONE) assertEquals(i, PrimaryActions.slotOf(slots.get(i)), r.name() + " " + slots);
            }
        }
    }

    @Test
    void clockFormat() {
        assertEquals("00:00", Presentation.clock(0));
        assertEquals("59:59", Presentation.clock(3599));
        assertEquals("1:00:00", Presentation.clock(3600));
        assertEquals("00:00", Presentation.clock(-5));
    }
}
