package dev.unibar.core.state;

/** Where the agent's session stands, in the order a login walks through them. */
public enum SessionPhase {
    /** Not connected to the vendor yet, or the connection was lost. */
    CONNECTING,
    /** The vendor asks for a login. */
    CREDENTIALS,
    /** Logged in; a phone must be chosen. */
    DEVICE_SELECTION,
    /** A phone is paired; the vendor waits for confirmation or start-up. */
    DEVICE_PAIRED,
    /** The bar is usable. */
    READY
}
