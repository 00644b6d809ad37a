package dev.unibar.connectors.epbx.sim;

/** A hub method refused by the server; its message goes back verbatim as the invocation's error. */
public final class HubError extends RuntimeException {
    public HubError(String message) {
        super(message, null, false, false);
    }
}
