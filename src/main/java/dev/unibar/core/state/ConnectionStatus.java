package dev.unibar.core.state;

public enum ConnectionStatus {
    CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED
}
