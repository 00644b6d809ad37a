package dev.unibar.ui;

/** Part 2 of the agent's day's sessions ({@link AgentDaySessions}, {@link AgentDayTest}). */
class AgentDay2Test extends AgentDayPart {

    @Override
    int part() {
        return 1;
    }
}
