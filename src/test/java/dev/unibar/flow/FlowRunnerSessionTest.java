package dev.unibar.flow;

import dev.unibar.core.Connector;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow that signs in, run in a session the agent already uses (issue 24): the steps the session has done pass
 * as done, a different sign-in is asked about once and resolved by signing out, and whatever of the agent's own
 * state stops a step is said with what to do. Any runner (the bar's Run flow…, {@code flow run --against config})
 * goes through this.
 */
class FlowRunnerSessionTest {

    private static final String FLOW = """
            name: sign in, then a call
            vendor: epbx
            timeout: 1s
            steps:
              - agent: login
                user: agent
                password: ${env:FLOW_PASSWORD}
                device: "1000"
                deviceType: ramalVirtual
                expect:
                  - {type: agent.loggedIn, agent: {login: agent}}
                  - {type: session.ready}
                  - {type: agent.state, state: READY}
              - agent: ready
                expect:
                  - {type: agent.state, state: READY}
              - agent: dial
                number: "123"
                expect:
                  - {type: call.dialing, callId: $call}
            """;

    /** A vendor that signs in whoever asks, dials at once, and can be started signed in already. */
    private static class Vendor implements Connector {
        final List<Command> received = new CopyOnWriteArrayList<>();
        final String signedInAs;
        final String device;
        final boolean onACall;
        Sink sink;

        Vendor(String signedInAs, String device, boolean onACall) {
            this.signedInAs = signedInAs;
            this.device = device;
            this.onACall = onACall;
        }

        @Override
        public String vendor() {
            return "epbx";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder()
                    .allow(CommandKind.LOGIN, SessionPhase.CREDENTIALS)
                    .allow(java.util.EnumSet.of(CommandKind.LOGOUT, CommandKind.SET_STATE, CommandKind.DIAL, CommandKind.HANGUP),
                            SessionPhase.READY)
                    .build();
        }

        @Override
        public void start(Sink sink) {
            this.sink = sink;
            sink.connection(ConnectionStatus.CONNECTED);
            if (signedInAs == null) {
                sink.events(null, List.of(new Event.CredentialsRequired("epbx", null)));
            } else {
                signIn(signedInAs, device);
                if (onACall) {
                    sink.events(null, List.of(new Event.CallConnected("epbx", null, "old",
                            new Call("old", Direction.INBOUND, new Party("555", null), null, null, null, null, Map.of(), null))));
                }
            }
        }

        private void signIn(String who, String dev) {
            sink.events(null, List.of(new Event.AgentLoggedIn("epbx", null, new Agent("7", "Agente", who, dev, null)),
                    new Event.DevicePaired("epbx", null, new Device(dev, dev)), new Event.SessionReady("epbx", null),
                    new Event.AgentStateChanged("epbx", null, AgentState.READY, null, null)));
        }

        @Override
        public CompletionStage<Void> send(Command c) {
            received.add(c);
            if (c instanceof Command.Login l) signIn(l.username(), l.device());
            if (c instanceof Command.Logout) sink.events(null, List.of(new Event.CredentialsRequired("epbx", null)));
            if (c instanceof Command.SetState s) sink.events(null, List.of(new Event.AgentStateChanged("epbx", null, s.state(), null, null)));
            if (c instanceof Command.Dial d) {
                sink.events(null, List.of(new Event.CallDialing("epbx", null, "c1",
                        new Call("c1", Direction.OUTBOUND, null, new Party(d.number(), null), null, null, null, Map.of(), null))));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void stop() {
        }
    }

    private static FlowReport run(Vendor v, boolean startOver, List<List<Reason>> asked) throws Exception {
        Session session = new Session(v, Clock.systemUTC());
        session.start();
        FlowRunner runner = new FlowRunner(session, null, FlowRunner.Mode.SIMULATOR, new FlowRunner.Listener() {
            @Override
            public boolean startOver(Flow flow, List<Reason> why) {
                asked.add(why);
                return startOver;
            }
        }, Clock.systemUTC()).environment(Map.of("FLOW_PASSWORD", "agent")::get);
        return runner.run(FlowReader.parse(FLOW, "signed-in.yml"));
    }

    @Test
    void stepsTheSessionHasAlreadyDonePassAsDone() throws Exception {
        Vendor v = new Vendor("agent", "1000", false);
        List<List<Reason>> asked = new ArrayList<>();
        FlowReport r = run(v, false, asked);
        assertTrue(r.passed(), ReportText.of(r));
        assertTrue(asked.isEmpty(), "nothing to ask: the bar is signed in as the flow signs in");
        assertEquals("already signed in as agent", r.steps().get(0).note().toString());
        assertEquals("already ready", r.steps().get(1).note().toString());
        assertFalse(v.received.stream().anyMatch(c -> c instanceof Command.Login || c instanceof Command.SetState),
                "no login or state command was sent: " + v.received);
        assertTrue(ReportText.of(r).contains("  ok    1  agent login user=agent password=****** device=1000 deviceType=ramalVirtual"
                + "  already signed in as agent\n"), ReportText.of(r));
        assertTrue(JUnitXml.of(List.of(r)).contains("<system-out>already signed in as agent</system-out>"));
    }

    @Test
    void aDifferentSignInIsAskedAboutOnceAndStartingOverSignsOutFirst() throws Exception {
        Vendor v = new Vendor("agent", "1001", false);
        List<List<Reason>> asked = new ArrayList<>();
        FlowReport r = run(v, true, asked);
        assertTrue(r.passed(), ReportText.of(r));
        assertEquals(1, asked.size());
        assertEquals("step 1: the bar is paired with 1001; this step pairs 1000", asked.get(0).get(0).toString());
        assertTrue(v.received.get(0) instanceof Command.Logout, "signed out first: " + v.received);
        assertTrue(v.received.get(1) instanceof Command.Login l && l.device().equals("1000") && l.password().equals("agent"),
                "then the flow's own login, its password from the environment: " + v.received);
        assertEquals(null, r.steps().get(0).note(), "the login step ran");
    }

    @Test
    void keepingTheSessionFailsTheStepWithWhatToDo() throws Exception {
        FlowReport r = run(new Vendor("maria", "1000", false), false, new ArrayList<>());
        StepResult first = r.steps().get(0);
        assertEquals(StepResult.Status.FAILED, first.status());
        assertEquals("the bar is signed in as maria; this step signs in as agent\n"
                + "what to do: sign the agent out and run the flow again, or let the flow sign out and start over "
                + "(Run flow… asks; flow run: --start-over)", first.failure());
        assertEquals(StepResult.Status.SKIPPED, r.steps().get(2).status());
    }

    @Test
    void anExpectationTheSessionDoesNotMeetIsAConflictTooAndSaysWhich() throws Exception {
        Vendor v = new Vendor("agent", "1000", false) {
            @Override
            public void start(Sink sink) {
                super.start(sink);
                sink.events(null, List.of(new Event.AgentStateChanged("epbx", null, AgentState.NOT_READY, "Almoço", false)));
            }
        };
        List<List<Reason>> asked = new ArrayList<>();
        FlowReport r = run(v, false, asked);
        assertEquals(1, asked.size());
        assertEquals("step 1: the bar is already signed in, and line 13: {type: agent.state, state: READY} does not hold: "
                + "came close: agent.state, but state: expected \"READY\", got \"NOT_READY\"", asked.get(0).get(0).toString());
        assertEquals(StepResult.Status.FAILED, r.steps().get(0).status());
    }

    @Test
    void aCallOnTheLineStopsTheFlowBeforeItsFirstStepSayingSo() throws Exception {
        Vendor v = new Vendor("agent", "1000", true);
        FlowReport r = run(v, false, new ArrayList<>());
        assertEquals("calls on the line: 1; what to do: end them, then run the flow", r.steps().get(0).failure());
        assertTrue(v.received.isEmpty(), "nothing was sent: " + v.received);
    }

    @Test
    void aCommandTheAgentsOwnStateStopsSaysWhatToDo() throws Exception {
        Session session = new Session(new Vendor("agent", "1000", false), Clock.systemUTC());
        session.start();
        FlowReport r = new FlowRunner(session, null, FlowRunner.Mode.SIMULATOR, null, Clock.systemUTC())
                .run(FlowReader.parse("""
                        name: dial
                        vendor: epbx
                        timeout: 200ms
                        steps:
                          - agent: dial
                            number: "1"
                          - agent: dial
                            number: "2"
                        """, "dial.yml"));
        // The first call is still on the line (nobody hung it up): the second dial waits in vain.
        assertEquals("the bar did not allow dial within 200 ms (session READY, agent READY)\n"
                + "what to do: end the call on the line first (calls: 1)", r.steps().get(1).failure());
    }
}
