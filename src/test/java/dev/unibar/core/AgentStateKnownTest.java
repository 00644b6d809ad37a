package dev.unibar.core;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.Reducer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent state is the vendor's only while signed in and connected; otherwise it is the last one known. */
class AgentStateKnownTest {

    private static final String V = "epbx";

    private static BarState readyAndConnected() {
        BarState s = ReducerTest.run(new Event.SessionReady(V, null),
                new Event.AgentStateChanged(V, null, AgentState.READY, null, null));
        return Reducer.withConnection(s, ConnectionStatus.CONNECTED);
    }

    @Test
    void signedInConnectedAndStatedIsKnown() {
        assertTrue(readyAndConnected().agentStateKnown());
    }

    @Test
    void aLostLinkKeepsTheLastStateButNotAsKnown() {
        for (ConnectionStatus c : new ConnectionStatus[] {ConnectionStatus.RECONNECTING, ConnectionStatus.DISCONNECTED,
                ConnectionStatus.CONNECTING}) {
            BarState s = Reducer.withConnection(readyAndConnected(), c);
            assertEquals(AgentState.READY, s.agentState(), "the last state known is kept for when it is re-read");
            assertFalse(s.agentStateKnown(), c.name());
        }
    }

    @Test
    void noStateYetOrSignedOutIsNotKnown() {
        BarState noState = Reducer.withConnection(ReducerTest.run(new Event.SessionReady(V, null)), ConnectionStatus.CONNECTED);
        assertFalse(noState.agentStateKnown());
        BarState signedOut = Reducer.reduce(readyAndConnected(), new Event.CredentialsRequired(V, null), ReducerTest.T0);
        assertFalse(signedOut.agentStateKnown());
    }
}
