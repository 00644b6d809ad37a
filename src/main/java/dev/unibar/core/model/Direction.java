package dev.unibar.core.model;

public enum Direction {
    INBOUND, OUTBOUND;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
