package dev.unibar.connectors;

/** A vendor message that cannot be read; the message says why, for the log line and the inspector. */
public class MalformedCaptureException extends Exception {
    public MalformedCaptureException(String reason) {
        super(reason);
    }
}
