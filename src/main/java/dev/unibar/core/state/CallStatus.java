package dev.unibar.core.state;

public enum CallStatus {
    RINGING, DIALING, CONNECTED, HELD
}
