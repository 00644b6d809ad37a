package dev.unibar.core.state;

/**
 * The link to the vendor, as the connector reports it. What the bar shows of the agent and the calls is
 * the vendor's truth only while CONNECTED: a connector reports CONNECTED again after a drop only once it
 * has re-read (or been told) the vendor's state, so RECONNECTING lasts until then
 * ({@link BarState#agentStateKnown()}).
 */
public enum ConnectionStatus {
    CONNECTING,
    /** Up, and what the connector reported is what the vendor has now. */
    CONNECTED,
    /** Lost; the agent state and calls held are the last ones known, not known to be the vendor's now. */
    RECONNECTING,
    DISCONNECTED
}
