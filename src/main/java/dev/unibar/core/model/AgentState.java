package dev.unibar.core.model;

public enum AgentState {
    READY, NOT_READY, WRAP_UP, OFFLINE
}
