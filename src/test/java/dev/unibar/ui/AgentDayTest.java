package dev.unibar.ui;

/**
 * The agent's day ({@code scenarios/agent-day.yml}) through the real bar against every vendor's simulator: one
 * bar session per vendor and host, the steps in sequence, each a test of its own. The agent uses the keyboard
 * only ({@link AgentKeys}); the far end is the vendor module's {@link dev.unibar.flow.FarEnd}. Each step checks what the agent
 * sees ({@link AgentSees}); an action the vendor cannot do checks that the bar shows no control for it; a
 * known gap is reported as skipped with its reason while it fails. The journal's rows are checked at the end.
 * This class plays the first part of the sessions ({@link AgentDaySessions}), {@link AgentDay2Test} and
 * {@link AgentDay3Test} the others.
 */
class AgentDayTest extends AgentDayPart {

    @Override
    int part() {
        return 0;
    }
}
