package dev.unibar.connectors.evolux.sim;

/**
 * What the simulated platform holds now, for tests that compare it with what a client shows.
 *
 * @param callId       the current call's {@code id}, or null
 * @param callAnswered whether the current call was accepted
 * @param pauseReason  the current pause's reason, or null when the agent is not paused
 */
public record SimState(String callId, boolean callAnswered, String pauseReason) {
}
