package dev.unibar.core.state;

/**
 * The agent's situation at a glance, the same for every vendor: what the state pill says and which colour it
 * has. {@link #NOT_KNOWN} while the bar cannot vouch for the vendor's truth (the connection is down or being
 * re-established, or the vendor has not said yet): never a counting "Ready" then.
 */
public enum Situation {
    NOT_KNOWN, OFFLINE, READY, NOT_READY, RINGING, ON_CALL, WRAP_UP
}
