package dev.unibar.ui;

/** Part 3 of the agent's day's sessions ({@link AgentDaySessions}, {@link AgentDayTest}). */
class AgentDay3Test extends AgentDayPart {

    @Override
    int part() {
        return 2;
    }
}
